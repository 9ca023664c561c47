import type { Job } from 'pg-boss';
import { createBoss } from '../../src/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { compareBatch } from '../../src/jobs/compareBatch';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import { decodeId } from '../../src/schema/ids';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData, record, wsClient } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

const BATCH = `query ($id: ID!) { batch(id: $id) { status progress completedUrls failedUrls sequence
  targets { url status error }
  comparison { createdAt ranking { rank target { url } } notAnalysed { target { url } error } } } }`;
const PROGRESS = `subscription ($id: ID!) { batchProgress(id: $id) { sequence batch { status progress } } }`;
const READY = `subscription ($id: ID!) { comparisonReady(batchId: $id) { createdAt ranking { target { url } } } }`;

describe('retryBatch and the comparison', () => {
  let app: TestApp;
  let site: FixtureSite;
  let prisma: PrismaClient;
  let flakyServes = false;
  const retried = gate();

  beforeAll(async () => {
    site = await startFixtureSite({
      '/good': pages.good,
      // Resets the connection until the test lets it serve; then holds the page until released.
      '/flaky': async (req, res) => {
        if (!flakyServes) {
          req.socket.destroy();
          return;
        }
        await retried.opened;
        res.writeHead(200, { 'content-type': 'text/html' }).end(pages.medium);
      },
    });
    // One attempt per run, so the reset ends the target FAILED at once.
    app = await startTestApp({ ANALYZE_MAX_ATTEMPTS: '1' });
    prisma = createPrisma(app.databaseUrl, 2);
  });
  afterAll(async () => {
    retried.open();
    await prisma?.$disconnect();
    await app?.close();
    await site?.close();
  });

  const batchOf = async (id: string) => (await graphqlData(app.graphqlUrl, BATCH, { id })).batch;

  it('re-queues the failed target, streams the progress on, and stores a new comparison', async () => {
    const id = await createBatch(app.graphqlUrl, { name: 'flaky', urls: [site.url('/good'), site.url('/flaky')] });
    await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED']);
    const first = await batchOf(id);
    expect(first).toMatchObject({ completedUrls: 2, failedUrls: 1, progress: 100 });
    expect(first.targets[1]).toMatchObject({ status: 'FAILED' });
    expect(first.comparison.ranking.map((entry: { target: { url: string } }) => entry.target.url)).toEqual([site.url('/good')]);
    expect(first.comparison.notAnalysed).toEqual([{ target: { url: site.url('/flaky') }, error: expect.any(String) }]);

    // Before the retry: its job may fetch the page before the mutation's answer arrives here.
    flakyServes = true;
    const duringRun = await graphql(app.graphqlUrl, `mutation ($id: ID!) { retryBatch(id: $id) { status } }`, { id: id });
    expect(duringRun.data?.retryBatch.status).toBe('RUNNING');

    const client = wsClient(app.wsUrl);
    try {
      const progress = record<{ batchProgress: { sequence: number; batch: { status: string; progress: number } } }>(
        client, PROGRESS, { id: id },
      );
      const ready = record<{ comparisonReady: { createdAt: string; ranking: { target: { url: string } }[] } }>(
        client, READY, { id: id },
      );
      await progress.waitFor(() => true);
      const conflict = await graphql(app.graphqlUrl, `mutation ($id: ID!) { retryBatch(id: $id) { status } }`, { id: id });
      expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      retried.open();
      await Promise.all([progress.completed, ready.completed]);

      const events = progress.events.map((event) => event.batchProgress);
      // The finished good page still counts while the flaky one runs again: 50, never below.
      expect(events[0]!.batch).toEqual({ status: 'RUNNING', progress: 50 });
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.sequence).toBeGreaterThan(events[i - 1]!.sequence);
        expect(events[i]!.batch.progress).toBeGreaterThanOrEqual(events[i - 1]!.batch.progress);
      }
      expect(events.at(-1)!.batch).toEqual({ status: 'COMPLETED', progress: 100 });

      expect(ready.events).toHaveLength(1);
      const second = await batchOf(id);
      expect(second).toMatchObject({ completedUrls: 2, failedUrls: 0 });
      expect(second.comparison.notAnalysed).toEqual([]);
      expect(new Set(second.comparison.ranking.map((entry: { target: { url: string } }) => entry.target.url))).toEqual(
        new Set([site.url('/good'), site.url('/flaky')]),
      );
      expect(Date.parse(second.comparison.createdAt)).toBeGreaterThan(Date.parse(first.comparison.createdAt));
      expect(ready.events[0]!.comparisonReady.createdAt).toBe(second.comparison.createdAt);
      // A retried target gets its attempts afresh: the retry's one attempt, not the first run's too.
      const flaky = await prisma.target.findFirstOrThrow({ where: { url: site.url('/flaky'), batchId: decodeId(id, 'Batch') } });
      expect(flaky.attempts).toBe(1);
    } finally {
      await client.dispose();
    }
  });

  it('changes nothing when compare-batch runs again for a finished batch', async () => {
    const { batches } = await graphqlData(app.graphqlUrl, `{ batches(status: COMPLETED) { edges { node { id } } } }`);
    const id: string = batches.edges[0].node.id;
    const before = await batchOf(id);
    const job = { id: crypto.randomUUID(), name: 'compare-batch', data: { batchId: decodeId(id, 'Batch') } } as Job<unknown>;
    const boss = createBoss(app.databaseUrl, { poolSize: 2 });
    boss.on('error', () => {});
    await boss.start();
    try {
      const deps = { prisma, boss, llm: null, log: createLogger('silent'), metrics: createMetrics() };
      await Promise.all([compareBatch(deps, job), compareBatch(deps, job)]);
    } finally {
      await boss.stop({ graceful: false });
    }
    expect(await batchOf(id)).toEqual(before);
  });

  it('emits the comparison to a subscriber that came before it was stored', async () => {
    const held = gate();
    const slow = await startFixtureSite({ '/': heldPage(held.opened, pages.good) });
    const client = wsClient(app.wsUrl);
    try {
      const id = await createBatch(app.graphqlUrl, { name: 'early comparison', urls: [slow.url('/')] });
      const ready = record<{ comparisonReady: { ranking: { target: { url: string } }[] } }>(client, READY, { id });
      await waitUntil(async () => slow.requests.includes('/'), { what: 'the page to be in flight' });
      expect(ready.events).toEqual([]);
      held.open();
      await ready.completed;
      expect(ready.events.map((event) => event.comparisonReady.ranking.map((entry) => entry.target.url))).toEqual([[slow.url('/')]]);
    } finally {
      held.open();
      await client.dispose();
      await slow.close();
    }
  });
});
