import type pg from 'pg';

/**
 * How long each job of a queue was active (pg-boss started_on -> completed_on, the database's
 * clock), for the jobs created since `since`: the work one worker slot spends per item, whether
 * or not the slot then sits idle waiting for its next fetch.
 */
export async function activeTimesMs(db: pg.Client, queue: string, since: Date): Promise<number[]> {
  const { rows } = await db.query<{ ms: number }>(
    `SELECT (extract(epoch FROM completed_on - started_on) * 1000)::float8 AS ms
     FROM pgboss.job WHERE name = $1 AND state = 'completed' AND created_on >= $2`,
    [queue, since],
  );
  return rows.map((row) => row.ms);
}
