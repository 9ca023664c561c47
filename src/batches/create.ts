import { randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '../db/prisma';
import { sendAnalyzeJobs } from '../jobs/queues';
import { validateBatchInput, type BatchInput } from './input';

/** The batch, its targets and their jobs are written in one transaction: all or nothing. */
export async function createBatch(
  prisma: PrismaClient,
  boss: PgBoss,
  input: BatchInput,
  limits: { maxUrlsPerBatch: number },
) {
  const valid = validateBatchInput(input, limits.maxUrlsPerBatch);
  const targets = valid.urls.map((url, position) => ({
    id: randomUUID(),
    jobId: randomUUID(),
    url,
    position,
    isSubject: url === valid.subjectUrl,
  }));
  return prisma.$transaction(async (tx) => {
    const batch = await tx.batch.create({
      data: { name: valid.name, totalUrls: targets.length, targets: { createMany: { data: targets } } },
    });
    await sendAnalyzeJobs(
      boss,
      tx,
      targets.map((target) => ({ targetId: target.id, jobId: target.jobId, url: target.url })),
    );
    return batch;
  });
}
