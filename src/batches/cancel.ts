import type { PgBoss } from 'pg-boss';
import { recordAudit } from '../auth/audit';
import type { Caller } from '../auth/caller';
import type { PrismaClient } from '../db/prisma';
import { UserError, notFound } from '../errors';
import { cancelAnalyzeJobs } from '../queue';
import { BATCH, leaves, lockBatch, recordBatchChange, TARGET } from './transitions';

/**
 * Ends a PENDING or RUNNING batch CANCELLED with every unfinished target CANCELLED, and
 * cancels their queued jobs. A job already running finds its target cancelled when it tries to
 * store its result, and stores nothing. Another owner's batch is not found.
 */
export async function cancelBatch(prisma: PrismaClient, boss: PgBoss, batchId: string, caller: Caller) {
  return prisma.$transaction(async (tx) => {
    const locked = await lockBatch(tx, batchId, caller.ownerId);
    if (!locked) throw notFound('batch');
    if (!leaves(BATCH.cancel, locked.status)) {
      throw new UserError('CONFLICT', `The batch is already ${locked.status}; only a pending or running batch can be cancelled.`);
    }
    const unfinished = await tx.target.findMany({
      where: { batchId, status: { in: [...TARGET.cancel.from] } },
      select: { jobId: true },
    });
    await tx.target.updateMany({
      where: { batchId, status: { in: [...TARGET.cancel.from] } },
      data: { status: TARGET.cancel.to[0], finishedAt: new Date() },
    });
    await cancelAnalyzeJobs(
      boss,
      tx,
      unfinished.flatMap((target) => (target.jobId ? [target.jobId] : [])),
    );
    await recordAudit(tx, caller, BATCH.cancel.audit, { batchId });
    return recordBatchChange(tx, batchId, {
      status: BATCH.cancel.to[0],
      finishedAt: new Date(),
      error: 'Cancelled by request.',
    });
  });
}
