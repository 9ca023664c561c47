import type { Job, PgBoss } from 'pg-boss';
import { z } from 'zod';
import { AnalysisError, type Analyzer, type OriginFiles } from '../analysis';
import {
  finishTargets,
  startTargets,
  type FinishedTarget,
  type StartedTarget,
  type TargetOutcome,
} from '../batches/targets';
import type { PrismaClient, Queryable } from '../db/prisma';
import type { Logger } from '../logger';
import { coalesce } from './coalesce';

/** Old jobs outlive type changes: the payload is checked, never trusted. */
const payloadSchema = z.union([
  z.object({ targetIds: z.array(z.uuid()).min(1) }),
  // Queued before a job could hold several targets.
  z.object({ targetId: z.uuid() }).transform(({ targetId }) => ({ targetIds: [targetId] })),
]);
export function assertAnalyzeTargetPayload(data: unknown): { targetIds: string[] } {
  return payloadSchema.parse(data);
}

export interface AnalyzeTargetDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  analyzer: Analyzer;
  maxAttempts: number;
  log: Logger;
  transitions: TargetTransitions;
  /** Aborted when the process begins to shut down: a job then starts none of its remaining pages. */
  stopping: AbortSignal;
}

export interface TargetTransitions {
  /** The target, marked RUNNING; null when there is nothing to do. */
  start(targetId: string): Promise<StartedTarget | null>;
  /** Counts the target unless it was counted before or cancelled. */
  finish(targetId: string, outcome: TargetOutcome): Promise<void>;
}

/** A worker process's starts and finishes, each group-committed across its concurrent jobs. */
export function targetTransitions(db: Queryable, boss: PgBoss): TargetTransitions {
  const start = coalesce(async (targetIds: string[]) => {
    const started = new Map((await startTargets(db, targetIds)).map((target) => [target.id, target]));
    return targetIds.map((id) => started.get(id) ?? null);
  });
  const finish = coalesce(async (finished: FinishedTarget[]) => {
    await finishTargets(db, boss, finished);
    return finished.map(() => undefined);
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
  const { targetIds } = assertAnalyzeTargetPayload(job.data);
  const todo = job.retryCount > 0 ? await unfinishedLeastTriedFirst(deps.prisma, targetIds) : targetIds;
  let retry: { error: unknown } | null = null;
  for (const targetId of todo) {
    // A lost claim means another worker has the job; a stopping process hands it back.
    if (job.signal.aborted || deps.stopping.aborted) {
      throw new Error('The job was handed back before all its pages were analysed; its retry does the rest.');
    }
    try {
      await analyzeOne(deps, targetId);
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

async function analyzeOne(deps: AnalyzeTargetDeps, targetId: string): Promise<void> {
  const target = await deps.transitions.start(targetId);
  if (!target) return; // finished (counted by another run of this job) or cancelled
  let outcome: TargetOutcome;
  try {
    const originFiles = await originFilesFor(deps, target.batchId, target.url);
    outcome = { report: await deps.analyzer.analyze(target.url, originFiles) };
  } catch (error) {
    const retryable = !(error instanceof AnalysisError) || error.retryable;
    if (retryable && target.attempts < deps.maxAttempts) {
      throw error;
    }
    if (!(error instanceof AnalysisError)) deps.log.error({ targetId, err: error }, 'analysis crashed');
    outcome = { error: error instanceof AnalysisError ? error.message : 'The page could not be analysed.' };
  }
  await deps.transitions.finish(targetId, outcome);
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
