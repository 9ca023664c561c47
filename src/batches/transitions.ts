import type { AuditAction } from '../auth/audit';
import type { BatchStatus, TargetStatus } from '../db/generated/client/client';
import { Prisma, type Transaction } from '../db/prisma';
import { EVENT_CHANNEL } from '../events/channel';
import { ANALYZE_TARGET, COMPARE_BATCH, PURGE_BATCHES, RECONCILE_BATCHES, SCHEDULE_RUNS, type QueueName } from '../queue';

/**
 * A change of state of a batch or a target. `from`: the states it leaves (none: the row is
 * new); `to`: the states it leaves the row in (none: the row is deleted); `by`: who makes it,
 * an API request or a queue's job; `in`: the function that makes it, in TypeScript or in
 * plpgsql (./sql/<name>.sql, installed by a migration); `announced`: whether its transaction
 * NOTIFYs the batch as it stands (a BatchChange on EVENT_CHANNEL, kept in BatchEvent), which
 * watchBatch and batchCreated hear, and, for a project's batch, appends the project's events
 * (ProjectEvent, heard by watchProject); `audit`: the AuditEvent it writes.
 */
interface Transition<Status extends string> {
  from: readonly Status[];
  to: readonly Status[];
  by: readonly ('api' | 'worker start' | QueueName)[];
  in: string;
  announced: boolean;
  audit?: AuditAction;
}

const UNFINISHED = ['PENDING', 'RUNNING'] as const;

/** Every change of a batch's status, and the changes of its counters that keep the status. */
export const BATCH = {
  /** By the API, or by a project's schedule (createBatchIn, in the scheduler's transaction). */
  create: { from: [], to: ['PENDING'], by: ['api', SCHEDULE_RUNS], in: 'createBatch', announced: true, audit: 'BATCH_CREATED' },
  /** Its first page starts. */
  start: { from: ['PENDING'], to: ['RUNNING'], by: [ANALYZE_TARGET], in: 'vantage_start_targets', announced: true },
  /** A page is counted (see TARGET.finish); the last one queues the comparison in the same transaction. */
  count: { from: UNFINISHED, to: UNFINISHED, by: [ANALYZE_TARGET], in: 'vantage_finish_targets', announced: true },
  /**
   * Its comparison is stored (FAILED when every page failed; from PENDING when reconcile failed
   * every page unstarted); a project's webhook deliveries of the run's end are queued with it.
   */
  compare: { from: UNFINISHED, to: ['COMPLETED', 'FAILED'], by: [COMPARE_BATCH], in: 'compareBatch', announced: true },
  cancel: { from: UNFINISHED, to: ['CANCELLED'], by: ['api'], in: 'cancelBatch', announced: true, audit: 'BATCH_CANCELLED' },
  /** Its FAILED targets go back to the queue (see TARGET.retry). */
  retry: { from: ['COMPLETED', 'FAILED'], to: ['RUNNING'], by: ['api'], in: 'retryBatch', announced: true, audit: 'BATCH_RETRIED' },
  /** Counters that disagree with the targets they count are counted again. */
  recount: { from: UNFINISHED, to: UNFINISHED, by: [RECONCILE_BATCHES], in: 'reconcileBatches', announced: true },
  /** Past the retention, with its targets, analyses, comparison and kept changes. */
  purge: { from: ['COMPLETED', 'FAILED', 'CANCELLED'], to: [], by: [PURGE_BATCHES], in: 'purgeBatches', announced: false },
} as const satisfies Record<string, Transition<BatchStatus>>;

/** Every change of a target's status. */
export const TARGET = {
  create: { from: [], to: ['PENDING'], by: ['api', SCHEDULE_RUNS], in: 'createBatch', announced: true },
  /** One more attempt from PENDING; from RUNNING, one more worker stop (its last run's worker stopped). */
  start: { from: UNFINISHED, to: ['RUNNING'], by: [ANALYZE_TARGET], in: 'vantage_start_targets', announced: true },
  /**
   * Its worker is gone with the page in hand (found by a worker starting): still RUNNING, marked
   * interrupted until its retry starts it again (TARGET.start clears the mark).
   */
  interrupt: { from: ['RUNNING'], to: ['RUNNING'], by: ['worker start'], in: 'vantage_mark_interrupted_targets', announced: true },
  /** After a failed attempt that may be tried again, or handed back unfinished by a stopping worker. */
  release: { from: ['RUNNING'], to: ['PENDING'], by: [ANALYZE_TARGET], in: 'vantage_release_targets', announced: true },
  /** Counted once, on its batch (BATCH.count); reconcile fails the ones whose job pg-boss gave up on. */
  finish: { from: UNFINISHED, to: ['SUCCEEDED', 'FAILED'], by: [ANALYZE_TARGET, RECONCILE_BATCHES], in: 'vantage_finish_targets', announced: true },
  cancel: { from: UNFINISHED, to: ['CANCELLED'], by: ['api'], in: 'cancelBatch', announced: true },
  retry: { from: ['FAILED'], to: ['PENDING'], by: ['api'], in: 'retryBatch', announced: true },
} as const satisfies Record<string, Transition<TargetStatus>>;

/** Whether a row in `status` may make the transition. */
export function leaves<Status extends string>(transition: Transition<Status>, status: string): status is Status {
  return (transition.from as readonly string[]).includes(status);
}

/**
 * Locks a batch. Every transaction that changes a batch or its targets takes the batch row
 * first (the plpgsql transitions too, through vantage_lock_batches_of), so concurrent writers
 * queue up instead of deadlocking. NO KEY UPDATE is the lock the batch UPDATE takes anyway, and
 * unlike FOR UPDATE it does not block the foreign-key checks of rows inserted for the batch
 * (analyses, origin files). With `ownerId`, a batch of another owner is not found.
 */
export async function lockBatch(tx: Transaction, batchId: string, ownerId?: string) {
  const ofOwner = ownerId ? Prisma.sql`AND "ownerId" = ${ownerId}::uuid` : Prisma.empty;
  const [row] = await tx.$queryRaw<{ id: string; status: BatchStatus }[]>`
    SELECT id, status::text AS status FROM "Batch" WHERE id = ${batchId}::uuid ${ofOwner} FOR NO KEY UPDATE`;
  return row ?? null;
}

/**
 * Applies a change to a batch row, bumps its sequence and NOTIFYs, all in the caller's
 * transaction: listeners hear of the change only if and when it commits, and the row lock
 * taken by the UPDATE orders concurrent changes, so sequences arrive strictly increasing.
 * The event is built in SQL, by vantage_announce_batch_change (./sql), as the per-page transitions build theirs.
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
