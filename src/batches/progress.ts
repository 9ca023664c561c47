import type { Prisma } from '../db/prisma';

type Transaction = Prisma.TransactionClient;

/**
 * Locks the batch that owns a target. Every transaction that changes a batch or its targets
 * takes the batch row first, so concurrent writers queue up instead of deadlocking.
 */
export async function lockBatchOfTarget(tx: Transaction, targetId: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT b.id, b.status::text AS status FROM "Batch" b JOIN "Target" t ON t."batchId" = b.id
    WHERE t.id = ${targetId}::uuid FOR UPDATE OF b`;
  return row ?? null;
}

export async function lockBatch(tx: Transaction, batchId: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM "Batch" WHERE id = ${batchId}::uuid FOR UPDATE`;
  return row ?? null;
}
