import type { Job, PgBoss } from 'pg-boss';
import { createAnalyzer } from '../analysis';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { analyzeTarget } from './analyzeTarget';
import { compareBatch } from './compareBatch';
import { purgeBatches } from './purgeBatches';
import { ANALYZE_TARGET, COMPARE_BATCH, PURGE_BATCHES, RECONCILE_BATCHES } from './queues';
import { reconcileBatches } from './reconcileBatches';

export interface Workers {
  /** Takes no new jobs and waits for the running ones (pg-boss's graceful stop does the waiting). */
  stop(): Promise<void>;
}

/** Registers the job handlers of this process; only processes with the worker role call it. */
export async function startWorkers(deps: { prisma: PrismaClient; boss: PgBoss; config: Config; log: Logger }) {
  const { prisma, boss, config } = deps;
  const log = deps.log.child({ role: 'worker' });
  const analyzer = createAnalyzer(config.crawl);
  const analyzeDeps = { prisma, boss, analyzer, maxAttempts: config.analyzeMaxAttempts, log };
  const polling = { pollingIntervalSeconds: config.queue.pollSeconds, notifyPollingIntervalSeconds: config.queue.pollSeconds };
  const handlers: [string, Parameters<PgBoss['work']>[1], (job: Job<unknown>) => Promise<unknown>][] = [
    [
      ANALYZE_TARGET,
      { ...polling, localConcurrency: config.workerConcurrency, groupConcurrency: config.maxFetchesPerHost },
      (job) => analyzeTarget(analyzeDeps, job),
    ],
    [COMPARE_BATCH, { ...polling, localConcurrency: 2 }, (job) => compareBatch({ prisma, llm: config.llm, log }, job)],
    [RECONCILE_BATCHES, {}, () => reconcileBatches({ prisma, boss, log })],
    [PURGE_BATCHES, {}, (job) => purgeBatches({ prisma, log }, job)],
  ];
  for (const [name, options, handle] of handlers) {
    await boss.work(name, options as object, ([job]: Job<unknown>[]) => logFailure(log, job, handle));
  }
  return {
    async stop() {
      await analyzer.close();
    },
  } satisfies Workers;
}

/** pg-boss records a thrown error on the job and retries it; the log should say so too. */
async function logFailure(log: Logger, job: Job<unknown> | undefined, run: (job: Job<unknown>) => Promise<unknown>) {
  if (!job) return;
  try {
    await run(job);
  } catch (error) {
    log.warn({ err: error, job: job.name, jobId: job.id, retryCount: job.retryCount }, 'job failed; pg-boss will retry it');
    throw error;
  }
}
