import type { Job } from 'pg-boss';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';

const payloadSchema = z.object({ days: z.number().int().positive() });
export function assertPurgeBatchesPayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data);
}

/**
 * Deletes finished batches older than the retention; their targets, analyses and comparison go
 * with them. What a project recorded of its runs (ProjectRun, HistoryPoint, ProjectChange) has
 * no reference to Batch, so it stays.
 */
export async function purgeBatches(deps: { prisma: PrismaClient; log: Logger }, job: Job<unknown>): Promise<number> {
  const { days } = assertPurgeBatchesPayload(job.data);
  const { count } = await deps.prisma.batch.deleteMany({
    where: {
      status: { in: ['COMPLETED', 'FAILED', 'CANCELLED'] },
      finishedAt: { lt: new Date(Date.now() - days * 24 * 60 * 60 * 1000) },
    },
  });
  if (count > 0) deps.log.info({ count, days }, 'purged finished batches past their retention');
  return count;
}
