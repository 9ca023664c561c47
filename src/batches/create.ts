import { randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import { recordAudit } from '../auth/audit';
import type { Caller } from '../auth/caller';
import type { Config } from '../config';
import type { PrismaClient, Transaction } from '../db/prisma';
import { planAnalyzeJobs, queuedPagesOf, sendAnalyzeJobs, type AnalyzeJobPlan } from '../queue';
import { validateBatchInput, type BatchInput } from './input';
import { assertOwnerCapacity, lockOwnerQuota, ownerQuotaTransaction, type OwnerLimits } from './limits';
import { announceBatch, BATCH } from './transitions';

export type NewBatchInput = BatchInput & { projectId?: string };
export type BatchLimits = { maxUrlsPerBatch: number; maxPagesPerSite: number } & OwnerLimits;

/** The limits every batch is created under, from the settings. */
export function batchLimitsOf(config: Pick<Config, 'maxUrlsPerBatch' | 'maxPagesPerSite' | 'ownerLimits'>): BatchLimits {
  return { maxUrlsPerBatch: config.maxUrlsPerBatch, maxPagesPerSite: config.maxPagesPerSite, ...config.ownerLimits };
}

/** The checked input, its targets and their planned jobs: everything decided before the transaction. */
function planBatch(input: NewBatchInput, limits: BatchLimits, jobPlan: AnalyzeJobPlan) {
  const valid = validateBatchInput(input, { maxUrls: limits.maxUrlsPerBatch, maxPagesPerSite: limits.maxPagesPerSite });
  const urls = valid.urls.map((url) => ({ id: randomUUID(), url }));
  const jobs = planAnalyzeJobs(urls, jobPlan, valid.maxPagesPerSite);
  const jobOf = new Map(jobs.flatMap((job) => job.targetIds.map((targetId) => [targetId, job.jobId])));
  const targets = urls.map(({ id, url }, position) => ({
    id,
    jobId: jobOf.get(id)!,
    url,
    position,
    isSubject: url === valid.subjectUrl,
  }));
  return { name: valid.name, maxPagesPerSite: valid.maxPagesPerSite, projectId: input.projectId, targets, jobs };
}

/** Writes a planned batch in `tx`, which holds the owner's quota lock; refused (nothing written) beyond the owner's limits. */
async function writeBatch(tx: Transaction, boss: PgBoss, plan: ReturnType<typeof planBatch>, limits: OwnerLimits, caller: Caller) {
  const { targets, jobs } = plan;
  await assertOwnerCapacity(tx, caller.ownerId, limits, targets.length);
  const queuedPages = await queuedPagesOf(tx, caller.ownerId);
  const batch = await tx.batch.create({
    data: {
      name: plan.name,
      maxPagesPerSite: plan.maxPagesPerSite,
      ownerId: caller.ownerId,
      projectId: plan.projectId,
      totalUrls: targets.length,
      targets: { createMany: { data: targets } },
    },
  });
  await sendAnalyzeJobs(boss, tx, jobs, { ownerId: caller.ownerId, queuedPages, maxPagesPerSite: plan.maxPagesPerSite });
  await recordAudit(tx, caller, BATCH.create.audit, { batchId: batch.id });
  await announceBatch(tx, batch.id); // for the owner's batchCreated subscribers
  return batch;
}

/**
 * The batch (owned by the caller), its targets, their jobs and the audit row are written in
 * one transaction: all or nothing, and announced when it commits. The owner's limits are
 * checked in it too. `projectId` makes it a site audit of that project (src/projects/run.ts).
 */
export async function createBatch(
  prisma: PrismaClient,
  boss: PgBoss,
  input: NewBatchInput,
  limits: BatchLimits,
  caller: Caller,
  jobPlan: AnalyzeJobPlan,
) {
  const plan = planBatch(input, limits, jobPlan);
  return ownerQuotaTransaction(prisma, caller.ownerId, (tx) => writeBatch(tx, boss, plan, limits, caller));
}

/**
 * `createBatch` inside a transaction the caller already has (the scheduler's, which also
 * moves the project's schedule): the owner's quota lock is taken in it, and a refusal
 * (a UserError) leaves the transaction usable, with nothing of the batch written.
 */
export async function createBatchIn(
  tx: Transaction,
  boss: PgBoss,
  input: NewBatchInput,
  limits: BatchLimits,
  caller: Caller,
  jobPlan: AnalyzeJobPlan,
) {
  const plan = planBatch(input, limits, jobPlan);
  await lockOwnerQuota(tx, caller.ownerId);
  return writeBatch(tx, boss, plan, limits, caller);
}
