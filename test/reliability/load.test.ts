import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { withClient } from '../helpers/database';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { atLeast, capturedLogger } from '../helpers/logs';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

describe('under load', () => {
  let app: TestApp;
  const sites: FixtureSite[] = [];
  const logs = capturedLogger('warn');
  const release = gate();

  beforeAll(async () => {
    const held = heldPage(release.opened, pages.medium);
    for (let i = 0; i < 5; i++) {
      sites.push(await startFixtureSite({ ...Object.fromEntries(Array.from({ length: 10 }, (_, p) => [`/p${p}`, pages.good])) }));
    }
    sites.push(await startFixtureSite(Object.fromEntries(Array.from({ length: 20 }, (_, p) => [`/held${p}`, held]))));
    // 20 pages of one host at once: a worker runs at most half its WORKER_CONCURRENCY jobs of a host.
    app = await startTestApp({ WORKER_CONCURRENCY: '40', CRAWL_MAX_PER_HOST: '20' }, { log: logs.log });
  });
  afterAll(async () => {
    release.open();
    await app?.close();
    await Promise.all(sites.map((site) => site.close()));
  });

  const facts = () =>
    withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query(`SELECT
        count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
        count(*) FILTER (WHERE "completedUrls" <> "totalUrls")::int AS miscounted,
        (SELECT count(*)::int FROM "PageAnalysis") AS analyses,
        (SELECT count(*)::int FROM "Comparison") AS comparisons
        FROM "Batch"`);
      return rows[0] as { completed: number; miscounted: number; analyses: number; comparisons: number };
    });

  it('counts exactly when all 20 targets of a batch finish in the same instant', { timeout: 60_000 }, async () => {
    const held = sites.at(-1)!;
    const urls = Array.from({ length: 20 }, (_, p) => held.url(`/held${p}`));
    const id = await createBatch(app.graphqlUrl, { name: 'photo finish', urls });
    await waitUntil(async () => held.requests.filter((path) => path.startsWith('/held')).length === 20, {
      what: 'all 20 pages in flight at once',
    });
    release.open();
    await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED']);
    const { batch } = await graphqlData(
      app.graphqlUrl,
      `query ($id: ID!) { batch(id: $id) { completedUrls failedUrls totalUrls progress sequence } }`,
      { id },
    );
    // One change per start and per finish of each target, one for the comparison: none lost.
    expect(batch).toEqual({ completedUrls: 20, failedUrls: 0, totalUrls: 20, progress: 100, sequence: 41 });
  });

  it('completes 50 concurrent batches of 10 URLs from several clients, each page counted once', { timeout: 180_000 }, async () => {
    const before = await facts();
    const clients = 5;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let round = 0; round < 50 / clients; round++) {
          // Each batch spreads its 10 URLs over the 5 sites, so hosts are shared across batches.
          const urls = Array.from({ length: 10 }, (_, p) => sites[p % 5]!.url(`/p${(p + round) % 10}`));
          await createBatch(app.graphqlUrl, { name: `client ${client} batch ${round}`, urls });
        }
      }),
    );
    await waitUntil(async () => (await facts()).completed === before.completed + 50, {
      timeoutMs: 170_000,
      intervalMs: 250,
      what: '50 batches to complete',
    });
    expect(await facts()).toEqual({
      completed: before.completed + 50,
      miscounted: 0,
      analyses: before.analyses + 500,
      comparisons: before.comparisons + 50,
    });
    expect(atLeast(logs.lines, 40)).toEqual([]);
  });
});
