import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/db/embedded';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { gate, heldPage, startFixtureSite } from '../helpers/fixtures';
import { record, wsClient } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { startTemporaryPostgres } from '../helpers/temporaryPostgres';
import { waitUntil } from '../helpers/wait';

const PROGRESS = `subscription ($id: ID!) { batchProgress(id: $id) { sequence batch { status completedUrls } } }`;
const PROGRESS_WITH_TARGET = `subscription ($id: ID!) {
  batchProgress(id: $id) { sequence batch { status completedUrls failedUrls } target { id status } }
}`;
interface ProgressEvent {
  batchProgress: {
    sequence: number;
    batch: { status: string; completedUrls: number; failedUrls: number };
    target: { id: string; status: string } | null;
  };
}

/** Each sequence number some subscriber was told two different states for. */
function sequencesNamingTwoStates(...streams: ProgressEvent[][]) {
  const batchAt = new Map<number, string>();
  const targetAt = new Map<number, string>();
  const conflicts: string[] = [];
  for (const { batchProgress: event } of streams.flat()) {
    const seen: [Map<number, string>, string | null][] = [
      [batchAt, JSON.stringify(event.batch)],
      // A snapshot (no target) and the change that led to it name the same batch state.
      [targetAt, event.target && JSON.stringify(event.target)],
    ];
    for (const [states, state] of seen) {
      if (state === null) continue;
      const earlier = states.get(event.sequence);
      if (earlier !== undefined && earlier !== state) conflicts.push(`${event.sequence}: ${earlier} and ${state}`);
      states.set(event.sequence, state);
    }
  }
  return conflicts;
}

/** Places where one subscriber's completedUrls went down or its sequence did not go up. */
function progressSetbacks(events: ProgressEvent[]) {
  return events.slice(1).flatMap(({ batchProgress: now }, i) => {
    const before = events[i]!.batchProgress;
    return now.sequence <= before.sequence || now.batch.completedUrls < before.batch.completedUrls
      ? [`${before.sequence}/${before.batch.completedUrls} -> ${now.sequence}/${now.batch.completedUrls}`]
      : [];
  });
}

async function heldSite(count: number) {
  const release = gate();
  const held = heldPage(release.opened, pages.good);
  const site = await startFixtureSite(Object.fromEntries(Array.from({ length: count }, (_, i) => [`/p${i}`, held])));
  const urls = Array.from({ length: count }, (_, i) => site.url(`/p${i}`));
  const inFlight = () =>
    waitUntil(async () => site.requests.filter((p) => p.startsWith('/p')).length >= count, { what: 'every page in flight' });
  return { site, release, urls, inFlight };
}

async function countsOf(databaseUrl: string) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(`SELECT b.status, b."completedUrls", b."totalUrls",
      (SELECT count(*)::int FROM "PageAnalysis") AS analyses, (SELECT count(*)::int FROM "Comparison") AS comparisons FROM "Batch" b`);
    return rows;
  });
}

const QUICK_RECOVERY = { JOB_HEARTBEAT_SECONDS: '10', QUEUE_SUPERVISE_SECONDS: '1', QUEUE_POLL_SECONDS: '1' };

describe('restarts', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** An embedded cluster of the test's own, to stop, crash and start again on the same port. */
  async function ownCluster(prefix: string) {
    const cluster = await startTemporaryPostgres(prefix, createLogger('warn'));
    cleanups.push(() => cluster.stop());
    return {
      ...cluster,
      /** SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, and WAL still in memory is lost. */
      async crash() {
        const pidFile = path.join(cluster.dataDir, 'postgres', 'postmaster.pid');
        const postmaster = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
        process.kill(postmaster, 'SIGQUIT');
        await waitUntil(async () => !isProcessAlive(postmaster), { what: 'the postmaster to exit' });
      },
    };
  }

  it('completes a batch when PostgreSQL restarts mid-batch, and the subscriber gets the terminal event', { timeout: 90_000 }, async () => {
    const cluster = await ownCluster('vantage-restart-');
    const { site, release, urls, inFlight } = await heldSite(3);
    cleanups.push(() => site.close(), async () => release.open());
    // The outage makes every connection log an error; they are expected here.
    const app: TestApp = await startTestApp({ ...QUICK_RECOVERY, LOG_LEVEL: 'silent' }, { database: { url: cluster.url, drop: async () => {} } });
    cleanups.push(() => app.close());
    const client = wsClient(app.wsUrl);
    cleanups.push(async () => client.dispose());

    const id = await createBatch(app.graphqlUrl, { name: 'restart', urls });
    const progress = record<{ batchProgress: { batch: { status: string } } }>(client, PROGRESS, { id });
    await progress.waitFor(() => true);
    await inFlight();

    await cluster.halt();
    await cluster.restart();
    release.open();

    await progress.completed;
    expect(progress.events.at(-1)!.batchProgress.batch.status).toBe('COMPLETED');
    expect(await countsOf(cluster.url)).toEqual([{ status: 'COMPLETED', completedUrls: 3, totalUrls: 3, analyses: 3, comparisons: 1 }]);
  });

  it('counts every page once after PostgreSQL crashes (immediate shutdown) mid-batch, with pages just counted', { timeout: 90_000 }, async () => {
    const cluster = await ownCluster('vantage-crash-');
    const held = await heldSite(3);
    cleanups.push(() => held.site.close(), async () => held.release.open());
    const quick = await startFixtureSite({ '/q0': pages.good, '/q1': pages.good, '/q2': pages.good });
    cleanups.push(() => quick.close());
    const app: TestApp = await startTestApp(
      { ...QUICK_RECOVERY, LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '6', CRAWL_MAX_PER_HOST: '3' },
      { database: { url: cluster.url, drop: async () => {} } },
    );
    cleanups.push(() => app.close());

    const id = await createBatch(app.graphqlUrl, { name: 'crash', urls: [...held.urls, quick.url('/q0'), quick.url('/q1'), quick.url('/q2')] });
    await held.inFlight();
    await waitUntil(async () => (await countsOf(cluster.url))[0]!.completedUrls >= 3, { what: 'the quick pages counted', intervalMs: 5 });
    // As in a crash, per-page statements that committed without waiting for the WAL flush may be lost.
    await cluster.crash();
    await cluster.restart();
    held.release.open();

    await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED'], 60_000);
    expect(await countsOf(cluster.url)).toEqual([{ status: 'COMPLETED', completedUrls: 6, totalUrls: 6, analyses: 6, comparisons: 1 }]);
  });

  it('tells subscribers only of progress that survives a PostgreSQL crash (immediate shutdown)', { timeout: 90_000 }, async () => {
    const cluster = await ownCluster('vantage-durable-');
    // Widens the window in which an unflushed commit waits for the WAL writer (200 ms by default),
    // so that the crash below reliably finds the last pages' changes in it if they were not flushed.
    await withClient(cluster.url, async (client) => {
      await client.query(`ALTER SYSTEM SET wal_writer_delay = '10s'`);
      await client.query('SELECT pg_reload_conf()');
    });
    const release = gate();
    const quick = Array.from({ length: 12 }, (_, i) => `/q${i}`);
    const held = Array.from({ length: 4 }, (_, i) => `/h${i}`);
    const site = await startFixtureSite({
      ...Object.fromEntries(quick.map((path) => [path, pages.good])),
      ...Object.fromEntries(held.map((path) => [path, heldPage(release.opened, pages.good)])),
    });
    cleanups.push(() => site.close(), async () => release.open());
    // Four jobs of four pages, dealt round-robin: each runs three quick pages, then waits on a held one.
    const app: TestApp = await startTestApp(
      { LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '8', CRAWL_MAX_PER_HOST: '4', ANALYZE_TARGETS_PER_JOB: '4' },
      { database: { url: cluster.url, drop: async () => {} } },
    );
    cleanups.push(() => app.close());
    const before = wsClient(app.wsUrl);
    cleanups.push(async () => before.dispose());

    const id = await createBatch(app.graphqlUrl, { name: 'durable', urls: [...quick, ...held].map((path) => site.url(path)) });
    const early = record<ProgressEvent>(before, PROGRESS_WITH_TARGET, { id });
    await early.waitFor((event) => event.batchProgress.batch.completedUrls === quick.length);
    await waitUntil(async () => held.every((path) => site.requests.includes(path)), { what: 'every held page in flight' });

    await cluster.crash();
    await cluster.restart();
    const after = wsClient(app.wsUrl);
    cleanups.push(async () => after.dispose());
    const late = record<ProgressEvent>(after, PROGRESS_WITH_TARGET, { id });
    // Everything the first subscriber was told survived: the state read back is no older.
    const told = early.events.at(-1)!.batchProgress;
    const readBack = (await late.waitFor(() => true)).batchProgress;
    expect(readBack.sequence).toBeGreaterThanOrEqual(told.sequence);
    expect(readBack.batch.completedUrls).toBeGreaterThanOrEqual(told.batch.completedUrls);

    release.open();
    await Promise.all([early.completed, late.completed]);
    expect(sequencesNamingTwoStates(early.events, late.events)).toEqual([]);
    expect(progressSetbacks(early.events)).toEqual([]);
    expect(progressSetbacks(late.events)).toEqual([]);
    expect(early.events.at(-1)!.batchProgress.batch).toEqual({ status: 'COMPLETED', completedUrls: 16, failedUrls: 0 });
  });

  it('loses nothing when a worker gets SIGTERM mid-batch: its jobs go back to the queue', { timeout: 90_000 }, async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const { site, release, urls, inFlight } = await heldSite(4);
    cleanups.push(() => site.close(), async () => release.open());
    const env = { DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '500', WORKER_CONCURRENCY: '8', CRAWL_MAX_PER_HOST: '4', ...QUICK_RECOVERY };
    const first: VantageProcess = await spawnVantage(env);
    const id = await createBatch(`${first.url}/graphql`, { name: 'sigterm', urls });
    await inFlight();

    first.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = await spawnVantage(env);
    cleanups.push(() => stopProcess([second]));
    release.open();

    await waitForBatchStatus(`${second.url}/graphql`, id, ['COMPLETED'], 60_000);
    expect(await countsOf(database.url)).toEqual([{ status: 'COMPLETED', completedUrls: 4, totalUrls: 4, analyses: 4, comparisons: 1 }]);
  });
});
