import type { PgBoss } from 'pg-boss';
import { recordAudit } from '../auth/audit';
import type { Caller } from '../auth/caller';
import { Prisma, type PrismaClient } from '../db/prisma';
import { UserError, notFound } from '../errors';
import { planAnalyzeJobs, queuedPagesOf, sendAnalyzeJobs, type AnalyzeJobPlan } from '../queue';
import { assertOwnerCapacity, ownerQuotaTransaction, type OwnerLimits } from './limits';
import { BATCH, leaves, lockBatch, recordBatchChange, TARGET } from './transitions';

/**
 * Puts the FAILED targets of a finished batch back in the queue and the batch back to RUNNING.
 * Their analyses are gone (failed targets have none), the counters drop by exactly the targets
 * re-queued, so progress stays at what the finished targets count; the comparison is computed
 * again when they finish. Each re-queued target gets its attempts afresh. A retried batch runs
 * again, so it counts against the owner's running batches, and its re-queued URLs against the
 * owner's URLs per day; another owner's batch is not found.
 */
export async function retryBatch(
  prisma: PrismaClient,
  boss: PgBoss,
  batchId: string,
  caller: Caller,
  limits: OwnerLimits,
  jobPlan: AnalyzeJobPlan,
) {
  return ownerQuotaTransaction(prisma, caller.ownerId, async (tx) => {
    const locked = await lockBatch(tx, batchId, caller.ownerId);
    if (!locked) throw notFound('batch');
    if (!leaves(BATCH.retry, locked.status)) {
      throw new UserError('CONFLICT', `The batch is ${locked.status}; only a COMPLETED or FAILED batch can be retried.`);
    }
    const failed = await tx.target.findMany({ where: { batchId, status: { in: [...TARGET.retry.from] } }, select: { id: true, url: true } });
    if (failed.length === 0) throw new UserError('CONFLICT', 'The batch has no failed targets to retry.');
    await assertOwnerCapacity(tx, caller.ownerId, limits, failed.length);
    const { maxPagesPerSite } = await tx.batch.findUniqueOrThrow({ where: { id: batchId }, select: { maxPagesPerSite: true } });
    const jobs = planAnalyzeJobs(failed, jobPlan, maxPagesPerSite);
    const queuedPages = await queuedPagesOf(tx, caller.ownerId);
    // A failed site is crawled afresh.
    await tx.crawledPage.deleteMany({ where: { targetId: { in: failed.map((target) => target.id) } } });
    for (const job of jobs) {
      await tx.target.updateMany({
        where: { id: { in: job.targetIds } },
        data: { status: TARGET.retry.to[0], error: null, jobId: job.jobId, attempts: 0, finishedAt: null, pagesDiscovered: 0, pagesDone: 0, site: Prisma.DbNull },
      });
    }
    await sendAnalyzeJobs(boss, tx, jobs, { ownerId: caller.ownerId, queuedPages, maxPagesPerSite });
    await recordAudit(tx, caller, BATCH.retry.audit, { batchId, urls: failed.length });
    return recordBatchChange(tx, batchId, {
      status: BATCH.retry.to[0],
      completedUrls: { decrement: failed.length },
      pagesDone: { decrement: failed.length * maxPagesPerSite },
      failedUrls: { decrement: failed.length },
      finishedAt: null,
      error: null,
    });
  });
}
