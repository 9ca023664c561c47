import type { Batch, Target } from '../db/generated/client/client';
import { notFound } from '../errors';
import { RESYNC, type BatchTopicMessage } from '../events';
import type { Context } from './context';
import { TERMINAL_BATCH_STATUSES } from './enums';

export interface BatchSnapshot {
  /** The batch as it was at `sequence`. */
  readonly batch: Readonly<Batch>;
  readonly sequence: number;
  /** The target whose change led to this snapshot, if one did, as that change left it. */
  readonly target: Readonly<Target> | null;
}

/**
 * The states of one of the caller's batches as they are committed: the current one first,
 * then every change with a higher sequence, ending after the first terminal state. It listens
 * before it reads, so no change can fall between the snapshot and the stream. After a lost
 * LISTEN connection it reads the row again: changes in between are skipped, but the latest
 * state (and so a terminal one) is never missed.
 *
 * The first read happens before this resolves, so a missing or foreign batch is a NOT_FOUND
 * error of the subscription itself rather than of its stream.
 */
export async function watchBatch(ctx: Context, batchId: string): Promise<AsyncGenerator<BatchSnapshot>> {
  const changes = ctx.events.subscribe('batch', batchId); // listening from here on, before the first read
  try {
    const current = await ctx.prisma.batch.findFirst({ where: { id: batchId, ownerId: ctx.caller.ownerId } });
    if (!current) throw notFound('batch');
    return follow(ctx, { batch: current, sequence: current.sequence, target: null }, changes);
  } catch (error) {
    await changes.return?.();
    throw error;
  }
}

async function* follow(
  ctx: Context,
  first: BatchSnapshot,
  changes: AsyncIterator<BatchTopicMessage>,
): AsyncGenerator<BatchSnapshot> {
  let last = first;
  try {
    yield last;
    while (!TERMINAL_BATCH_STATUSES.has(last.batch.status)) {
      const { value: change, done } = await changes.next();
      if (done) return;
      let next: BatchSnapshot;
      if (change === RESYNC) {
        const batch = await ctx.prisma.batch.findUniqueOrThrow({ where: { id: last.batch.id } });
        next = { batch, sequence: batch.sequence, target: null };
      } else {
        next = change; // parsed once for every subscriber in this process
      }
      if (next.sequence <= last.sequence) continue;
      last = next;
      yield last;
    }
  } finally {
    await changes.return?.();
  }
}
