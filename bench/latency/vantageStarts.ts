import pg from 'pg';
import { startVantage } from '../../src/app';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import { startFixtureSite } from '../../test/helpers/fixtures';
import { pages } from '../../test/helpers/pages';
import { waitUntil } from '../../test/helpers/wait';
import { benchAppConfig, createBatch } from '../lib/vantage';
import type { StartLatencies } from './bareStarts';
import { oneAtATime, type GapOptions } from './gaps';

/**
 * One-page batches created over GraphQL one at a time; each is waited for until it has ended,
 * then the system idles. The analyze-target job's created_on (its createBatch transaction) is
 * compared with pg-boss's started_on and with the target's startedAt, which the handler
 * writes first thing.
 */
export async function measureVantageStarts(
  baseConfig: Config,
  databaseUrl: string,
  options: GapOptions,
  log: Logger,
): Promise<StartLatencies & { createBatchRoundTrip: number[] }> {
  const roundTrips: number[] = [];
  const site = await startFixtureSite({ '/': pages.good });
  const app = await startVantage(benchAppConfig(baseConfig, databaseUrl, { role: 'all' }), log);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await oneAtATime(options, async (index) => {
      const sent = performance.now();
      const batch = await createBatch(`${app.url}/graphql`, `latency ${index}`, [site.url('/')]);
      roundTrips.push(performance.now() - sent);
      await waitUntil(
        async () => (await db.query(`SELECT 1 FROM "Batch" WHERE id = $1 AND status IN ('COMPLETED', 'FAILED')`, [batch.id])).rowCount,
        { what: `batch ${index}`, intervalMs: 5, timeoutMs: 120_000 },
      );
    });
    const { rows } = await db.query<{ pickupMs: number; handlerMs: number }>(
      `SELECT (extract(epoch FROM j.started_on - j.created_on) * 1000)::float8 AS "pickupMs",
              (extract(epoch FROM t."startedAt" - j.created_on) * 1000)::float8 AS "handlerMs"
       FROM "Target" t JOIN pgboss.job j ON j.id = t."jobId" AND j.name = 'analyze-target'`,
    );
    return { pickup: rows.map((row) => row.pickupMs), handler: rows.map((row) => row.handlerMs), createBatchRoundTrip: roundTrips };
  } finally {
    await db.end();
    await app.stop();
    await site.close();
  }
}
