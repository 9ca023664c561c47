import type { PgBoss } from 'pg-boss';
import type { PageReport } from '../analysis';
import type { Target } from '../db/generated/client/client';
import type { PrismaClient, Queryable } from '../db/prisma';
import { EVENT_CHANNEL } from '../events/channel';
import { sendCompareJob } from '../jobs/queues';
import { toAnalysisRow } from './analysisRows';

export type TargetOutcome = { report: PageReport } | { error: string };

export interface FinishedTarget {
  targetId: string;
  outcome: TargetOutcome;
}

// Both transitions run for every page, so each is one statement for any number of targets:
// the functions of the target_transitions migration. They go to the pool directly: Prisma's
// raw-query path serialises every parameter once more, and a page's analysis is kilobytes.

export type StartedTarget = Pick<Target, 'id' | 'batchId' | 'url' | 'attempts'>;

/** Marks the PENDING or RUNNING ones of the targets RUNNING for one more attempt and returns them. */
export async function startTargets(db: Queryable, targetIds: string[]): Promise<StartedTarget[]> {
  const { rows } = await db.query<StartedTarget>(
    `SELECT id, "batchId", url, attempts FROM "vantage_start_targets"($1, $2::uuid[])`,
    [EVENT_CHANNEL, targetIds],
  );
  return rows;
}

/**
 * Stores the results and counts each target once: a target that is no longer PENDING or
 * RUNNING (counted by an earlier run, or cancelled) is left as it is. Returns the ids of the
 * targets counted. Counting a batch's last target asks for its comparison. That request follows
 * the commit; if the process dies in between, the job runs again and `queueDueComparison` asks.
 */
export async function finishTargets(db: Queryable, boss: PgBoss, finished: FinishedTarget[]): Promise<Set<string>> {
  const failures = finished.map(({ outcome }) => ('error' in outcome ? outcome.error : null));
  const analyses = finished.map(({ targetId, outcome }) =>
    'report' in outcome ? JSON.stringify(toAnalysisRow(targetId, outcome.report)) : null,
  );
  const { rows: counted } = await db.query<{ targetId: string; batchId: string; batchCounted: boolean }>(
    `SELECT * FROM "vantage_finish_targets"($1, $2::uuid[], $3::text[], $4::jsonb[])`,
    [EVENT_CHANNEL, finished.map((one) => one.targetId), failures, analyses],
  );
  for (const { batchId, batchCounted } of counted) if (batchCounted) await sendCompareJob(boss, batchId);
  return new Set(counted.map((one) => one.targetId));
}

/** Asks for the comparison of the target's batch if every target is counted and the batch is still running. */
export async function queueDueComparison(prisma: PrismaClient, boss: PgBoss, targetId: string) {
  const [due] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT b.id FROM "Batch" b JOIN "Target" t ON t."batchId" = b.id
    WHERE t.id = ${targetId}::uuid AND b.status = 'RUNNING' AND b."completedUrls" = b."totalUrls"`;
  if (due) await sendCompareJob(boss, due.id);
}
