import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LANES_PER_FETCH } from '../../src/jobs/crawlSite';
import { startTestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { createTestDatabase, withClient } from '../helpers/database';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData, record, wsClient } from '../helpers/graphql';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { waitUntil } from '../helpers/wait';

const RECOVERY = { JOB_HEARTBEAT_SECONDS: '10', QUEUE_SUPERVISE_SECONDS: '1', QUEUE_POLL_SECONDS: '1' };

/**
 * A site of `size` pages in a tree: / links to /p1../p10, and /pK to /p(10K+1)../p(10K+10).
 * `serve` may hold or count a page's response; by default each answers at once.
 */
async function treeSite(size: number, serve: (path: string, res: ServerResponse, send: () => void) => void | Promise<void> = (_p, _r, send) => send()) {
  const html = (k: number) => {
    const links = Array.from({ length: 10 }, (_, i) => 10 * k + i + 1).filter((n) => n < size).map((n) => `<a href="/p${n}">Page ${n}</a>`);
    return `<!doctype html><html lang="en"><head><title>Page ${k}</title></head><body><h1>Page ${k}</h1><p>About page ${k}.</p>${links.join(' ')}</body></html>`;
  };
  const page = (k: number) => async (req: IncomingMessage, res: ServerResponse) =>
    serve(new URL(req.url!, 'http://x').pathname, res, () => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(k)));
  return startFixtureSite({ '/': page(0), ...Object.fromEntries(Array.from({ length: size - 1 }, (_, i) => [`/p${i + 1}`, page(i + 1)])) });
}

const TARGET_PAGES = `query ($id: ID!) { batch(id: $id) { targets { status pagesDiscovered pagesDone pages(first: 100) { totalCount edges { node { url } } } } } }`;

describe('a crawl under faults, load and limits', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  });
  async function site(created: Promise<FixtureSite>) {
    const started = await created;
    cleanups.push(() => started.close());
    return started;
  }
  async function worker(env: Record<string, string>): Promise<VantageProcess> {
    const spawned = await spawnVantage({ ...RECOVERY, VANTAGE_ROLE: 'worker', ...env });
    cleanups.push(() => stopProcess([spawned]));
    return spawned;
  }

  it('completes the site after its worker is killed mid-crawl, each page stored once and counted once', { timeout: 120_000 }, async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    let served = 0;
    let killed = false;
    const fetched: string[] = [];
    // Pages answer slowly, so that the worker is killed with pages in hand.
    const fixture = await site(
      treeSite(40, async (path, _res, send) => {
        fetched.push(path);
        if (!killed && ++served > 12) return; // in hand when the worker dies: never answered
        send();
      }),
    );
    const api = await startTestApp({ VANTAGE_ROLE: 'api' }, { database: { url: database.url, drop: async () => {} } });
    cleanups.push(() => api.close());
    const first = await worker({ DATABASE_URL: database.url, CRAWL_MAX_PER_HOST: '2' });
    const id = await createBatch(api.graphqlUrl, { name: 'killed crawl', urls: [fixture.url('/')], maxPagesPerSite: 40 });
    await waitUntil(async () => served > 12, { what: 'the crawl to have pages in hand' });
    first.kill('SIGKILL');
    await first.exited;
    killed = true;
    await worker({ DATABASE_URL: database.url, CRAWL_MAX_PER_HOST: '2' });
    expect(await waitForBatchStatus(api.graphqlUrl, id, ['COMPLETED', 'FAILED'], 60_000)).toBe('COMPLETED');

    const { batch } = await graphqlData(api.graphqlUrl, TARGET_PAGES, { id });
    const [target] = batch.targets;
    expect(target).toMatchObject({ status: 'SUCCEEDED', pagesDiscovered: 40, pagesDone: 40 });
    expect(target.pages.totalCount).toBe(40);
    expect(new Set(target.pages.edges.map((edge: { node: { url: string } }) => edge.node.url)).size).toBe(40);
    // Only pages in hand at the kill (fetched, being analysed, or waiting to be stored) were fetched again.
    const twice = [...new Set(fetched)].filter((path) => fetched.filter((one) => one === path).length > 1);
    expect(twice.length).toBeGreaterThan(0);
    expect(twice.length).toBeLessThanOrEqual(2 * LANES_PER_FETCH);
    const rows = await withClient(database.url, async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS pages, count(DISTINCT url)::int AS urls, sum(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END)::int AS done FROM "CrawledPage"`);
      return rows[0];
    });
    expect(rows).toEqual({ pages: 40, urls: 40, done: 40 });
  });

  it('holds two workers crawling one 200-page site for two batches to CRAWL_MAX_PER_HOST requests at once', { timeout: 120_000 }, async () => {
    let inFlight = 0;
    let peak = 0;
    const fixture = await site(
      treeSite(200, async (_path, _res, send) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        send();
      }),
    );
    const env = { CRAWL_MAX_PER_HOST: '2', WORKER_CONCURRENCY: '4' };
    const api = await startTestApp(env);
    cleanups.push(() => api.close());
    await worker({ ...env, DATABASE_URL: api.databaseUrl });
    const ids = await Promise.all(
      ['first', 'second'].map((name) => createBatch(api.graphqlUrl, { name, urls: [fixture.url('/')], maxPagesPerSite: 200 })),
    );
    for (const id of ids) expect(await waitForBatchStatus(api.graphqlUrl, id, ['COMPLETED', 'FAILED'], 100_000)).toBe('COMPLETED');
    expect(peak).toBeLessThanOrEqual(2);
    expect(peak).toBeGreaterThanOrEqual(1);
    for (const id of ids) {
      const { batch } = await graphqlData(api.graphqlUrl, TARGET_PAGES, { id });
      expect(batch.targets[0]).toMatchObject({ pagesDiscovered: 200, pagesDone: 200 });
    }
  });

  it("waits robots.txt's Crawl-delay between a site's requests", { timeout: 60_000 }, async () => {
    const times: number[] = [];
    const delayed = await site(
      startFixtureSite({
        '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nCrawl-delay: 1\n' },
        '/': (_req, res) => {
          times.push(Date.now());
          res.writeHead(200, { 'content-type': 'text/html' }).end(`<html lang="en"><head><title>Home</title></head><body><a href="/a">a</a><a href="/b">b</a><a href="/c">c</a></body></html>`);
        },
        ...Object.fromEntries(['/a', '/b', '/c'].map((path) => [path, (_req: IncomingMessage, res: ServerResponse) => {
          times.push(Date.now());
          res.writeHead(200, { 'content-type': 'text/html' }).end(`<html lang="en"><head><title>${path}</title></head><body>${path}</body></html>`);
        }])),
      }),
    );
    const app = await startTestApp({ CRAWL_MAX_PER_HOST: '4' });
    cleanups.push(() => app.close());
    const id = await createBatch(app.graphqlUrl, { name: 'polite', urls: [delayed.url('/')], maxPagesPerSite: 10 });
    expect(await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED', 'FAILED'], 30_000)).toBe('COMPLETED');
    const pageTimes = times.slice(-4);
    expect(pageTimes).toHaveLength(4);
    for (let i = 1; i < pageTimes.length; i++) expect(pageTimes[i]! - pageTimes[i - 1]!).toBeGreaterThanOrEqual(950);
  });

  it('sends a crawl’s page counts coalesced, never losing a status change or the end, progress never going back', { timeout: 60_000 }, async () => {
    const fixture = await site(treeSite(80));
    // One page at a time: without coalescing, every page would be an event.
    const app = await startTestApp({ CRAWL_MAX_PER_HOST: '1' });
    cleanups.push(() => app.close());
    const client = wsClient(app.wsUrl);
    cleanups.push(async () => client.dispose());
    const id = await createBatch(app.graphqlUrl, { name: 'coalesced', urls: [fixture.url('/')], maxPagesPerSite: 80 });
    const events = record<{ batchProgress: { sequence: number; batch: { status: string; progress: number }; target: { status: string; pagesDone: number } | null } }>(
      client,
      `subscription ($id: ID!) { batchProgress(id: $id) { sequence batch { status progress } target { status pagesDone } } }`,
      { id },
    );
    await events.completed;
    expect(events.errors).toEqual([]);
    const progress = events.events.map((value) => value.batchProgress);
    expect(progress.at(-1)!.batch.status).toBe('COMPLETED');
    expect(progress.some((one) => one.target?.status === 'RUNNING')).toBe(true);
    expect(progress.some((one) => one.target?.status === 'SUCCEEDED' && one.target.pagesDone === 80)).toBe(true);
    // At most ten page-count events a second while the site is crawled.
    const { batch } = await graphqlData(app.graphqlUrl, `query ($id: ID!) { batch(id: $id) { startedAt finishedAt } }`, { id });
    const seconds = (Date.parse(batch.finishedAt) - Date.parse(batch.startedAt)) / 1000;
    const pageCounts = progress.filter((one) => one.target?.status === 'RUNNING').length;
    expect(pageCounts).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
    expect(pageCounts).toBeLessThan(80);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.sequence).toBeGreaterThan(progress[i - 1]!.sequence);
      expect(progress[i]!.batch.progress).toBeGreaterThanOrEqual(progress[i - 1]!.batch.progress);
    }
  });
});
