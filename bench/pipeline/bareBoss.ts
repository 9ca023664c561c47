import pg from 'pg';
import type { WorkOptions } from 'pg-boss';
import type { Logger } from '../../src/logger';
import { waitUntil } from '../../test/helpers/wait';
import { NOOP_QUEUE, startNoopBoss } from '../lib/noopBoss';
import { activeTimesMs } from './activeTimes';
import { untilDoneOrTimeUp } from './deadline';

export interface Throughput {
  /** Items finished when the clock stopped: all of them, unless the time limit ran out first. */
  items: number;
  seconds: number;
  /** Per finished item: how long its job was active, ms. */
  activeMs: number[];
}

/**
 * The reference pg-boss (see startNoopBoss) with no-op handlers. Jobs go in `chunk` at a time,
 * like Vantage's batches, while the workers run; the clock stops at the last job's completed_on, or
 * when the time limit runs out.
 */
export async function measureBarePgBoss(
  databaseUrl: string,
  options: { jobs: number; chunk: number; concurrency: number; maxSeconds: number; workOptions?: WorkOptions },
  log: Logger,
): Promise<Throughput> {
  const boss = await startNoopBoss(databaseUrl, options.concurrency, log, undefined, options.workOptions);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const completed = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [NOOP_QUEUE]))
        .rows[0]!.n;
    const enqueue = (count: number) => boss.insert(NOOP_QUEUE, Array.from({ length: count }, (_, i) => ({ data: { i } })));

    const warmUp = options.concurrency; // one job per worker, not timed
    await enqueue(warmUp);
    await waitUntil(async () => (await completed()) >= warmUp, { what: 'the warm-up jobs', intervalMs: 5 });

    const since = new Date();
    const started = performance.now();
    for (let sent = 0; sent < options.jobs; sent += options.chunk) await enqueue(Math.min(options.chunk, options.jobs - sent));
    const done = await untilDoneOrTimeUp(started, options.maxSeconds, async () => (await completed()) - warmUp, options.jobs);
    const { rows } = await db.query<{ last: Date }>(
      `SELECT max(completed_on) AS last FROM pgboss.job WHERE name = $1 AND state = 'completed' AND created_on >= $2`,
      [NOOP_QUEUE, since],
    );
    const seconds = done === options.jobs ? (rows[0]!.last.getTime() - since.getTime()) / 1000 : (performance.now() - started) / 1000;
    return { items: done, seconds, activeMs: await activeTimesMs(db, NOOP_QUEUE, since) };
  } finally {
    await boss.stop({ graceful: true, timeout: 10_000 });
    await db.end();
  }
}
