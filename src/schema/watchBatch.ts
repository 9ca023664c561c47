import type { Batch } from '../db/generated/client/client';
import { notFound } from '../errors';
import { RESYNC, type BatchTopicMessage } from '../events';
import type { Context } from './context';
import { TERMINAL_BATCH_STATUSES } from './enums';

export interface BatchSnapshot {
  batch: Batch;
  /** The target whose change led to this snapshot, if one did. */
  targetId: string | null;
}

/**
 * The states of one of the caller's batches as they are committed: the current one first,
 * then one per change with a higher sequence, ending after the first terminal state. It
 * listens before it reads, so no change can fall between the snapshot and the stream; after a
 * lost LISTEN connection it reads the row again, so a missed terminal change is still seen.
 *
 * The first read happens before this resolves, so a missing or foreign batch is a NOT_FOUND
 * error of the subscription itself rather than of its stream.
 */
export async function watchBatch(ctx: Context, batchId: string): Promise<AsyncGenerator<BatchSnapshot>> {
  const changes = ctx.pubsub.subscribe('batch', batchId)[Symbol.asyncIterator]();
  const nextChange = changes.next(); // registers the listener now, before the first read
  try {
    const batch = await ctx.prisma.batch.findFirst({ where: { id: batchId, ownerId: ctx.caller.ownerId } });
    if (!batch) throw notFound('batch');
    return follow(ctx, batch, changes, nextChange);
  } catch (error) {
    await changes.return?.();
    throw error;
  }
}

async function* follow(
  ctx: Context,
  first: Batch,
  changes: AsyncIterator<BatchTopicMessage>,
  pending: Promise<IteratorResult<BatchTopicMessage>>,
): AsyncGenerator<BatchSnapshot> {
  let batch = first;
  let nextChange = pending;
  try {
    yield { batch, targetId: null };
    while (!TERMINAL_BATCH_STATUSES.has(batch.status)) {
      const { value: change, done } = await nextChange;
      if (done) return;
      nextChange = changes.next();
      if (change !== RESYNC && change.sequence <= batch.sequence) continue;
      const latest = await ctx.prisma.batch.findUniqueOrThrow({ where: { id: batch.id } });
      if (latest.sequence <= batch.sequence) continue;
      batch = latest;
      yield { batch, targetId: change === RESYNC ? null : change.targetId };
    }
  } finally {
    await changes.return?.();
  }
}
