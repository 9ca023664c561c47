import pg from 'pg';
import { createBoss } from '../../src/jobs/queues';
import type { Logger } from '../../src/logger';
import { waitUntil } from '../../test/helpers/wait';
import { untilDoneOrTimeUp } from './deadline';

export interface Throughput {
  /** Items finished when the clock stopped: all of them, unless the time limit ran out first. */
  items: number;
  seconds: number;
}

const NOOP = 'bench-noop';

/**
 * The reference: pg-boss exactly as Vantage configures it (createBoss, a queue with NOTIFY,
 * the same local concurrency), with handlers that do nothing. Jobs go in `chunk` at a time,
 * like Vantage's batches, while the workers run; the clock stops when the database says every
 * job is completed, or the time limit runs out.
 */
export async function measureBarePgBoss(
  databaseUrl: string,
  options: { jobs: number; chunk: number; concurrency: number; maxSeconds: number },
  log: Logger,
): Promise<Throughput> {
  const boss = createBoss(databaseUrl);
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  await boss.start();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await boss.createQueue(NOOP, { notify: true });
    await boss.work(NOOP, { localConcurrency: options.concurrency }, async () => {});
    const completed = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [NOOP]))
        .rows[0]!.n;
    const enqueue = (count: number) => boss.insert(NOOP, Array.from({ length: count }, (_, i) => ({ data: { i } })));

    const warmUp = options.concurrency; // one job per worker, not timed
    await enqueue(warmUp);
    await waitUntil(async () => (await completed()) >= warmUp, { what: 'the warm-up jobs', intervalMs: 5 });

    const started = performance.now();
    for (let sent = 0; sent < options.jobs; sent += options.chunk) await enqueue(Math.min(options.chunk, options.jobs - sent));
    const done = await untilDoneOrTimeUp(started, options.maxSeconds, async () => (await completed()) - warmUp, options.jobs);
    return { items: done, seconds: (performance.now() - started) / 1000 };
  } finally {
    await boss.stop({ graceful: true, timeout: 10_000 });
    await db.end();
  }
}
