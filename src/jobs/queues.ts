import { PgBoss, fromPrisma } from 'pg-boss';
import type { Transaction } from '../db/prisma';

export const ANALYZE_TARGET = 'analyze-target';
export const COMPARE_BATCH = 'compare-batch';
export const RECONCILE_BATCHES = 'reconcile-batches';
export const PURGE_BATCHES = 'purge-batches';

export interface QueuePolicy {
  /** Attempts per target before it ends FAILED; pg-boss keeps a few retries more for crashed workers. */
  analyzeMaxAttempts: number;
  /** Seconds a job may stay active before pg-boss hands it to another worker. */
  analyzeExpireSeconds: number;
  /** Long enough for the language model's attempts, when one writes the insights. */
  compareExpireSeconds: number;
  heartbeatSeconds: number;
  reconcileCron: string;
  retentionDays: number | null;
}

export function createBoss(connectionString: string, options: { superviseSeconds?: number } = {}): PgBoss {
  const superviseSeconds = options.superviseSeconds ?? 10;
  return new PgBoss({
    connectionString,
    schema: 'pgboss',
    // Workers wake on NOTIFY within milliseconds instead of waiting for the next poll.
    useListenNotify: true,
    application_name: 'vantage-queue',
    // The pass that retries jobs whose heartbeat stopped (a killed worker) or that expired.
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
  });
}

/** Idempotent: every process declares the queues at start with the same policy. */
export async function declareQueues(boss: PgBoss, policy: QueuePolicy): Promise<void> {
  const common = { notify: true, retryDelay: 1, retryBackoff: true, retryDelayMax: 30 } as const;
  const queues = {
    [ANALYZE_TARGET]: {
      ...common,
      retryLimit: policy.analyzeMaxAttempts + 2,
      expireInSeconds: policy.analyzeExpireSeconds,
      heartbeatSeconds: policy.heartbeatSeconds,
    },
    // stately: at most one queued and one running comparison per batch (singletonKey).
    [COMPARE_BATCH]: { ...common, policy: 'stately', retryLimit: 5, expireInSeconds: policy.compareExpireSeconds },
    // singleton: one maintenance pass at a time across every process.
    [RECONCILE_BATCHES]: { policy: 'singleton', retryLimit: 0, expireInSeconds: 300 },
    [PURGE_BATCHES]: { policy: 'singleton', retryLimit: 0, expireInSeconds: 600 },
  } as const;
  for (const [name, options] of Object.entries(queues)) {
    if (await boss.getQueue(name)) {
      const { policy: _fixedAtCreation, ...changeable } = options as typeof options & { policy?: string };
      await boss.updateQueue(name, changeable);
    } else {
      await boss.createQueue(name, options);
    }
  }
  await boss.schedule(RECONCILE_BATCHES, policy.reconcileCron);
  if (policy.retentionDays !== null) await boss.schedule(PURGE_BATCHES, '17 3 * * *', { days: policy.retentionDays });
  else await boss.unschedule(PURGE_BATCHES);
}

export interface AnalyzeJob {
  targetId: string;
  jobId: string;
  url: string;
}

/**
 * Queues one analyze-target job per target inside the caller's transaction. Jobs are grouped
 * by host, so the workers' per-host limit (pg-boss group concurrency) keeps Vantage polite.
 */
export async function sendAnalyzeJobs(boss: PgBoss, tx: Transaction, jobs: AnalyzeJob[]) {
  await boss.insert(
    ANALYZE_TARGET,
    jobs.map(({ targetId, jobId, url }) => ({ id: jobId, data: { targetId }, group: { id: new URL(url).host } })),
    { db: fromPrisma(tx) },
  );
}

/**
 * At most one queued comparison per batch, however many jobs race to ask for it; compareBatch
 * itself acts only on a RUNNING batch, so asking again after it ran changes nothing.
 */
export async function sendCompareJob(boss: PgBoss, batchId: string) {
  await boss.send(COMPARE_BATCH, { batchId }, { singletonKey: batchId });
}

export async function cancelAnalyzeJobs(boss: PgBoss, tx: Transaction, jobIds: string[]) {
  if (jobIds.length > 0) await boss.cancel(ANALYZE_TARGET, jobIds, { db: fromPrisma(tx) });
}
