import pg from 'pg';
import { startVantage } from '../../src/app';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import { startFixtureSite } from '../../test/helpers/fixtures';
import { pages } from '../../test/helpers/pages';
import { waitUntil } from '../../test/helpers/wait';
import { benchAppConfig, createBatch } from '../lib/vantage';
import type { Throughput } from './bareBoss';
import { ANALYZE_TARGET } from '../../src/queue';
import { activeTimesMs } from './activeTimes';
import { untilDoneOrTimeUp } from './deadline';

export interface VantageThroughput extends Throughput {
  /** From the first createBatch to the last finished target's finishedAt. */
  targetsSeconds: number;
  batches: number;
  batchesCompleted: number;
  /** How many loopback sites (hosts) the pages were spread over. */
  sites: number;
}

/**
 * The whole Vantage pipeline per page: createBatch over GraphQL (`chunk` URLs a batch), the
 * analyze-target job fetching an instant loopback page, analysing and storing it, and each
 * batch's comparison. The clock stops at the finishedAt of the last batch to end, or when the
 * time limit runs out.
 */
export async function measureVantage(
  baseConfig: Config,
  databaseUrl: string,
  options: { jobs: number; chunk: number; maxSeconds: number },
  log: Logger,
): Promise<VantageThroughput> {
  const config = benchAppConfig(baseConfig, databaseUrl, { role: 'all' });
  // The per-host politeness limit is not what is measured: the pages of each batch are spread
  // over enough sites (hosts) for every worker slot to have one it may fetch from.
  const sites = await Promise.all(
    Array.from({ length: Math.ceil(config.workerConcurrency / config.maxFetchesPerHost) }, () =>
      startFixtureSite(Object.fromEntries(Array.from({ length: options.chunk }, (_, i) => [`/p${i}`, pages.good]))),
    ),
  );
  const urls = Array.from({ length: options.chunk }, (_, i) => sites[i % sites.length]!.url(`/p${i}`));
  const app = await startVantage(config, log);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const graphqlUrl = `${app.url}/graphql`;
    const submit = (count: number) => createBatch(graphqlUrl, 'bench', urls.slice(0, count));

    const warmUp = await submit(Math.min(options.chunk, config.workerConcurrency)); // one page per worker, not timed
    await waitUntil(
      async () => (await db.query(`SELECT 1 FROM "Batch" WHERE id = $1 AND status = 'COMPLETED'`, [warmUp.id])).rowCount,
      { what: 'the warm-up batch', intervalMs: 5 },
    );

    const ended = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Batch" WHERE id <> $1 AND status IN ('COMPLETED', 'FAILED', 'CANCELLED')`,
          [warmUp.id],
        )
      ).rows[0]!.n;

    const since = new Date();
    const started = performance.now();
    let batches = 0;
    for (let sent = 0; sent < options.jobs; sent += options.chunk, batches++) {
      await submit(Math.min(options.chunk, options.jobs - sent));
    }
    const allEnded = (await untilDoneOrTimeUp(started, options.maxSeconds, ended, batches)) === batches;
    const elapsed = (performance.now() - started) / 1000;
    const final = (
      await db.query<{ pages: number; completed: number; lastEnded: Date | null; lastFinished: Date | null }>(
        `SELECT coalesce(sum("completedUrls"), 0)::int AS pages,
                count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
                max("finishedAt") AS "lastEnded",
                (SELECT max("finishedAt") FROM "Target" WHERE "batchId" <> $1) AS "lastFinished"
         FROM "Batch" WHERE id <> $1`,
        [warmUp.id],
      )
    ).rows[0]!;
    const sinceStart = (time: Date | null) => (time ? (time.getTime() - since.getTime()) / 1000 : Number.NaN);
    return {
      items: final.pages,
      seconds: allEnded ? sinceStart(final.lastEnded) : elapsed,
      targetsSeconds: sinceStart(final.lastFinished),
      sites: sites.length,
      batches,
      batchesCompleted: final.completed,
      activeMs: await activeTimesMs(db, ANALYZE_TARGET, since),
    };
  } finally {
    await db.end();
    await app.stop();
    await Promise.all(sites.map((site) => site.close()));
  }
}

