import { PgBoss, fromPrisma } from 'pg-boss';
import type { Prisma } from '../db/prisma';

export const ANALYZE_TARGET = 'analyze-target';
export const COMPARE_BATCH = 'compare-batch';

export interface QueuePolicy {
  /** Attempts per target before it ends FAILED; pg-boss keeps a few retries more for crashed workers. */
  analyzeMaxAttempts: number;
  /** Seconds a job may stay active before pg-boss hands it to another worker. */
  analyzeExpireSeconds: number;
  /** Long enough for the language model's attempts, when one writes the insights. */
  compareExpireSeconds: number;
}

export function createBoss(connectionString: string): PgBoss {
  return new PgBoss({
    connectionString,
    schema: 'pgboss',
    // Workers wake on NOTIFY within milliseconds instead of waiting for the next poll.
    useListenNotify: true,
    application_name: 'vantage-queue',
  });
}

/** Idempotent: every process declares the queues at start with the same policy. */
export async function declareQueues(boss: PgBoss, policy: QueuePolicy): Promise<void> {
  const common = { notify: true, retryDelay: 1, retryBackoff: true, retryDelayMax: 30 } as const;
  const analyze = {
    ...common,
    retryLimit: policy.analyzeMaxAttempts + 2,
    expireInSeconds: policy.analyzeExpireSeconds,
  };
  // stately: at most one queued and one running comparison per batch (singletonKey).
  const compare = { ...common, policy: 'stately', retryLimit: 5, expireInSeconds: policy.compareExpireSeconds };
  for (const [name, options] of [
    [ANALYZE_TARGET, analyze],
    [COMPARE_BATCH, compare],
  ] as const) {
    if (await boss.getQueue(name)) {
      const { policy: _fixedAtCreation, ...changeable } = options as typeof options & { policy?: string };
      await boss.updateQueue(name, changeable);
    } else {
      await boss.createQueue(name, options);
    }
  }
}

export type Transaction = Prisma.TransactionClient;

/** Queues one analyze-target job per target inside the caller's transaction. */
export async function sendAnalyzeJobs(boss: PgBoss, tx: Transaction, jobs: { targetId: string; jobId: string }[]) {
  const db = fromPrisma(tx);
  await boss.insert(
    ANALYZE_TARGET,
    jobs.map(({ targetId, jobId }) => ({ id: jobId, data: { targetId } })),
    { db },
  );
}

/** At most one queued comparison per batch, however many jobs race to ask for it. */
export async function sendCompareJob(boss: PgBoss, tx: Transaction, batchId: string) {
  await boss.send(COMPARE_BATCH, { batchId }, { db: fromPrisma(tx), singletonKey: batchId });
}

export async function cancelAnalyzeJobs(boss: PgBoss, tx: Transaction, jobIds: string[]) {
  if (jobIds.length > 0) await boss.cancel(ANALYZE_TARGET, jobIds, { db: fromPrisma(tx) });
}
