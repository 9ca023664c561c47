import type { PrismaClient } from '../db/prisma';
import { parseBatchChange, type BatchChange } from './channel';

/**
 * The changes of a batch after `afterSequence`, exactly as their NOTIFYs carried them (each
 * announcing transaction keeps a copy, see the batch_events migration): what a process hands
 * its subscribers after its LISTEN connection came back, so they miss none and see the same
 * change for each sequence as the subscribers of every other process.
 */
export async function missedChanges(prisma: PrismaClient, batchId: string, afterSequence: number): Promise<BatchChange[]> {
  const kept = await prisma.batchEvent.findMany({
    where: { batchId, sequence: { gt: afterSequence } },
    orderBy: { sequence: 'asc' },
    select: { payload: true },
  });
  return kept.map(({ payload }) => parseBatchChange(`${batchId} ${payload}`));
}
