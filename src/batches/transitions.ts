import type { Prisma, Transaction } from '../db/prisma';
import { EVENT_CHANNEL } from '../events/channel';

/**
 * Applies a change to a batch row, bumps its sequence and NOTIFYs, all in the caller's
 * transaction: listeners hear of the change only if and when it commits, and the row lock
 * taken by the UPDATE orders concurrent changes, so sequences arrive strictly increasing.
 * The event is built in SQL, the same way as by the per-page functions (target_transitions).
 */
export async function recordBatchChange(
  tx: Transaction,
  batchId: string,
  data: Prisma.BatchUpdateInput = {},
) {
  const batch = await tx.batch.update({ where: { id: batchId }, data: { ...data, sequence: { increment: 1 } } });
  await announceBatch(tx, batchId);
  return batch;
}

/** The fields of the one log line a batch's creation or end gets. */
export function batchLogFields(batch: {
  id: string;
  name: string;
  totalUrls: number;
  status: string;
  completedUrls: number;
  failedUrls: number;
  createdAt: Date;
  finishedAt: Date | null;
}) {
  return {
    batchId: batch.id,
    name: batch.name,
    urls: batch.totalUrls,
    status: batch.status,
    ...(batch.finishedAt && {
      succeeded: batch.completedUrls - batch.failedUrls,
      failed: batch.failedUrls,
      durationMs: batch.finishedAt.getTime() - batch.createdAt.getTime(),
    }),
  };
}

/** NOTIFYs the batch as it stands in the caller's transaction; a new batch is announced at sequence 0. */
export async function announceBatch(tx: Transaction, batchId: string) {
  await tx.$executeRaw`SELECT "vantage_announce_batch_change"(${EVENT_CHANNEL}, ${batchId}::uuid, NULL)`;
}
