import type { PgBoss } from 'pg-boss';
import type { VisibilityStage } from '../../db/generated/client/enums';
import type { PrismaClient } from '../../db/prisma';
import { sendAskJobs, sendVisibilityScoreJob, type AskJob } from '../../queue';
import type { AnswerAnalysis, VisibilityInsight, VisibilityScores } from '../../visibility';
import { appendRunEvent, lockAudit, recordAuditChange } from './audits';
import { queueRunDeliveries } from '../webhooks';
import { answerMentions, auditBrands, auditInsights, auditScores } from './columns';
import { recordVisibilityRun } from './history';

/*
 * The transactions of a visibility audit's jobs. Each locks the audit first and acts only while
 * it runs in the stage the job expects: a cancelled audit, or a job run twice, changes nothing.
 */

/** Progress at each stage's start; asking moves from ASKING's to ANALYSING's as requests end. */
const PROGRESS = { GENERATING_PROMPTS: 1, ASKING: 5, ANALYSING: 90, SCORING: 95, DONE: 100 } as const;

/** Marks a pending audit RUNNING in GENERATING_PROMPTS; false when it is not pending (or already generating: a retried job goes on). */
export async function startPromptsStage(prisma: PrismaClient, auditId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockAudit(tx, auditId);
    if (!locked) return false;
    const audit = await tx.visibilityAudit.findUniqueOrThrow({ where: { id: auditId }, select: { stage: true } });
    if (locked.status === 'RUNNING' && audit.stage === 'GENERATING_PROMPTS') return true;
    if (locked.status !== 'PENDING') return false;
    await recordAuditChange(tx, locked, { status: 'RUNNING', stage: 'GENERATING_PROMPTS', startedAt: new Date(), progress: PROGRESS.GENERATING_PROMPTS });
    return true;
  });
}

/** Stores the prompts and queues one job per prompt × engine × sample, in one transaction. */
export async function beginAsking(prisma: PrismaClient, boss: PgBoss, auditId: string, prompts: readonly string[], source: 'PROJECT' | 'MODEL' | 'TEMPLATES') {
  await prisma.$transaction(async (tx) => {
    const locked = await lockAudit(tx, auditId);
    if (locked?.status !== 'RUNNING') return;
    const audit = await tx.visibilityAudit.findUniqueOrThrow({ where: { id: auditId }, select: { stage: true, engines: true, samplesPerPrompt: true } });
    if (audit.stage !== 'GENERATING_PROMPTS') return;
    const jobs: AskJob[] = prompts.flatMap((prompt) =>
      audit.engines.flatMap((engine) => Array.from({ length: audit.samplesPerPrompt }, (_, index) => ({ auditId, engine, prompt, sample: index + 1 }))),
    );
    await recordAuditChange(tx, locked, { prompts: [...prompts], promptsSource: source, requestsTotal: jobs.length, stage: 'ASKING', progress: PROGRESS.ASKING });
    await sendAskJobs(boss, tx, jobs);
  });
}

/** True while the audit runs: a job checks it again right before each request. */
export async function auditRunning(prisma: PrismaClient, auditId: string): Promise<boolean> {
  const audit = await prisma.visibilityAudit.findUnique({ where: { id: auditId }, select: { status: true } });
  return audit?.status === 'RUNNING';
}

export async function answerStored(prisma: PrismaClient, job: AskJob): Promise<boolean> {
  const found = await prisma.visibilityAnswer.findUnique({
    where: { auditId_engine_prompt_sample: { auditId: job.auditId, engine: job.engine, prompt: job.prompt, sample: job.sample } },
    select: { id: true },
  });
  return found !== null;
}

/** What one request came back with (an answer, or its failure in `error` with empty text). */
export interface AnswerRow {
  model: string;
  text: string;
  citations: string[];
  latencyMs: number;
  tokensUsed: number | null;
  cached: boolean;
  error: string | null;
}

export interface CacheKey {
  engine: string;
  /** The configured model: what the operator chose to ask. */
  model: string;
  prompt: string;
  sample: number;
}

/** The cached answer for the key, if one younger than `ttlHours` is kept. */
export async function cachedAnswer(prisma: PrismaClient, key: CacheKey, ttlHours: number) {
  if (ttlHours <= 0) return null;
  const row = await prisma.visibilityAnswerCache.findUnique({ where: { engine_model_prompt_sample: key } });
  return row && row.createdAt.getTime() > Date.now() - ttlHours * 3_600_000 ? row : null;
}

/**
 * Stores one request's outcome and counts it, once however often the job runs (the unique
 * (audit, engine, prompt, sample) row), and nothing once the audit is no longer running. The
 * transaction that counts the last request queues the scoring. A fresh answer also replaces the
 * cache entry of its key. False when nothing was stored.
 */
export async function storeAnswer(prisma: PrismaClient, boss: PgBoss, job: AskJob, row: AnswerRow, cacheKey: CacheKey | null): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockAudit(tx, job.auditId);
    if (locked?.status !== 'RUNNING') return false;
    const { count } = await tx.visibilityAnswer.createMany({ data: [{ ...job, ...row, brands: [] }], skipDuplicates: true });
    if (count === 0) return false;
    const audit = await tx.visibilityAudit.findUniqueOrThrow({ where: { id: job.auditId }, select: { requestsDone: true, requestsTotal: true } });
    const done = audit.requestsDone + 1;
    const span = PROGRESS.ANALYSING - PROGRESS.ASKING;
    await recordAuditChange(tx, locked, {
      requestsDone: done,
      requestsFailed: { increment: row.error === null ? 0 : 1 },
      tokensUsed: { increment: row.cached ? 0 : (row.tokensUsed ?? 0) },
      progress: PROGRESS.ASKING + Math.floor((span * done) / Math.max(1, audit.requestsTotal)),
    });
    if (cacheKey && row.error === null && !row.cached) {
      const entry = { text: row.text, answeredBy: row.model, citations: row.citations, latencyMs: row.latencyMs, tokensUsed: row.tokensUsed, createdAt: new Date() };
      await tx.visibilityAnswerCache.upsert({ where: { engine_model_prompt_sample: cacheKey }, create: { ...cacheKey, ...entry }, update: entry });
    }
    if (done >= audit.requestsTotal) await sendVisibilityScoreJob(boss, tx, job.auditId);
    return true;
  });
}

/** Moves a running audit to the stage; false when it no longer runs. */
export async function enterStage(prisma: PrismaClient, auditId: string, stage: Extract<VisibilityStage, 'ANALYSING' | 'SCORING'>): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockAudit(tx, auditId);
    if (locked?.status !== 'RUNNING') return false;
    await recordAuditChange(tx, locked, { stage, progress: PROGRESS[stage] });
    return true;
  });
}

/** Links the audit's cited-pages batch as soon as it exists, so a retried scoring job does not start another. */
export async function linkCitedPagesBatch(prisma: PrismaClient, auditId: string, batchId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const locked = await lockAudit(tx, auditId);
    if (locked?.status === 'RUNNING') await recordAuditChange(tx, locked, { citedPagesBatch: { connect: { id: batchId } } });
  });
}

export type AuditOutcome =
  | {
      status: 'COMPLETED';
      error: string | null;
      analyses: { answerId: string; analysis: AnswerAnalysis }[];
      scores: VisibilityScores;
      insights: VisibilityInsight[];
      insightsFailure: string | null;
    }
  | { status: 'FAILED'; error: string };

/**
 * Ends a running audit with its outcome: the answers' analyses, scores and insights, and for a
 * completed audit of a project its run, history points and changes, are stored with its end, or nothing is.
 */
export async function finishAudit({ prisma, boss }: { prisma: PrismaClient; boss: PgBoss }, auditId: string, outcome: AuditOutcome): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockAudit(tx, auditId);
    if (locked?.status !== 'RUNNING') return false;
    if (outcome.status === 'COMPLETED' && outcome.analyses.length > 0) {
      const values = outcome.analyses.map(({ answerId, analysis }) => ({
        id: answerId,
        mentions: answerMentions.write(analysis),
        brands: analysis.mentions.map((mention) => mention.brand),
      }));
      await tx.$executeRaw`
        UPDATE "VisibilityAnswer" AS a SET mentions = v.mentions, brands = ARRAY(SELECT jsonb_array_elements_text(v.brands))
        FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id uuid, mentions jsonb, brands jsonb)
        WHERE a.id = v.id AND a."auditId" = ${auditId}::uuid`;
    }
    const audit = await recordAuditChange(tx, locked, {
      status: outcome.status,
      error: outcome.error,
      stage: 'DONE',
      progress: PROGRESS.DONE,
      finishedAt: new Date(),
      ...(outcome.status === 'COMPLETED'
        ? { scores: auditScores.write(outcome.scores), insights: auditInsights.write(outcome.insights), insightsFailure: outcome.insightsFailure }
        : {}),
    });
    if (outcome.status === 'COMPLETED' && audit.projectId && audit.startedAt && audit.finishedAt) {
      const run = { id: audit.id, projectId: audit.projectId, startedAt: audit.startedAt, finishedAt: audit.finishedAt };
      await recordVisibilityRun(tx, run, auditBrands.read(audit.brands, `audit ${audit.id}`), outcome.scores);
    }
    await appendRunEvent(tx, audit, 'RUN_ENDED');
    if (audit.projectId) await queueRunDeliveries(tx, boss, { id: audit.id, type: 'VisibilityAudit', projectId: audit.projectId, status: audit.status });
    return true;
  });
}
