import type { Batch, Target } from '../db/generated/client/client';
import type { PrismaClient } from '../db/prisma';
import { notFound } from '../errors';
import { RESYNC, parseBatchChange, type BatchChange } from './channel';
import type { BatchTopicMessage, Events } from './fanOut';
import { pushStream, type PushStream } from './pushStream';

const TERMINAL_BATCH_STATUSES: ReadonlySet<Batch['status']> = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/** What watching a batch needs: the process's events, the database, and whose batch it must be. */
export interface Watcher {
  events: Events;
  prisma: PrismaClient;
  caller: { ownerId: string };
}

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
 * LISTEN connection it hands over the changes it missed, as kept by the database, then reads
 * the row again (which only adds anything once the kept changes of an ended batch are pruned).
 *
 * A push stream: each change reaches the consumer in the turn its event arrives, which lets
 * the WebSocket server write one change to a thousand subscribers in one pass.
 *
 * The first read happens before this resolves, so a missing or foreign batch is a NOT_FOUND
 * error of the subscription itself rather than of its stream.
 */
export async function watchBatch(ctx: Watcher, batchId: string): Promise<PushStream<BatchSnapshot>> {
  // Messages that come while a read is in flight (the first one, or a resync's) wait for it.
  let early: BatchTopicMessage[] | null = [];
  let last: BatchSnapshot | null = null;
  const unlisten = ctx.events.listen('batch', batchId, (message) => {
    if (early) early.push(message);
    else guarded(() => take(message));
  });
  const { stream, emit, end, fail } = pushStream<BatchSnapshot>(unlisten);

  function offer(next: BatchSnapshot): void {
    if (last && next.sequence <= last.sequence) return;
    last = next;
    emit(next);
    if (TERMINAL_BATCH_STATUSES.has(next.batch.status)) end();
  }

  /** The fan-out would only log a consumer's error; the stream fails with it instead. */
  function guarded(step: () => void): void {
    try {
      step();
    } catch (error) {
      fail(error);
    }
  }

  function take(message: BatchTopicMessage): void {
    if (message !== RESYNC) return offer(message); // parsed once for every subscriber in this process
    early = [];
    void catchUp().then(drainEarly, fail);
  }

  async function catchUp(): Promise<void> {
    for (const change of await missedChanges(ctx.prisma, batchId, last?.sequence ?? -1)) offer(change);
    offer(snapshotOf(await ctx.prisma.batch.findUniqueOrThrow({ where: { id: batchId } })));
  }

  function drainEarly(): void {
    const waiting = early ?? [];
    early = null;
    guarded(() => {
      while (waiting.length > 0 && !early) take(waiting.shift()!);
      early?.unshift(...waiting); // a resync began: the rest waits for it too
    });
  }

  try {
    const current = await ctx.prisma.batch.findFirst({ where: { id: batchId, ownerId: ctx.caller.ownerId } });
    if (!current) throw notFound('batch');
    offer(snapshotOf(current));
    drainEarly();
    return stream;
  } catch (error) {
    await stream.close();
    throw error;
  }
}

function snapshotOf(batch: Batch): BatchSnapshot {
  return { batch, sequence: batch.sequence, target: null };
}

/**
 * The changes of a batch after `afterSequence`, exactly as their NOTIFYs carried them (each
 * announcing transaction keeps a copy, see the batch_events migration): what a process hands
 * its subscribers after its LISTEN connection came back, so they miss none and see the same
 * change for each sequence as the subscribers of every other process.
 */
async function missedChanges(prisma: PrismaClient, batchId: string, afterSequence: number): Promise<BatchChange[]> {
  const kept = await prisma.batchEvent.findMany({
    where: { batchId, sequence: { gt: afterSequence } },
    orderBy: { sequence: 'asc' },
    select: { payload: true },
  });
  return kept.map(({ payload }) => parseBatchChange(`${batchId} ${payload}`));
}
