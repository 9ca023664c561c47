import type { Db, PgBoss } from 'pg-boss';
import type { PageReport } from '../analysis';
import type { Target } from '../db/generated/client/client';
import { coalesce } from '../db/coalesce';
import type { Queryable } from '../db/prisma';
import { EVENT_CHANNEL } from '../events/channel';
import { sendCompareJob } from '../queue';
import { toAnalysisRow } from './analysisRows';

export type TargetOutcome = { report: PageReport } | { error: string };

export interface FinishedTarget {
  targetId: string;
  outcome: TargetOutcome;
}

// Both transitions run for every page, so each is one statement for any number of targets: a
// plpgsql function (TARGET in ./transitions names it; its source is in ./sql). They go to the
// pool directly: Prisma's raw-query path serialises every parameter once more, and a page's
// analysis is kilobytes.

export type StartedTarget = Pick<Target, 'id' | 'batchId' | 'url' | 'attempts' | 'workerStops'>;

/**
 * Marks the PENDING or RUNNING ones of the targets RUNNING and returns them: a PENDING one for
 * one more attempt, a RUNNING one (its last run's worker stopped) for one more worker stop.
 */
export async function startTargets(db: Queryable, targetIds: string[]): Promise<StartedTarget[]> {
  const { rows } = await db.query<StartedTarget>(
    `SELECT id, "batchId", url, attempts, "workerStops" FROM "vantage_start_targets"($1, $2::uuid[])`,
    [EVENT_CHANNEL, targetIds],
  );
  return rows;
}

/**
 * Puts RUNNING targets back to PENDING for another run: after a failed attempt (`attempted`),
 * or when a stopping worker hands the page back unfinished, which does not use up an attempt.
 */
export async function releaseTargets(db: Queryable, targetIds: string[], attempted: boolean): Promise<void> {
  await db.query(`SELECT "vantage_release_targets"($1, $2::uuid[], $3)`, [EVENT_CHANNEL, targetIds, attempted]);
}

/**
 * Marks interrupted the RUNNING targets whose job no worker claims (see JOB_CLAIMS_NAMESPACE):
 * their worker is gone, and they wait for the queue to retry them. Returns how many.
 */
export async function markInterruptedTargets(db: Queryable, claimsNamespace: number): Promise<number> {
  const { rows } = await db.query(`SELECT id FROM "vantage_mark_interrupted_targets"($1, $2)`, [EVENT_CHANNEL, claimsNamespace]);
  return rows.length;
}

interface FinishedRow {
  targetId: string;
  batchId: string | null;
  batchCounted: boolean;
  deferred: boolean;
}

/**
 * Stores the results and counts each target once: a target that is no longer PENDING or
 * RUNNING (counted by an earlier run, or cancelled) is left as it is. Returns the ids of the
 * targets counted. Counting a batch's last target queues its comparison in the same
 * transaction, so nobody (reconcile included) ever sees the count without the job; the other
 * targets, nearly all, are counted in one statement of their own, without holding their
 * batches through the round trips of an explicit transaction.
 */
export async function finishTargets(pool: Queryable, boss: PgBoss, finished: FinishedTarget[]): Promise<Set<string>> {
  const rows = await countTargets(pool, finished, false);
  const deferred = new Set(rows.filter((row) => row.deferred).map((row) => row.targetId));
  const counted = rows.filter((row) => !row.deferred);
  if (deferred.size > 0) counted.push(...(await countLastTargets(pool, boss, finished.filter((one) => deferred.has(one.targetId)))));
  return new Set(counted.map((row) => row.targetId));
}

async function countTargets(db: Pick<Queryable, 'query'>, finished: FinishedTarget[], countLast: boolean) {
  const failures = finished.map(({ outcome }) => ('error' in outcome ? outcome.error : null));
  const analyses = finished.map(({ targetId, outcome }) =>
    'report' in outcome ? JSON.stringify(toAnalysisRow(targetId, outcome.report)) : null,
  );
  const { rows } = await db.query<FinishedRow>(
    `SELECT * FROM "vantage_finish_targets"($1, $2::uuid[], $3::text[], $4::jsonb[], $5)`,
    [EVENT_CHANNEL, finished.map((one) => one.targetId), failures, analyses, countLast],
  );
  return rows;
}

/** Counts targets that may complete their batches, queuing each completed batch's comparison in the same transaction. */
async function countLastTargets(pool: Queryable, boss: PgBoss, finished: FinishedTarget[]) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const counted = await countTargets(client, finished, true);
    const db: Db = { executeSql: (text, values) => client.query(text, values) };
    for (const { batchId, batchCounted } of counted) if (batchCounted) await sendCompareJob(boss, batchId!, db);
    await client.query('COMMIT');
    client.release();
    return counted;
  } catch (error) {
    // A connection that cannot roll back is broken: the pool drops it instead of reusing it.
    await client.query('ROLLBACK').then(() => client.release(), (broken: Error) => client.release(broken));
    throw error;
  }
}

export interface TargetTransitions {
  /** The target, marked RUNNING; null when there is nothing to do. */
  start(targetId: string): Promise<StartedTarget | null>;
  /** Counts the target unless it was counted before or cancelled; whether this call counted it. */
  finish(targetId: string, outcome: TargetOutcome): Promise<boolean>;
  /** Puts the RUNNING target back to PENDING: after a failed attempt, or unfinished (not an attempt). */
  release(targetId: string, attempted: boolean): Promise<void>;
}

/** A worker process's starts and finishes, each group-committed across its concurrent jobs. */
export function targetTransitions(db: Queryable, boss: PgBoss): TargetTransitions {
  const start = coalesce(async (targetIds: string[]) => {
    const started = new Map((await startTargets(db, targetIds)).map((target) => [target.id, target]));
    return targetIds.map((id) => started.get(id) ?? null);
  });
  const finish = coalesce(async (finished: FinishedTarget[]) => {
    const counted = await finishTargets(db, boss, finished);
    // The same target twice in one group (a job delivered twice at once) is counted for one call.
    return finished.map(({ targetId }) => counted.delete(targetId));
  });
  return {
    start,
    finish: (targetId, outcome) => finish({ targetId, outcome }),
    // Not group-committed: a failed attempt and a hand-back are rare.
    release: (targetId, attempted) => releaseTargets(db, [targetId], attempted),
  };
}
