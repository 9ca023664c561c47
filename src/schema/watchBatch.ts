import type { Batch } from '../db/generated/client/client';
import { notFound } from '../errors';
import { RESYNC } from '../events';
import type { Context } from './context';
import { TERMINAL_BATCH_STATUSES } from './enums';

export interface BatchSnapshot {
  batch: Batch;
  /** The target whose change led to this snapshot, if one did. */
  targetId: string | null;
}

/**
 * The states of one batch as they are committed: the current one first, then one per change
 * with a higher sequence, ending after the first terminal state. It listens before it reads,
 * so no change can fall between the snapshot and the stream; after a lost LISTEN connection it
 * reads the row again, so a missed terminal change is still seen.
 */
export async function* watchBatch(ctx: Context, batchId: string): AsyncGenerator<BatchSnapshot> {
  const changes = ctx.pubsub.subscribe('batch', batchId)[Symbol.asyncIterator]();
  let nextChange = changes.next(); // registers the listener now, before the first read
  try {
    let batch = await ctx.prisma.batch.findUnique({ where: { id: batchId } });
    if (!batch) throw notFound('batch');
    yield { batch, targetId: null };
    while (!TERMINAL_BATCH_STATUSES.has(batch.status)) {
      const { value: change, done } = await nextChange;
      if (done) return;
      nextChange = changes.next();
      if (change !== RESYNC && change.sequence <= batch.sequence) continue;
      const latest = await ctx.prisma.batch.findUniqueOrThrow({ where: { id: batchId } });
      if (latest.sequence <= batch.sequence) continue;
      batch = latest;
      yield { batch, targetId: change === RESYNC ? null : change.targetId };
    }
  } finally {
    await changes.return?.();
  }
}
