import pg from 'pg';
import type { Logger } from '../../src/logger';
import { NOOP_QUEUE, startNoopBoss } from '../lib/noopBoss';
import { oneAtATime, type GapOptions } from './gaps';

export interface StartLatencies {
  /** pg-boss created_on -> started_on (both the database's clock), ms. */
  pickup: number[];
  /** pg-boss created_on -> the handler's first line, ms. */
  handler: number[];
}

/** The reference: no-op jobs sent one at a time to the same pg-boss set-up as Vantage's. */
export async function measureBareStarts(
  databaseUrl: string,
  options: GapOptions & { concurrency: number },
  log: Logger,
): Promise<StartLatencies> {
  const handlerStarts = new Map<number, number>();
  let jobDone: (() => void) | null = null;
  const boss = await startNoopBoss(databaseUrl, options.concurrency, log, (data) => {
    handlerStarts.set((data as { index: number }).index, Date.now());
    jobDone?.();
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await oneAtATime(options, async (index) => {
      const handled = new Promise<void>((resolve) => (jobDone = resolve));
      await boss.send(NOOP_QUEUE, { index });
      await handled;
    });
    const { rows } = await db.query<{ index: number; created: Date; pickupMs: number }>(
      `SELECT (data->>'index')::int AS index, created_on AS created,
              (extract(epoch FROM started_on - created_on) * 1000)::float8 AS "pickupMs"
       FROM pgboss.job WHERE name = $1`,
      [NOOP_QUEUE],
    );
    return {
      pickup: rows.map((row) => row.pickupMs),
      handler: rows.map((row) => handlerStarts.get(row.index)! - row.created.getTime()),
    };
  } finally {
    await boss.stop({ graceful: true, timeout: 10_000 });
    await db.end();
  }
}
