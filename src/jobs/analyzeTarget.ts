import type { Job, PgBoss } from 'pg-boss';
import { z } from 'zod';
import { AnalysisError, type Analyzer, type OriginFiles, type PageReport } from '../analysis';
import { recordBatchChange } from '../batches/changes';
import { lockBatchOfTarget } from '../batches/progress';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { sendCompareJob } from './queues';

/** Old jobs outlive type changes: the payload is checked, never trusted. */
const payloadSchema = z.object({ targetId: z.uuid() });
export function assertAnalyzeTargetPayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data);
}

export interface AnalyzeTargetDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  analyzer: Analyzer;
  maxAttempts: number;
  log: Logger;
}

type Outcome = { report: PageReport } | { error: string };

export async function analyzeTarget(deps: AnalyzeTargetDeps, job: Job<unknown>): Promise<void> {
  const { targetId } = assertAnalyzeTargetPayload(job.data);
  const started = await startTarget(deps.prisma, targetId);
  if (!started) return; // cancelled, or finished by an earlier run of this job
  const { target, attempts } = started;
  let outcome: Outcome;
  try {
    const originFiles = await originFilesFor(deps, target.batchId, target.url);
    outcome = { report: await deps.analyzer.analyze(target.url, originFiles) };
  } catch (error) {
    const retryable = !(error instanceof AnalysisError) || error.retryable;
    if (retryable && attempts < deps.maxAttempts) {
      throw error;
    }
    if (!(error instanceof AnalysisError)) deps.log.error({ targetId, err: error }, 'analysis crashed');
    outcome = { error: error instanceof AnalysisError ? error.message : 'The page could not be analysed.' };
  }
  await finishTarget(deps, targetId, outcome);
}

async function startTarget(prisma: PrismaClient, targetId: string) {
  return prisma.$transaction(async (tx) => {
    const batch = await lockBatchOfTarget(tx, targetId);
    if (!batch) return null;
    const target = await tx.target.findUniqueOrThrow({ where: { id: targetId } });
    if (target.status !== 'PENDING' && target.status !== 'RUNNING') return null;
    const now = new Date();
    const running = await tx.target.update({
      where: { id: targetId },
      data: { status: 'RUNNING', attempts: { increment: 1 }, startedAt: target.startedAt ?? now, error: null },
    });
    await recordBatchChange(
      tx,
      batch.id,
      targetId,
      batch.status === 'PENDING' ? { status: 'RUNNING', startedAt: now } : {},
    );
    return { target: running, attempts: running.attempts };
  });
}

/**
 * Stores the result and counts the target once: a target that is no longer PENDING or RUNNING
 * (counted by an earlier run, or cancelled) is left as it is. The job that counts the last
 * target asks for the comparison, in the same transaction.
 */
async function finishTarget(deps: AnalyzeTargetDeps, targetId: string, outcome: Outcome): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const batch = await lockBatchOfTarget(tx, targetId);
    if (!batch) return;
    const failed = 'error' in outcome;
    const finished = await tx.target.updateMany({
      where: { id: targetId, status: { in: ['PENDING', 'RUNNING'] } },
      data: { status: failed ? 'FAILED' : 'SUCCEEDED', error: failed ? outcome.error : null, finishedAt: new Date() },
    });
    if (finished.count === 0) return;
    if ('report' in outcome) await tx.pageAnalysis.create({ data: toAnalysisRow(targetId, outcome.report) });
    const counted = await recordBatchChange(tx, batch.id, targetId, {
      completedUrls: { increment: 1 },
      failedUrls: { increment: failed ? 1 : 0 },
    });
    if (counted.completedUrls === counted.totalUrls) await sendCompareJob(deps.boss, tx, batch.id);
  });
}

function toAnalysisRow(targetId: string, report: PageReport) {
  const { scores, headings, checks, ...page } = report;
  return {
    targetId,
    ...page,
    headings: headings as object[],
    checks: checks as object[],
    seoScore: scores.seo,
    aeoScore: scores.aeo,
    technicalScore: scores.technical,
    overallScore: scores.overall,
  };
}

const inFlightOriginFiles = new Map<string, Promise<OriginFiles>>();

/**
 * robots.txt, llms.txt and the sitemap are fetched once per origin per batch and stored; every
 * target of that origin, in any process, reads the stored copy. Two processes racing on the
 * first fetch both fetch, and the first stored copy wins for everyone.
 */
async function originFilesFor(deps: AnalyzeTargetDeps, batchId: string, url: string): Promise<OriginFiles> {
  const origin = new URL(url).origin;
  const key = `${batchId} ${origin}`;
  let pending = inFlightOriginFiles.get(key);
  if (!pending) {
    pending = loadOrFetchOriginFiles(deps, batchId, origin).finally(() => inFlightOriginFiles.delete(key));
    inFlightOriginFiles.set(key, pending);
  }
  return pending;
}

async function loadOrFetchOriginFiles(deps: AnalyzeTargetDeps, batchId: string, origin: string) {
  const where = { batchId_origin: { batchId, origin } };
  const stored = await deps.prisma.originFiles.findUnique({ where });
  if (stored) return stored.files as unknown as OriginFiles;
  const files = await deps.analyzer.fetchOriginFiles(origin);
  await deps.prisma.originFiles.createMany({
    data: [{ batchId, origin, files: files as unknown as object }],
    skipDuplicates: true,
  });
  const winner = await deps.prisma.originFiles.findUniqueOrThrow({ where });
  return winner.files as unknown as OriginFiles;
}
