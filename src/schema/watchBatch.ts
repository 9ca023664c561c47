import type { Batch } from '../db/generated/client/client';
import { notFound } from '../errors';
import { RESYNC, type BatchRowJson } from '../events';
import type { Context } from './context';
import { TERMINAL_BATCH_STATUSES } from './enums';

export interface BatchSnapshot {
  /** The batch as it was at `sequence`. */
  batch: Batch;
  sequence: number;
  /** The target whose change led to this snapshot, if one did. */
  targetId: string | null;
}

const DATE_FIELDS = ['createdAt', 'startedAt', 'finishedAt'] as const;

function reviveBatch(row: BatchRowJson): Batch {
  const batch = { ...row } as Record<string, unknown>;
  for (const field of DATE_FIELDS) if (typeof batch[field] === 'string') batch[field] = new Date(batch[field] as string);
  return batch as unknown as Batch;
}

/**
 * The states of one batch as they are committed: the current one first, then every change
 * with a higher sequence, ending after the first terminal state. It listens before it reads,
 * so no change can fall between the snapshot and the stream. After a lost LISTEN connection
 * it reads the row again: changes in between are skipped, but the latest state (and so a
 * terminal one) is never missed.
 */
export async function* watchBatch(ctx: Context, batchId: string): AsyncGenerator<BatchSnapshot> {
  const changes = ctx.pubsub.subscribe('batch', batchId)[Symbol.asyncIterator]();
  let nextChange = changes.next(); // registers the listener now, before the first read
  try {
    const current = await ctx.prisma.batch.findUnique({ where: { id: batchId } });
    if (!current) throw notFound('batch');
    let last: BatchSnapshot = { batch: current, sequence: current.sequence, targetId: null };
    yield last;
    while (!TERMINAL_BATCH_STATUSES.has(last.batch.status)) {
      const { value: change, done } = await nextChange;
      if (done) return;
      nextChange = changes.next();
      let next: BatchSnapshot;
      if (change === RESYNC) {
        const batch = await ctx.prisma.batch.findUniqueOrThrow({ where: { id: batchId } });
        next = { batch, sequence: batch.sequence, targetId: null };
      } else {
        next = { batch: reviveBatch(change.batch), sequence: change.sequence, targetId: change.targetId };
      }
      if (next.sequence <= last.sequence) continue;
      last = next;
      yield last;
    }
  } finally {
    await changes.return?.();
  }
}
