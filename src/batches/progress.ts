import { Prisma } from '../db/generated/client/client';
import type { Transaction } from '../db/prisma';

/**
 * Locks a batch. Every transaction that changes a batch or its targets takes the batch row
 * first (the per-page SQL functions of the target_transitions migration too), so concurrent
 * writers queue up instead of deadlocking. NO KEY UPDATE is the lock the batch UPDATE takes
 * anyway, and unlike FOR UPDATE it does not block the foreign-key checks of rows inserted for
 * the batch (analyses, origin files). With `ownerId`, a batch of another owner is not found.
 */
export async function lockBatch(tx: Transaction, batchId: string, ownerId?: string) {
  const ofOwner = ownerId ? Prisma.sql`AND "ownerId" = ${ownerId}::uuid` : Prisma.empty;
  const [row] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM "Batch" WHERE id = ${batchId}::uuid ${ofOwner} FOR NO KEY UPDATE`;
  return row ?? null;
}

/** The owner's pages not analysed yet: the jobs of its next batch queue behind them. */
export function queuedPagesOf(tx: Transaction, ownerId: string): Promise<number> {
  // Only unfinished batches have such pages, and an owner has few of them (MAX_RUNNING_BATCHES_PER_OWNER).
  const unfinished = { ownerId, status: { in: ['PENDING' as const, 'RUNNING' as const] } };
  return tx.target.count({ where: { status: { in: ['PENDING', 'RUNNING'] }, batch: unfinished } });
}
