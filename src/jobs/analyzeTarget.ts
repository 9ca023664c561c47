import { randomUUID } from 'node:crypto';
import { fromPrisma, type Job, type PgBoss } from 'pg-boss';
import { z } from 'zod';
import { AnalysisError } from '../analysis';
import type { StartedTarget, TargetOutcome, TargetTransitions } from '../batches/targets';
import { lockBatch, TARGET } from '../batches/transitions';
import type { PrismaClient, Transaction } from '../db/prisma';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { ANALYZE_TARGET, queuedPagesOf, sendAnalyzeJobs, WORKER_STOPS_ALLOWED } from '../queue';
import { crawlSite, type CrawlSiteDeps } from './crawlSite';
import { Abandoned, originFilesFor, unlessAbandoned } from './pageWork';

/** Old jobs outlive type changes: the payload is checked, never trusted. */
const payloadSchema = z.union([
  // ownerId: absent from jobs queued before pages were shared out by owner; maxPagesPerSite, before sites were crawled.
  z.object({ targetIds: z.array(z.uuid()).min(1), ownerId: z.string().optional(), maxPagesPerSite: z.int().min(1).optional() }),
  // Queued before a job could hold several targets.
  z.object({ targetId: z.uuid() }).transform(({ targetId }) => ({ targetIds: [targetId] })),
]);
export function assertAnalyzeTargetPayload(data: unknown): { targetIds: string[]; ownerId?: string; maxPagesPerSite?: number } {
  return payloadSchema.parse(data);
}

/** A crawl's needs (the database, the analyzer, the shutdown's signals), and the queue's and counters' of one page. */
export interface AnalyzeTargetDeps extends CrawlSiteDeps {
  boss: PgBoss;
  maxAttempts: number;
  log: Logger;
  metrics: Pick<Metrics, 'pages' | 'fetchErrors'>;
  transitions: TargetTransitions;
}

/**
 * Analyses the job's targets one after another: they share a host, and a worker takes at most
 * CRAWL_MAX_PER_HOST jobs of a host, so it has no more of the host's pages in hand. A target
 * whose attempt failed but may be tried again does not hold up the rest; the job fails after
 * them, and pg-boss's retry finds only the unfinished ones left to do. A stopping worker
 * hands the job's unfinished targets back instead (see handBack), which uses up nothing.
 */
export async function analyzeTarget(deps: AnalyzeTargetDeps, job: Job<unknown>): Promise<void> {
  const { targetIds, ownerId, maxPagesPerSite = 1 } = assertAnalyzeTargetPayload(job.data);
  const work = { ownerId, maxPagesPerSite };
  const todo = job.retryCount > 0 ? (await unfinishedLeastTriedFirst(deps.prisma, targetIds)).map((target) => target.id) : targetIds;
  let retry: { error: unknown } | null = null;
  for (const targetId of todo) {
    // A lost claim means pg-boss has already given the job to another run.
    if (job.signal.aborted) throw new Error('The claim on the job was lost before all its pages were analysed; its retry does the rest.');
    if (deps.stopping.aborted) return handBack(deps, job, targetIds, work);
    try {
      await analyzeOne(deps, targetId, work);
    } catch (error) {
      if (error instanceof Abandoned) return handBack(deps, job, targetIds, work);
      retry ??= { error };
    }
  }
  if (retry) throw retry.error;
}

/** Unfinished targets, the pages never tried first, so a page that kills its worker cannot starve the others. */
async function unfinishedLeastTriedFirst(prisma: Transaction | PrismaClient, targetIds: string[]) {
  return prisma.target.findMany({
    where: { id: { in: targetIds }, status: { in: [...TARGET.start.from] } },
    select: { id: true, batchId: true, url: true },
    orderBy: [{ attempts: 'asc' }, { position: 'asc' }],
  });
}

/**
 * Hands a job back without spending a retry of it: in one transaction its unfinished targets
 * go to a fresh job and this one completes. If pg-boss has already given the job to another
 * run (the claim was lost), nothing changes and that run does the rest.
 */
async function handBack(deps: AnalyzeTargetDeps, job: Job<unknown>, targetIds: string[], work: JobWork): Promise<void> {
  const { ownerId = '', maxPagesPerSite } = work;
  const handedBack = await deps.prisma.$transaction(async (tx) => {
    const unfinished = await unfinishedLeastTriedFirst(tx, targetIds);
    if (unfinished[0]) await lockBatch(tx, unfinished[0].batchId); // a job's targets share a batch
    const completed = await deps.boss.complete(ANALYZE_TARGET, { id: job.id, retryCount: job.retryCount }, null, { db: fromPrisma(tx) });
    if ((completed as { affected?: number }).affected !== 1) return [];
    if (unfinished.length === 0) return [];
    const fresh = {
      jobId: randomUUID(),
      host: new URL(unfinished[0]!.url).host,
      targetIds: unfinished.map((target) => target.id),
      expireInSeconds: job.expireInSeconds,
    };
    // Behind the owner's other queued pages, as a new batch's first job would be.
    const queuedPages = ownerId ? (await queuedPagesOf(tx, ownerId)) - fresh.targetIds.length : 0;
    await sendAnalyzeJobs(deps.boss, tx, [fresh], { ownerId, queuedPages: Math.max(0, queuedPages), maxPagesPerSite });
    await tx.target.updateMany({ where: { id: { in: fresh.targetIds } }, data: { jobId: fresh.jobId } });
    return fresh.targetIds;
  });
  if (handedBack.length > 0) deps.log.info({ jobId: job.id, targets: handedBack.length }, 'handed unfinished pages back to the queue');
}

/** What every target of a job shares: whose pages they are, and how many pages of each site to analyse. */
interface JobWork {
  ownerId?: string;
  maxPagesPerSite: number;
}

async function analyzeOne(deps: AnalyzeTargetDeps, targetId: string, { ownerId = '', maxPagesPerSite }: JobWork): Promise<void> {
  const target = await deps.transitions.start(targetId);
  if (!target) return; // finished (counted by another run of this job) or cancelled
  if (target.workerStops > WORKER_STOPS_ALLOWED) {
    const error = `The analysis did not finish: its worker stopped ${target.workerStops} times while analysing this page.`;
    if (await deps.transitions.finish(targetId, { error })) deps.metrics.pages.inc({ outcome: 'failed' });
    return;
  }
  let outcome: TargetOutcome;
  try {
    outcome =
      maxPagesPerSite > 1
        ? await crawlSite(deps, target, ownerId, maxPagesPerSite)
        : { report: await unlessAbandoned(deps.abandon, analyze(deps, target, ownerId)) };
  } catch (error) {
    if (error instanceof Abandoned) {
      await deps.transitions.release(targetId, false);
      throw error;
    }
    deps.metrics.fetchErrors.inc({ kind: error instanceof AnalysisError ? error.kind : 'other' });
    const retryable = !(error instanceof AnalysisError) || error.retryable;
    const willRetry = retryable && target.attempts < deps.maxAttempts;
    // A site that refuses, times out or sends no HTML is expected: a line, not a stack.
    if (error instanceof AnalysisError) {
      deps.log.info({ targetId, url: target.url, attempt: target.attempts, willRetry, reason: error.message }, 'page could not be analysed');
    }
    if (willRetry) {
      await deps.transitions.release(targetId, true);
      throw error;
    }
    if (!(error instanceof AnalysisError)) deps.log.error({ targetId, err: error }, 'analysis crashed');
    outcome = { error: error instanceof AnalysisError ? error.message : 'The page could not be analysed.' };
  }
  if (await deps.transitions.finish(targetId, outcome)) deps.metrics.pages.inc({ outcome: 'report' in outcome ? 'succeeded' : 'failed' });
}

async function analyze(deps: AnalyzeTargetDeps, target: StartedTarget, ownerId: string) {
  const originFiles = await originFilesFor(deps, target.batchId, target.url);
  // The analysis threads take waiting pages owner by owner, so one owner's backlog cannot hold up another's page.
  return deps.analyzer.analyze(target.url, originFiles, { shareKey: ownerId });
}
