import type { PgBoss } from 'pg-boss';
import { finishTargets } from '../batches/targets';
import { lockBatch, recordBatchChange } from '../batches/transitions';
import type { PrismaClient, Queryable } from '../db/prisma';
import type { Logger } from '../logger';
import { ANALYZE_TARGET, COMPARE_BATCH, sendCompareJob } from '../queue';

export interface ReconcileReport {
  targetsFailed: number;
  countersFixed: number;
  comparisonsQueued: number;
}

/**
 * The safety net under the queue: finds batches whose rows and jobs disagree and puts them
 * right, so that no batch stays PENDING or RUNNING for ever. Each repair is one of the ordinary
 * transactions, so running this while workers run (or twice) changes nothing twice.
 */
export async function reconcileBatches(deps: {
  prisma: PrismaClient;
  pool: Queryable;
  boss: PgBoss;
  log: Logger;
}): Promise<ReconcileReport> {
  const { prisma, pool, boss, log } = deps;
  const report: ReconcileReport = { targetsFailed: 0, countersFixed: 0, comparisonsQueued: 0 };

  // 1. Unfinished targets whose job is over or gone: pg-boss gave up on them (every retry
  //    failed, or the worker died on each attempt), so nothing else will ever finish them.
  const orphans = await prisma.$queryRaw<{ id: string; state: string | null; workerStops: number }[]>`
    SELECT t.id, j.state::text AS state, t."workerStops" FROM "Target" t
    LEFT JOIN pgboss.job j ON j.name = ${ANALYZE_TARGET} AND j.id = t."jobId"
    WHERE t.status IN ('PENDING', 'RUNNING') AND (j.id IS NULL OR j.state IN ('completed', 'failed', 'cancelled'))`;
  if (orphans.length > 0) {
    const failed = orphans.map((orphan) => ({ targetId: orphan.id, outcome: { error: whyUnfinished(orphan) } }));
    report.targetsFailed = (await finishTargets(pool, boss, failed)).size;
  }

  // 2. Counters that disagree with the targets they count.
  const drifted = await prisma.$queryRaw<{ id: string }[]>`
    SELECT b.id FROM "Batch" b JOIN "Target" t ON t."batchId" = b.id
    WHERE b.status IN ('PENDING', 'RUNNING')
    GROUP BY b.id
    HAVING b."completedUrls" <> count(*) FILTER (WHERE t.status IN ('SUCCEEDED', 'FAILED'))
        OR b."failedUrls" <> count(*) FILTER (WHERE t.status = 'FAILED')`;
  for (const { id } of drifted) {
    await prisma.$transaction(async (tx) => {
      if (!(await lockBatch(tx, id))) return;
      const [completedUrls, failedUrls] = await Promise.all([
        tx.target.count({ where: { batchId: id, status: { in: ['SUCCEEDED', 'FAILED'] } } }),
        tx.target.count({ where: { batchId: id, status: 'FAILED' } }),
      ]);
      await recordBatchChange(tx, id, { completedUrls, failedUrls });
    });
    report.countersFixed++;
  }

  // 3. Batches with every target counted but no comparison on its way: the count queues one in
  //    its own transaction, so this finds a comparison job pg-boss gave up on (every run failed,
  //    or its worker died on each, which no code of the job hears), or a count step 2 completed.
  const uncompared = await prisma.$queryRaw<{ id: string }[]>`
    SELECT b.id FROM "Batch" b
    WHERE b.status IN ('PENDING', 'RUNNING') AND b."completedUrls" = b."totalUrls"
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${COMPARE_BATCH}
        AND j.singleton_key = b.id::text AND j.state IN ('created', 'retry', 'active'))`;
  for (const { id } of uncompared) {
    await sendCompareJob(boss, id);
    report.comparisonsQueued++;
  }

  if (report.targetsFailed || report.countersFixed || report.comparisonsQueued) {
    log.warn({ ...report }, 'reconciled batches whose rows and jobs disagreed');
  }

  // Kept changes serve the subscribers of a process whose LISTEN connection was lost; a while
  // after a batch ended, its row is all they need.
  await prisma.$executeRaw`DELETE FROM "BatchEvent" e USING "Batch" b
    WHERE e."batchId" = b.id AND b."finishedAt" < now() - interval '10 minutes'`;
  // Projects' kept events likewise: a subscriber that missed more gets a fresh snapshot (watchProject).
  await prisma.$executeRaw`DELETE FROM "ProjectEvent" WHERE "createdAt" < now() - interval '10 minutes'`;
  return report;
}

function whyUnfinished(orphan: { state: string | null; workerStops: number }): string {
  if (orphan.state !== 'failed') return 'The analysis job was lost before it finished.';
  if (orphan.workerStops > 0) return `The analysis did not finish: its worker stopped ${orphan.workerStops} times.`;
  return 'The analysis did not finish: every attempt failed.';
}
