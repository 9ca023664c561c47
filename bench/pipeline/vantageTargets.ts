import pg from 'pg';
import { startVantage } from '../../src/app';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import { startFixtureSite } from '../../test/helpers/fixtures';
import { pages } from '../../test/helpers/pages';
import { waitUntil } from '../../test/helpers/wait';
import { benchAppConfig, createBatch } from '../lib/vantage';
import type { Throughput } from './bareBoss';
import { ANALYZE_TARGET } from '../../src/jobs/queues';
import { activeTimesMs } from './activeTimes';
import { untilDoneOrTimeUp } from './deadline';

export interface VantageThroughput extends Throughput {
  /** From the first createBatch to the last finished target's finishedAt. */
  targetsSeconds: number;
  batches: number;
  batchesCompleted: number;
}

/**
 * The whole Vantage pipeline per page: createBatch over GraphQL (`chunk` URLs a batch), the
 * analyze-target job fetching an instant loopback page, analysing and storing it, and each
 * batch's comparison. The clock stops when every batch has ended in the database, or the time
 * limit runs out.
 */
export async function measureVantage(
  baseConfig: Config,
  databaseUrl: string,
  options: { jobs: number; chunk: number; maxSeconds: number },
  log: Logger,
): Promise<VantageThroughput> {
  const paths = Array.from({ length: options.chunk }, (_, i) => `/p${i}`);
  const site = await startFixtureSite(Object.fromEntries(paths.map((path) => [path, pages.good])));
  const config = benchAppConfig(baseConfig, databaseUrl, { role: 'all' });
  const app = await startVantage(config, log);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const graphqlUrl = `${app.url}/graphql`;
    const submit = (count: number) => createBatch(graphqlUrl, 'bench', paths.slice(0, count).map((path) => site.url(path)));

    const warmUp = await submit(Math.min(options.chunk, config.workerConcurrency)); // one page per worker, not timed
    await waitUntil(
      async () => (await db.query(`SELECT 1 FROM "Batch" WHERE id = $1 AND status = 'COMPLETED'`, [warmUp.id])).rowCount,
      { what: 'the warm-up batch', intervalMs: 5 },
    );

    const progress = async () =>
      (
        await db.query<{ pages: number; ended: number; completed: number; lastFinished: Date | null }>(
          `SELECT coalesce(sum("completedUrls"), 0)::int AS pages,
                  count(*) FILTER (WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED'))::int AS ended,
                  count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
                  (SELECT max("finishedAt") FROM "Target" WHERE "batchId" <> $1) AS "lastFinished"
           FROM "Batch" WHERE id <> $1`,
          [warmUp.id],
        )
      ).rows[0]!;

    const since = new Date();
    const startedAt = since.getTime();
    const started = performance.now();
    let batches = 0;
    for (let sent = 0; sent < options.jobs; sent += options.chunk, batches++) {
      await submit(Math.min(options.chunk, options.jobs - sent));
    }
    await untilDoneOrTimeUp(started, options.maxSeconds, async () => (await progress()).ended, batches);
    const seconds = (performance.now() - started) / 1000;
    const final = await progress();
    return {
      items: final.pages,
      seconds,
      targetsSeconds: final.lastFinished ? (final.lastFinished.getTime() - startedAt) / 1000 : Number.NaN,
      batches,
      batchesCompleted: final.completed,
      activeMs: await activeTimesMs(db, ANALYZE_TARGET, since),
    };
  } finally {
    await db.end();
    await app.stop();
    await site.close();
  }
}
