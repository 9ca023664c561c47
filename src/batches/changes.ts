import type { Target } from '../db/generated/client/client';
import type { Prisma } from '../db/prisma';
import { EVENT_CHANNEL, batchTopic, type BatchChange } from '../events/channel';

type Transaction = Prisma.TransactionClient;

/**
 * Applies a change to a batch row, bumps its sequence and NOTIFYs, all in the caller's
 * transaction: listeners hear of the change only if and when it commits, and the row lock
 * taken by the UPDATE orders concurrent changes, so sequences arrive strictly increasing.
 * The event carries the rows as the change left them (small: well under NOTIFY's 8000 bytes).
 */
export async function recordBatchChange(
  tx: Transaction,
  batchId: string,
  target: Target | null,
  data: Prisma.BatchUpdateInput = {},
) {
  const batch = await tx.batch.update({ where: { id: batchId }, data: { ...data, sequence: { increment: 1 } } });
  const change: BatchChange = {
    batchId,
    targetId: target?.id ?? null,
    sequence: batch.sequence,
    batch: JSON.parse(JSON.stringify(batch)),
    target: target ? JSON.parse(JSON.stringify(target)) : null,
  };
  await tx.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${JSON.stringify({ topic: batchTopic(batchId), data: change })})`;
  return batch;
}
