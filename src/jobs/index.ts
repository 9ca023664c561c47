import type { Job, PgBoss } from 'pg-boss';
import { createAnalyzer } from '../analysis';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { analyzeTarget } from './analyzeTarget';
import { compareBatch } from './compareBatch';
import { ANALYZE_TARGET, COMPARE_BATCH } from './queues';

export interface Workers {
  stop(): Promise<void>;
}

/** Registers the job handlers of this process; only processes with the worker role call it. */
export async function startWorkers(deps: { prisma: PrismaClient; boss: PgBoss; config: Config; log: Logger }) {
  const { prisma, boss, config } = deps;
  const log = deps.log.child({ role: 'worker' });
  const analyzer = createAnalyzer(config.crawl);
  const analyzeDeps = { prisma, boss, analyzer, maxAttempts: config.analyzeMaxAttempts, log };
  await boss.work(ANALYZE_TARGET, { localConcurrency: config.workerConcurrency }, ([job]) =>
    logFailure(log, job, () => analyzeTarget(analyzeDeps, job!)),
  );
  await boss.work(COMPARE_BATCH, { localConcurrency: 2 }, ([job]) =>
    logFailure(log, job, () => compareBatch({ prisma, llm: config.llm, log }, job!)),
  );
  return {
    async stop() {
      await boss.offWork(ANALYZE_TARGET);
      await boss.offWork(COMPARE_BATCH);
      await analyzer.close();
    },
  } satisfies Workers;
}

/** pg-boss records a thrown error on the job and retries it; the log should say so too. */
async function logFailure(log: Logger, job: Job<unknown> | undefined, run: () => Promise<void>): Promise<void> {
  if (!job) return;
  try {
    await run();
  } catch (error) {
    log.warn({ err: error, job: job.name, jobId: job.id, retryCount: job.retryCount }, 'job failed; pg-boss will retry it');
    throw error;
  }
}
