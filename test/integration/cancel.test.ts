import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { withClient } from '../helpers/database';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

const BATCH = `query ($id: ID!) { batch(id: $id) { status error finishedAt targets { status } } }`;
const CANCEL = `mutation ($id: ID!) { cancelBatch(id: $id) { status targets { status } } }`;

describe('cancelBatch', () => {
  let app: TestApp;
  let site: FixtureSite;
  const hold = gate();

  beforeAll(async () => {
    site = await startFixtureSite({
      '/fast': pages.good,
      '/slow': heldPage(hold.opened, pages.medium),
    });
    app = await startTestApp({ WORKER_CONCURRENCY: '1' });
  });
  afterAll(async () => {
    hold.open();
    await app?.close();
    await site?.close();
  });

  it('ends a running batch CANCELLED with no target left pending or running', async () => {
    const urls = [site.url('/slow'), ...Array.from({ length: 4 }, (_, i) => site.url(`/fast?page=${i}`))];
    const id = await createBatch(app.graphqlUrl, { name: 'to cancel', urls });
    // With one worker slot held by /slow, the batch is RUNNING and the rest wait in the queue.
    await waitUntil(async () => {
      const { batch } = await graphqlData(app.graphqlUrl, BATCH, { id });
      return batch.status === 'RUNNING' && site.requests.includes('/slow');
    }, { what: 'the slow page to be in flight' });

    const { cancelBatch } = await graphqlData(app.graphqlUrl, CANCEL, { id });
    expect(cancelBatch.status).toBe('CANCELLED');
    const statuses = (targets: { status: string }[]) => targets.map((target) => target.status);
    const atCancel = statuses(cancelBatch.targets);
    expect(atCancel.filter((status) => status === 'PENDING' || status === 'RUNNING')).toEqual([]);
    expect(atCancel[0]).toBe('CANCELLED'); // the slow page was in flight

    hold.open(); // the in-flight job now finishes and must not revive its target
    await waitUntil(async () => (await openAnalyzeJobs(app)) === 0, { what: 'every job of the batch to settle' });
    const { batch } = await graphqlData(app.graphqlUrl, BATCH, { id });
    expect(batch.status).toBe('CANCELLED');
    expect(batch.finishedAt).not.toBeNull();
    expect(statuses(batch.targets)).toEqual(atCancel);
  });

  it('refuses to cancel a finished batch with CONFLICT', async () => {
    const id = await createBatch(app.graphqlUrl, { name: 'done', urls: [site.url('/fast')] });
    await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED']);
    const result = await graphql(app.graphqlUrl, CANCEL, { id });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { batch } = await graphqlData(app.graphqlUrl, BATCH, { id });
    expect(batch.status).toBe('COMPLETED');
  });

  it('answers NOT_FOUND for an id that is no batch', async () => {
    for (const id of ['nonsense', 'VGFyZ2V0OjE=', Buffer.from('Batch:00000000-0000-4000-8000-000000000000').toString('base64')]) {
      const result = await graphql(app.graphqlUrl, CANCEL, { id });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

/** analyze-target jobs still queued or running. */
function openAnalyzeJobs(app: TestApp): Promise<number> {
  return withClient(app.databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS open FROM pgboss.job WHERE name = 'analyze-target' AND state IN ('created', 'retry', 'active')`,
    );
    return rows[0].open as number;
  });
}
