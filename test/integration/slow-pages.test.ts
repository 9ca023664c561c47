import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { withClient } from '../helpers/database';
import { startFixtureSite, type FixturePage, type FixtureSite } from '../helpers/fixtures';
import { pages } from '../helpers/pages';

const targetsOf = (databaseUrl: string) =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ status: string; error: string | null; attempts: number }>(
      `SELECT status, error, attempts FROM "Target" ORDER BY position`,
    );
    return rows;
  });

describe('a page whose analysis outruns ANALYSIS_TIMEOUT_MS', () => {
  let app: TestApp | undefined;
  let site: FixtureSite | undefined;
  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  it('ends FAILED with the reason after one fetch and one attempt', async () => {
    app = await startTestApp({ ANALYSIS_TIMEOUT_MS: '30' });
    // Megabytes of nested markup: far more than 30 ms of parsing and checks, however fast the parser.
    site = await startFixtureSite({ '/large': `<html><body>${'<div><p>Words and <a href="/x">a link</a>.</p>'.repeat(100_000)}</body></html>` });
    const id = await createBatch(app.graphqlUrl, { name: 'too slow to analyse', urls: [site.url('/large')] });

    expect(await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED', 'FAILED'], 60_000)).toBe('FAILED');
    expect(await targetsOf(app.databaseUrl)).toEqual([
      { status: 'FAILED', error: "The page's analysis took longer than 0.03 s and was stopped.", attempts: 1 },
    ]);
    expect(site.requests.filter((path) => path === '/large')).toHaveLength(1);
  });
});

describe('a page that takes long but within every limit', () => {
  let app: TestApp | undefined;
  let site: FixtureSite | undefined;
  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  /** Five redirects to `final`, each hop answering just inside the headers timeout. */
  function slowChain(path: string, holdMs: number, final: FixturePage): Record<string, FixturePage> {
    const hop = (to: string): FixturePage => async (_req, res) => {
      await sleep(holdMs);
      res.writeHead(302, { location: to }).end();
    };
    const last: FixturePage = async (req, res) => {
      await sleep(holdMs);
      if (typeof final === 'function') await final(req, res);
    };
    return {
      [path]: hop(`${path}/1`),
      ...Object.fromEntries([1, 2, 3, 4].map((n) => [`${path}/${n}`, hop(`${path}/${n + 1}`)])),
      [`${path}/5`]: last,
    };
  }

  it('is fetched and analysed once: its job does not expire while it runs', { timeout: 90_000 }, async () => {
    const timeoutMs = 2000;
    app = await startTestApp({ CRAWL_TIMEOUT_MS: String(timeoutMs), QUEUE_SUPERVISE_SECONDS: '2', QUEUE_POLL_SECONDS: '1' });
    const text = (body: string): FixturePage => (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
    // Each hop 800 ms inside the timeout, as slack for a loaded machine.
    const hold = timeoutMs - 800;
    // robots.txt, then the sitemap, then the page: 18 hops of 1.2 s, over 20 s in all.
    site = await startFixtureSite({
      ...slowChain('/robots.txt', hold, text('User-agent: *\nAllow: /\n')),
      ...slowChain('/sitemap.xml', hold, text('<urlset></urlset>')),
      ...slowChain('/page', hold, (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(pages.good)),
    });
    const id = await createBatch(app.graphqlUrl, { name: 'slow but fine', urls: [site.url('/page')] });

    expect(await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED', 'FAILED'], 80_000)).toBe('COMPLETED');
    expect(await targetsOf(app.databaseUrl)).toEqual([{ status: 'SUCCEEDED', error: null, attempts: 1 }]);
    const fetches = (path: string) => site!.requests.filter((requested) => requested === path).length;
    expect([fetches('/robots.txt'), fetches('/sitemap.xml'), fetches('/page'), fetches('/page/5')]).toEqual([1, 1, 1, 1]);
  });
});
