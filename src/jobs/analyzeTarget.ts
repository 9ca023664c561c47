import type { Job, PgBoss } from 'pg-boss';
import { z } from 'zod';
import { AnalysisError, type Analyzer, type OriginFiles } from '../analysis';
import {
  finishTargets,
  queueDueComparison,
  startTargets,
  type FinishedTarget,
  type StartedTarget,
  type TargetOutcome,
} from '../batches/targets';
import type { PrismaClient, Queryable } from '../db/prisma';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { coalesce } from './coalesce';

/** Old jobs outlive type changes: the payload is checked, never trusted. */
const payloadSchema = z.union([
  // ownerId: absent from jobs queued before pages were shared out by owner.
  z.object({ targetIds: z.array(z.uuid()).min(1), ownerId: z.string().optional() }),
  // Queued before a job could hold several targets.
  z.object({ targetId: z.uuid() }).transform(({ targetId }) => ({ targetIds: [targetId] })),
]);
export function assertAnalyzeTargetPayload(data: unknown): { targetIds: string[]; ownerId?: string } {
  return payloadSchema.parse(data);
}

export interface AnalyzeTargetDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  analyzer: Analyzer;
  maxAttempts: number;
  log: Logger;
  metrics: Pick<Metrics, 'pages' | 'fetchErrors'>;
  transitions: TargetTransitions;
  /** Aborted when the process begins to shut down: a job then starts none of its remaining pages. */
  stopping: AbortSignal;
}

export interface TargetTransitions {
  /** The target, marked RUNNING; null when there is nothing to do. */
  start(targetId: string): Promise<StartedTarget | null>;
  /** Whether this call counted the target. */
  finish(targetId: string, outcome: TargetOutcome): Promise<boolean>;
}

/** A worker process's starts and finishes, each group-committed across its concurrent jobs. */
export function targetTransitions(db: Queryable, boss: PgBoss): TargetTransitions {
  const start = coalesce(async (targetIds: string[]) => {
    const started = new Map((await startTargets(db, targetIds)).map((target) => [target.id, target]));
    return targetIds.map((id) => started.get(id) ?? null);
  });
  const finish = coalesce(async (finished: FinishedTarget[]) => {
    const counted = await finishTargets(db, boss, finished);
    // The same target twice in one group (a job delivered twice at once) is counted for one call.
    return finished.map(({ targetId }) => counted.delete(targetId));
  });
  return { start, finish: (targetId, outcome) => finish({ targetId, outcome }) };
}

/**
 * Analyses the job's targets one after another: they share a host, and a worker takes at most
 * CRAWL_MAX_PER_HOST jobs of a host, so it has no more of the host's pages in hand. A target
 * whose attempt failed but may be tried again does not hold up the rest; the job fails after
 * them, and pg-boss's retry finds only the unfinished ones left to do.
 */
export async function analyzeTarget(deps: AnalyzeTargetDeps, job: Job<unknown>): Promise<void> {
  const { targetIds, ownerId } = assertAnalyzeTargetPayload(job.data);
  const todo = job.retryCount > 0 ? await unfinishedLeastTriedFirst(deps.prisma, targetIds) : targetIds;
  let retry: { error: unknown } | null = null;
  for (const targetId of todo) {
    // A lost claim means another worker has the job; a stopping process hands it back.
    if (job.signal.aborted || deps.stopping.aborted) {
      throw new Error('The job was handed back before all its pages were analysed; its retry does the rest.');
    }
    try {
      await analyzeOne(deps, targetId, ownerId);
    } catch (error) {
      retry ??= { error };
    }
  }
  if (retry) throw retry.error;
}

/** On a rerun, the pages never tried go first, so a page that kills its worker cannot starve the others. */
async function unfinishedLeastTriedFirst(prisma: PrismaClient, targetIds: string[]): Promise<string[]> {
  const rows = await prisma.target.findMany({
    where: { id: { in: targetIds }, status: { in: ['PENDING', 'RUNNING'] } },
    select: { id: true },
    orderBy: [{ attempts: 'asc' }, { position: 'asc' }],
  });
  return rows.map((row) => row.id);
}

async function analyzeOne(deps: AnalyzeTargetDeps, targetId: string, ownerId = ''): Promise<void> {
  const target = await deps.transitions.start(targetId);
  if (!target) {
    await queueDueComparison(deps.prisma, deps.boss, targetId); // see below: counted elsewhere
    return;
  }
  let outcome: TargetOutcome;
  try {
    const originFiles = await originFilesFor(deps, target.batchId, target.url);
    // The analysis threads take waiting pages owner by owner, so one owner's backlog cannot hold up another's page.
    outcome = { report: await deps.analyzer.analyze(target.url, originFiles, { shareKey: ownerId }) };
  } catch (error) {
    deps.metrics.fetchErrors.inc({ kind: error instanceof AnalysisError ? error.kind : 'other' });
    const retryable = !(error instanceof AnalysisError) || error.retryable;
    const willRetry = retryable && target.attempts < deps.maxAttempts;
    // A site that refuses, times out or sends no HTML is expected: a line, not a stack.
    if (error instanceof AnalysisError) {
      deps.log.info({ targetId, url: target.url, attempt: target.attempts, willRetry, reason: error.message }, 'page could not be analysed');
    }
    if (willRetry) throw error;
    if (!(error instanceof AnalysisError)) deps.log.error({ targetId, err: error }, 'analysis crashed');
    outcome = { error: error instanceof AnalysisError ? error.message : 'The page could not be analysed.' };
  }
  // Not counted by this call: the target was cancelled, or counted by another run of this job,
  // or by this one in a group whose comparison request failed after the count committed. A run
  // that counted the last target may have died before asking for the comparison, so ask if due.
  const counted = await deps.transitions.finish(targetId, outcome);
  if (counted) deps.metrics.pages.inc({ outcome: 'report' in outcome ? 'succeeded' : 'failed' });
  else await queueDueComparison(deps.prisma, deps.boss, targetId);
}

/** Stored origin files never change, so a worker keeps the latest few instead of reading them per page. */
const originFilesCache = new Map<string, Promise<OriginFiles>>();
const ORIGIN_FILES_CACHED = 256;

/**
 * robots.txt, llms.txt and the sitemap are fetched once per origin per batch and stored; every
 * target of that origin, in any process, uses the stored copy. Two processes racing on the
 * first fetch both fetch, and the first stored copy wins for everyone.
 */
async function originFilesFor(deps: AnalyzeTargetDeps, batchId: string, url: string): Promise<OriginFiles> {
  const origin = new URL(url).origin;
  const key = `${batchId} ${origin}`;
  let files = originFilesCache.get(key);
  if (!files) {
    files = loadOrFetchOriginFiles(deps, batchId, origin);
    files.catch(() => originFilesCache.delete(key));
    originFilesCache.set(key, files);
    if (originFilesCache.size > ORIGIN_FILES_CACHED) originFilesCache.delete(originFilesCache.keys().next().value!);
  }
  return files;
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
