import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { withClient } from '../helpers/database';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { gate, startFixtureSite, type FixturePage, type FixtureSite } from '../helpers/fixtures';
import { pages } from '../helpers/pages';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { waitUntil } from '../helpers/wait';

const PAGES_PER_SITE = 8;
const MAX_PER_HOST = 2;

/** A site that holds its pages until `release` opens and counts the requests it serves at once. */
async function countingSite(release: Promise<void>) {
  let inFlight = 0;
  let peak = 0;
  const page: FixturePage = async (_req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await release;
    inFlight--;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages.good);
  };
  const site = await startFixtureSite(Object.fromEntries(Array.from({ length: PAGES_PER_SITE }, (_, i) => [`/p${i}`, page])));
  return {
    site,
    inFlight: () => inFlight,
    peak: () => peak,
    urls: Array.from({ length: PAGES_PER_SITE }, (_, i) => site.url(`/p${i}`)),
  };
}

const activeAnalyzeJobs = (databaseUrl: string) =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'analyze-target' AND state = 'active'`);
    return rows[0]!.n;
  });

describe('per-host politeness with several pages per job', () => {
  let app: TestApp;
  const sites: FixtureSite[] = [];

  beforeAll(async () => {
    app = await startTestApp({ WORKER_CONCURRENCY: '8', CRAWL_MAX_PER_HOST: String(MAX_PER_HOST), ANALYZE_TARGETS_PER_JOB: '3' });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all(sites.map((site) => site.close()));
  });

  it(`fetches at most CRAWL_MAX_PER_HOST pages of a host at once, and that many`, async () => {
    const release = gate();
    const first = await countingSite(release.opened);
    const second = await countingSite(release.opened);
    sites.push(first.site, second.site);

    const id = await createBatch(app.graphqlUrl, { name: 'polite', urls: [...first.urls, ...second.urls] });
    await waitUntil(async () => first.inFlight() >= MAX_PER_HOST && second.inFlight() >= MAX_PER_HOST, {
      what: 'both hosts to have their share of pages in flight',
    });
    // Every job of the batch fits the worker's slots, so a fetch the limit let through would
    // arrive within moments; none must.
    await sleep(500);
    release.open();
    expect(await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED', 'FAILED'], 60_000)).toBe('COMPLETED');

    expect([first.peak(), second.peak()]).toEqual([MAX_PER_HOST, MAX_PER_HOST]);
    const jobs = await withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query<{ targets: number }>(
        `SELECT jsonb_array_length(data->'targetIds') AS targets FROM pgboss.job WHERE name = 'analyze-target' ORDER BY 1`,
      );
      return rows.map((row) => row.targets);
    });
    // 8 pages per host, at most 3 per job: 3 jobs per host instead of 8.
    expect(jobs).toEqual([2, 2, 3, 3, 3, 3]);
  });
});

describe('per-host politeness across worker processes', () => {
  let app: TestApp | undefined;
  let worker: VantageProcess | undefined;
  let site: FixtureSite | undefined;
  const release = gate();

  afterAll(async () => {
    release.open();
    await stopProcess([worker]);
    await app?.close();
    await site?.close();
  });

  it('holds two processes together to CRAWL_MAX_PER_HOST requests to a host, though each runs that many jobs of it', { timeout: 90_000 }, async () => {
    // One page per job, so that each process takes its full share of the host's jobs.
    const env = { WORKER_CONCURRENCY: '4', CRAWL_MAX_PER_HOST: String(MAX_PER_HOST), ANALYZE_TARGETS_PER_JOB: '1' };
    app = await startTestApp(env);
    worker = await spawnVantage({ ...env, DATABASE_URL: app.databaseUrl, VANTAGE_ROLE: 'worker', CRAWL_TIMEOUT_MS: '30000' });
    const counting = await countingSite(release.opened);
    site = counting.site;

    const id = await createBatch(app.graphqlUrl, { name: 'polite across processes', urls: counting.urls });
    await waitUntil(async () => counting.inFlight() >= MAX_PER_HOST && (await activeAnalyzeJobs(app!.databaseUrl)) > MAX_PER_HOST, {
      what: 'both processes to hold jobs of the host, with its share of pages in flight',
    });
    await sleep(500); // as above: a request the slots let through would arrive within this
    release.open();
    expect(await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED', 'FAILED'], 60_000)).toBe('COMPLETED');

    expect(counting.peak()).toBe(MAX_PER_HOST);
  });
});
