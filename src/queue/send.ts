import { fromPrisma, type Db, type PgBoss } from 'pg-boss';
import type { Transaction } from '../db/prisma';
import { ANALYZE_TARGET, COMPARE_BATCH, DELIVER_WEBHOOK } from './boss';
import type { AnalyzeJob } from './plan';

/**
 * Queues the jobs inside the caller's transaction, grouped by host for the workers' per-host
 * limit. Each job's priority is minus the owner's pages queued ahead of it (pg-boss takes higher
 * priorities first, then older jobs): an owner with nothing waiting goes before another owner's
 * backlog, and a worker keeps pollers for such first pages alone (see firstPagesWorkOptions).
 */
export async function sendAnalyzeJobs(
  boss: PgBoss,
  tx: Transaction,
  jobs: AnalyzeJob[],
  owner: { ownerId: string; queuedPages: number; maxPagesPerSite: number },
) {
  let pagesAhead = owner.queuedPages;
  await boss.insert(
    ANALYZE_TARGET,
    jobs.map(({ jobId, host, targetIds, expireInSeconds }) => {
      const priority = -pagesAhead;
      pagesAhead += targetIds.length;
      const data = { targetIds, ownerId: owner.ownerId, maxPagesPerSite: owner.maxPagesPerSite };
      return { id: jobId, data, group: { id: host }, expireInSeconds, priority };
    }),
    { db: fromPrisma(tx) },
  );
}

/** The owner's pages not analysed yet: the jobs of its next batch queue behind them. */
export function queuedPagesOf(tx: Transaction, ownerId: string): Promise<number> {
  // Only unfinished batches have such pages, and an owner has few of them (MAX_RUNNING_BATCHES_PER_OWNER).
  const unfinished = { ownerId, status: { in: ['PENDING' as const, 'RUNNING' as const] } };
  return tx.target.count({ where: { status: { in: ['PENDING', 'RUNNING'] }, batch: unfinished } });
}

/**
 * At most one queued comparison per batch, however many ask for it; compareBatch itself acts
 * only on a RUNNING batch, so asking again after it ran changes nothing. With `db`, the job is
 * queued in that transaction.
 */
export async function sendCompareJob(boss: PgBoss, batchId: string, db?: Db) {
  await boss.send(COMPARE_BATCH, { batchId }, { singletonKey: batchId, ...(db && { db }) });
}

/** Targets share jobs, so the ids may repeat. */
export async function cancelAnalyzeJobs(boss: PgBoss, tx: Transaction, jobIds: string[]) {
  if (jobIds.length > 0) await boss.cancel(ANALYZE_TARGET, [...new Set(jobIds)], { db: fromPrisma(tx) });
}

/** One job per webhook delivery, queued in the transaction that writes the deliveries; the job's id is the delivery's. */
export async function sendWebhookDeliveries(boss: PgBoss, tx: Transaction, deliveryIds: string[]) {
  if (deliveryIds.length > 0) {
    await boss.insert(DELIVER_WEBHOOK, deliveryIds.map((id) => ({ id, data: { deliveryId: id } })), { db: fromPrisma(tx) });
  }
}
