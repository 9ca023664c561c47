import type { PgBoss } from 'pg-boss';
import type { Caller } from '../auth/caller';
import { createBatchIn, type BatchLimits } from '../batches/create';
import type { PrismaClient, Transaction } from '../db/prisma';
import { UserError } from '../errors';
import type { Logger } from '../logger';
import type { AnalyzeJobPlan } from '../queue';
import { siteAuditInput } from './run';
import { createVisibilityAuditIn, SAMPLES_PER_PROMPT } from './visibility/audits';
import { nextRunAfter, type RunKind } from './schedule';

export interface SchedulerDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  limits: BatchLimits;
  jobPlan: AnalyzeJobPlan;
  /** The configured answer engines' names: a scheduled visibility audit asks them all. */
  answerEngines: readonly string[];
  log: Logger;
}

/** What one due project's turn did: the batches and visibility audits it started, and why anything due was not started. */
export interface ScheduledTurn {
  projectId: string;
  batchIds: string[];
  auditIds: string[];
  error: string | null;
}


/** Long enough to wait for the owner's quota lock behind a request that holds it. */
const TURN_LIMITS = { maxWait: 5_000, timeout: 15_000 };

interface DueProject {
  id: string;
  ownerId: string;
  name: string;
  maxPagesPerSite: number;
  cron: string;
  timezone: string;
  runs: RunKind[];
}

/**
 * Starts the runs of every project whose schedule is due at `now`, one project per
 * transaction. Any number of processes may call this at once: a due project is taken with
 * FOR NO KEY UPDATE SKIP LOCKED (NO KEY, so a batch being linked to it elsewhere does not wait
 * on us while we wait on its owner's quota lock), and its nextRunAt moves past `now` in the
 * same transaction, so each due slot starts once. Slots missed while no scheduler ran end in
 * one run: the next slot counts from `now`, not from the missed one.
 */
export async function startDueRuns(deps: SchedulerDeps, now: Date): Promise<ScheduledTurn[]> {
  const turns: ScheduledTurn[] = [];
  // Projects whose turn failed unexpectedly in this pass: left due for the next pass, not retried in a loop.
  const tried: string[] = [];
  for (;;) {
    const triedBefore = tried.length;
    let turn: ScheduledTurn | null;
    try {
      turn = await deps.prisma.$transaction((tx) => takeDueProject(tx, deps, now, tried), TURN_LIMITS);
    } catch (error) {
      if (tried.length === triedBefore) throw error; // no project was taken: the database itself failed
      deps.log.warn({ err: error, projectId: tried.at(-1) }, "a scheduled run failed; the project stays due for the scheduler's next pass");
      continue;
    }
    if (!turn) return turns;
    turns.push(turn);
  }
}

async function takeDueProject(tx: Transaction, deps: SchedulerDeps, now: Date, tried: string[]): Promise<ScheduledTurn | null> {
  const [project] = await tx.$queryRaw<DueProject[]>`
    SELECT id, "ownerId", name, "maxPagesPerSite", "scheduleCron" AS cron, "scheduleTimezone" AS timezone, "scheduleRuns"::text[] AS runs
    FROM "Project"
    WHERE "nextRunAt" <= ${now} AND NOT (id = ANY(${tried}::uuid[]))
    ORDER BY "nextRunAt", id
    LIMIT 1
    FOR NO KEY UPDATE SKIP LOCKED`;
  if (!project) return null;
  tried.push(project.id);
  const batchIds: string[] = [];
  const problems: string[] = [];
  if (project.runs.includes('SITE_AUDIT')) {
    const outcome = await startSiteAudit(tx, deps, project);
    if ('batchId' in outcome) batchIds.push(outcome.batchId);
    else problems.push(outcome.problem);
  }
  const auditIds: string[] = [];
  if (project.runs.includes('VISIBILITY_AUDIT')) {
    const outcome = await startScheduledVisibilityAudit(tx, deps, project);
    if ('auditId' in outcome) auditIds.push(outcome.auditId);
    else problems.push(outcome.problem);
  }
  const error = problems.length > 0 ? problems.join(' ') : null;
  await tx.project.update({
    where: { id: project.id },
    data: {
      nextRunAt: nextRunAfter(project, now),
      ...(batchIds.length + auditIds.length > 0 ? { lastRunAt: now } : {}),
      scheduleError: error,
      scheduleErrorAt: error ? now : null,
    },
  });
  for (const batchId of batchIds) deps.log.info({ projectId: project.id, ownerId: project.ownerId, batchId }, 'scheduled site audit started');
  for (const auditId of auditIds) deps.log.info({ projectId: project.id, ownerId: project.ownerId, auditId }, 'scheduled visibility audit started');
  if (error) deps.log.info({ projectId: project.id, ownerId: project.ownerId, reason: error }, 'scheduled run not started');
  return { projectId: project.id, batchIds, auditIds, error };
}

/** The project's site audit, created as `runSiteAudit` creates it, unless the last one is still going or the owner's limits refuse it. */
async function startSiteAudit(tx: Transaction, deps: SchedulerDeps, project: DueProject): Promise<{ batchId: string } | { problem: string }> {
  const going = await tx.batch.findFirst({
    where: { projectId: project.id, status: { in: ['PENDING', 'RUNNING'] } },
    select: { id: true, status: true },
  });
  if (going) return { problem: `The previous site audit (batch ${going.id}) is still ${going.status.toLowerCase()}, so no second one was started.` };
  const brands = await tx.projectBrand.findMany({ where: { projectId: project.id }, orderBy: { position: 'asc' } });
  // The schedule acts for the owner; no key made the request.
  const owner: Caller = { ownerId: project.ownerId, apiKeyId: null };
  try {
    const batch = await createBatchIn(tx, deps.boss, siteAuditInput({ ...project, brands }), deps.limits, owner, deps.jobPlan);
    return { batchId: batch.id };
  } catch (error) {
    if (error instanceof UserError) return { problem: `The site audit was refused: ${error.message}` };
    throw error;
  }
}

/** The project's visibility audit, asking every configured engine, unless none is configured or the last audit is still going. */
async function startScheduledVisibilityAudit(
  tx: Transaction,
  deps: SchedulerDeps,
  project: DueProject,
): Promise<{ auditId: string } | { problem: string }> {
  if (deps.answerEngines.length === 0) {
    return { problem: 'No visibility audit was started: no answer engine is configured (the operator sets ANSWER_ENGINES).' };
  }
  const going = await tx.visibilityAudit.findFirst({
    where: { projectId: project.id, status: { in: ['PENDING', 'RUNNING'] } },
    select: { id: true, status: true },
  });
  if (going) return { problem: `The previous visibility audit (${going.id}) is still ${going.status.toLowerCase()}, so no second one was started.` };
  const owner: Caller = { ownerId: project.ownerId, apiKeyId: null };
  const chosen = { engines: [...deps.answerEngines], samplesPerPrompt: SAMPLES_PER_PROMPT.default };
  const audit = await createVisibilityAuditIn(tx, deps.boss, project.id, chosen, owner);
  return { auditId: audit.id };
}
