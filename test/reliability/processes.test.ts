import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';
import { createBatch } from '../helpers/batches';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { record, wsClient } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { waitUntil } from '../helpers/wait';

const PROGRESS = `subscription ($id: ID!) { batchProgress(id: $id) { sequence batch { status progress completedUrls } } }`;

type ProgressEvent = { batchProgress: { sequence: number; batch: { status: string; progress: number; completedUrls: number } } };

/** Everything the invariants say about a finished batch, read straight from its database. */
async function batchFacts(databaseUrl: string) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(`SELECT b.status, b."totalUrls", b."completedUrls", b."failedUrls",
        (SELECT count(*)::int FROM "Target" t WHERE t."batchId" = b.id AND t.status IN ('SUCCEEDED','FAILED')) AS terminal,
        (SELECT count(*)::int FROM "Target" t WHERE t."batchId" = b.id AND t.status = 'SUCCEEDED') AS succeeded,
        (SELECT count(*)::int FROM "PageAnalysis" a JOIN "Target" t ON t.id = a."targetId" WHERE t."batchId" = b.id) AS analyses,
        (SELECT count(*)::int FROM "Comparison" c WHERE c."batchId" = b.id) AS comparisons
      FROM "Batch" b`);
    return rows;
  });
}

describe('several Vantage processes on one database', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let release = gate();
  const processes: VantageProcess[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    release = gate();
    const held = heldPage(release.opened, pages.good);
    site = await startFixtureSite(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/p${i}`, held])));
  });
  afterEach(async () => {
    release.open();
    await stopProcess(processes.splice(0));
    await site.close();
    await database.drop();
  });
  afterAll(() => release.open());

  const start = async (env: Record<string, string>) => {
    const vantage = await spawnVantage({
      DATABASE_URL: database.url,
      JOB_HEARTBEAT_SECONDS: '10',
      QUEUE_SUPERVISE_SECONDS: '1',
      QUEUE_POLL_SECONDS: '1',
      // A worker runs at most half its WORKER_CONCURRENCY jobs of one host (a pg-boss limit).
      WORKER_CONCURRENCY: '12',
      CRAWL_MAX_PER_HOST: '6',
      CRAWL_TIMEOUT_MS: '30000',
      ...env,
    });
    processes.push(vantage);
    return vantage;
  };

  it('finishes a batch after its worker is killed with SIGKILL mid-batch', { timeout: 90_000 }, async () => {
    const api = await start({ VANTAGE_ROLE: 'api' });
    const doomed = await start({ VANTAGE_ROLE: 'worker' });
    const client = wsClient(`${api.url.replace('http', 'ws')}/graphql`);
    try {
      const urls = Array.from({ length: 6 }, (_, i) => site.url(`/p${i}`));
      const id = await createBatch(`${api.url}/graphql`, { name: 'kill -9', urls });
      const progress = record<ProgressEvent>(client, PROGRESS, { id });
      await waitUntil(async () => site.requests.filter((path) => path.startsWith('/p')).length === 6, {
        what: 'every page to be in flight on the doomed worker',
      });
      doomed.kill('SIGKILL');
      await doomed.exited;
      await start({ VANTAGE_ROLE: 'worker' });
      release.open();

      await progress.completed;
      expect(progress.events.at(-1)!.batchProgress.batch.status).toBe('COMPLETED');
      expect(await batchFacts(database.url)).toEqual([
        { status: 'COMPLETED', totalUrls: 6, completedUrls: 6, failedUrls: 0, terminal: 6, succeeded: 6, analyses: 6, comparisons: 1 },
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('gives subscribers on two api processes the same events for a batch two workers share', { timeout: 60_000 }, async () => {
    const [apiA, apiB] = await Promise.all([start({ VANTAGE_ROLE: 'api' }), start({ VANTAGE_ROLE: 'api' })]);
    await Promise.all([start({ VANTAGE_ROLE: 'worker', WORKER_CONCURRENCY: '6' }), start({ VANTAGE_ROLE: 'worker', WORKER_CONCURRENCY: '6' })]);
    const clients = [apiA!, apiB!].map((api) => wsClient(`${api.url.replace('http', 'ws')}/graphql`));
    try {
      const urls = Array.from({ length: 6 }, (_, i) => site.url(`/p${i}`));
      const id = await createBatch(`${apiA!.url}/graphql`, { name: 'shared', urls });
      const recordings = clients.map((client) => record<ProgressEvent>(client, PROGRESS, { id }));
      await Promise.all(recordings.map((recording) => recording.waitFor(() => true)));
      // Each worker takes at most 3 pages at a time and every page is held: 6 in flight at once
      // means both workers are analysing the batch.
      await waitUntil(async () => site.requests.filter((path) => path.startsWith('/p')).length === 6, {
        what: 'both workers to hold three pages each',
      });
      release.open();
      await Promise.all(recordings.map((recording) => recording.completed));

      const [a, b] = recordings.map((recording) => recording.events.map((event) => event.batchProgress));
      // Each stream starts at its own snapshot; from the later of the two on, they must be identical.
      const from = Math.max(a![0]!.sequence, b![0]!.sequence);
      const since = (events: typeof a) => events!.filter((event) => event.sequence >= from);
      expect(since(a).length).toBeGreaterThan(6);
      expect(since(a)).toEqual(since(b));
      expect(a!.at(-1)!.batch.status).toBe('COMPLETED');
      expect(await batchFacts(database.url)).toEqual([
        { status: 'COMPLETED', totalUrls: 6, completedUrls: 6, failedUrls: 0, terminal: 6, succeeded: 6, analyses: 6, comparisons: 1 },
      ]);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});
