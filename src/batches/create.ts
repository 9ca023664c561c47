import { randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import { recordAudit } from '../auth/audit';
import type { Caller } from '../auth/caller';
import type { PrismaClient } from '../db/prisma';
import { planAnalyzeJobs, queuedPagesOf, sendAnalyzeJobs, type AnalyzeJobPlan } from '../queue';
import { validateBatchInput, type BatchInput } from './input';
import { assertOwnerCapacity, ownerQuotaTransaction, type OwnerLimits } from './limits';
import { announceBatch, BATCH } from './transitions';

/**
 * The batch (owned by the caller), its targets, their jobs and the audit row are written in
 * one transaction: all or nothing, and announced when it commits. The owner's limits are
 * checked in it too. `projectId` makes it a site audit of that project (src/projects/run.ts).
 */
export async function createBatch(
  prisma: PrismaClient,
  boss: PgBoss,
  input: BatchInput & { projectId?: string },
  limits: { maxUrlsPerBatch: number } & OwnerLimits,
  caller: Caller,
  jobPlan: AnalyzeJobPlan,
) {
  const valid = validateBatchInput(input, limits.maxUrlsPerBatch);
  const urls = valid.urls.map((url) => ({ id: randomUUID(), url }));
  const jobs = planAnalyzeJobs(urls, jobPlan);
  const jobOf = new Map(jobs.flatMap((job) => job.targetIds.map((targetId) => [targetId, job.jobId])));
  const targets = urls.map(({ id, url }, position) => ({
    id,
    jobId: jobOf.get(id)!,
    url,
    position,
    isSubject: url === valid.subjectUrl,
  }));
  return ownerQuotaTransaction(prisma, caller.ownerId, async (tx) => {
    await assertOwnerCapacity(tx, caller.ownerId, limits, targets.length);
    const queuedPages = await queuedPagesOf(tx, caller.ownerId);
    const batch = await tx.batch.create({
      data: {
        name: valid.name,
        ownerId: caller.ownerId,
        projectId: input.projectId,
        totalUrls: targets.length,
        targets: { createMany: { data: targets } },
      },
    });
    await sendAnalyzeJobs(boss, tx, jobs, { ownerId: caller.ownerId, queuedPages });
    await recordAudit(tx, caller, BATCH.create.audit, { batchId: batch.id });
    await announceBatch(tx, batch.id); // for the owner's batchCreated subscribers
    return batch;
  });
}
