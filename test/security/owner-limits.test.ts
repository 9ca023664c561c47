import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../helpers/database';
import { gate, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';
import { firstErrorCode, gql, gqlData } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelBatch(id: $id) { status } }`;

const input = (name: string, urls: number) => ({
  input: { name, urls: Array.from({ length: urls }, (_, i) => `https://${name.replace(/\W/g, '')}${i}.test/`) },
});

describe('per-owner limits', () => {
  let app: SecureTestApp;
  const batchCount = () =>
    withClient(app.databaseUrl, async (client) => (await client.query(`SELECT count(*)::int AS n FROM "Batch"`)).rows[0].n as number);

  beforeAll(async () => {
    // API only: batches stay PENDING (running) until cancelled.
    app = await startSecureApp({ VANTAGE_ROLE: 'api', MAX_RUNNING_BATCHES_PER_OWNER: '2', MAX_URLS_PER_DAY: '10' });
  });
  afterAll(async () => {
    expect(app?.secretsInLogs()).toEqual([]);
    await app?.close();
  });

  it('refuses a batch beyond the running limit with RATE_LIMITED and a retry hint, and frees the slot when one finishes', async () => {
    const { key } = await app.createKey('busy');
    const first = await gqlData(app.graphqlUrl, key, CREATE, input('one', 1));
    await gqlData(app.graphqlUrl, key, CREATE, input('two', 1));

    const before = await batchCount();
    const refused = await gql(app.graphqlUrl, key, CREATE, input('three', 1));
    expect(refused.body.data).toBeNull();
    expect(firstErrorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(await batchCount()).toBe(before); // nothing written

    // Another owner has an allowance of its own.
    const { key: other } = await app.createKey('other');
    await gqlData(app.graphqlUrl, other, CREATE, input('elsewhere', 1));

    expect((await gqlData(app.graphqlUrl, key, CANCEL, { id: first.createBatch.id })).cancelBatch.status).toBe('CANCELLED');
    await gqlData(app.graphqlUrl, key, CREATE, input('three', 1));
  });

  it('lets only as many of many concurrent creates through as the limit allows', async () => {
    const { key } = await app.createKey('racer');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => gql(app.graphqlUrl, key, CREATE, input(`race${i}`, 1))));
    const outcomes = answers.map((answer) => (answer.body.data?.createBatch ? 'created' : firstErrorCode(answer))).sort();
    expect(outcomes).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'created', 'created']);
  });

  it('refuses URLs beyond the daily allowance, with the seconds until enough of them age out', async () => {
    const { key } = await app.createKey('daily');
    const first = await gqlData(app.graphqlUrl, key, CREATE, input('morning', 6));
    await gqlData(app.graphqlUrl, key, CANCEL, { id: first.createBatch.id }); // finished batches still count
    await gqlData(app.graphqlUrl, key, CREATE, input('noon', 4));

    const refused = await gql(app.graphqlUrl, key, CREATE, input('evening', 1));
    expect(firstErrorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors![0]!.message).toMatch(/10 URLs in the last 24 hours/);
    const wait = refused.body.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(24 * 3600 - 120);
    expect(wait).toBeLessThanOrEqual(24 * 3600);
  });
});

describe('the running-batch limit with real work', () => {
  let app: SecureTestApp;
  let site: FixtureSite;
  const hold = gate();

  beforeAll(async () => {
    site = await startFixtureSite({
      '/held': async (_req, res) => {
        await hold.opened;
        res.writeHead(200, { 'content-type': 'text/html' }).end(pages.good);
      },
    });
    app = await startSecureApp({ MAX_RUNNING_BATCHES_PER_OWNER: '1' });
  });
  afterAll(async () => {
    hold.open();
    expect(app?.secretsInLogs()).toEqual([]);
    await app?.close();
    await site?.close();
  });

  it('counts a batch until it completes, then frees its slot', async () => {
    const { key } = await app.createKey('worker');
    const { createBatch } = await gqlData(app.graphqlUrl, key, CREATE, { input: { name: 'held', urls: [site.url('/held')] } });
    await waitUntil(async () => site.requests.includes('/held'), { what: 'the page to be in flight' });
    expect(firstErrorCode(await gql(app.graphqlUrl, key, CREATE, { input: { name: 'next', urls: [site.url('/other')] } }))).toBe(
      'RATE_LIMITED',
    );

    hold.open();
    await waitUntil(
      async () => {
        const { batch } = await gqlData(app.graphqlUrl, key, `query ($id: ID!) { batch(id: $id) { status } }`, { id: createBatch.id });
        return batch.status === 'COMPLETED';
      },
      { what: 'the batch to complete' },
    );
    await gqlData(app.graphqlUrl, key, CREATE, { input: { name: 'next', urls: [site.url('/other')] } });
  });
});

describe('the daily URL limit and retries', () => {
  let app: SecureTestApp;
  let site: FixtureSite;

  beforeAll(async () => {
    site = await startFixtureSite({
      '/good': pages.good,
      '/reset': (req) => void req.socket.destroy(),
    });
    // One attempt per page: a reset ends its target FAILED at once.
    app = await startSecureApp({ MAX_URLS_PER_DAY: '7', ANALYZE_MAX_ATTEMPTS: '1' });
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  const RETRY = `mutation ($id: ID!) { retryBatch(id: $id) { status } }`;
  const failedBatch = async (key: string, name: string, urls: number) => {
    const paths = Array.from({ length: urls }, (_, i) => site.url(`/reset?${name}${i}`));
    const { createBatch } = await gqlData(app.graphqlUrl, key, CREATE, { input: { name, urls: paths } });
    await waitUntil(
      async () => {
        const { batch } = await gqlData(app.graphqlUrl, key, `query ($id: ID!) { batch(id: $id) { status } }`, { id: createBatch.id });
        return batch.status === 'FAILED';
      },
      { what: `batch ${name} to fail` },
    );
    return createBatch.id as string;
  };
  const auditRows = () =>
    withClient(app.databaseUrl, async (client) => (await client.query(`SELECT count(*)::int AS n FROM "AuditEvent"`)).rows[0].n as number);

  it('counts the URLs a retry re-queues, and refuses a retry past the limit without writing anything', async () => {
    const { key } = await app.createKey('retrier');
    const id = await failedBatch(key, 'first', 3);
    expect((await gqlData(app.graphqlUrl, key, RETRY, { id })).retryBatch.status).toBe('RUNNING'); // 6 of 7 URLs
    await waitUntil(
      async () => (await gqlData(app.graphqlUrl, key, `query ($id: ID!) { batch(id: $id) { status } }`, { id })).batch.status === 'FAILED',
      { what: 'the retried batch to fail again' },
    );

    const rowsBefore = await auditRows();
    const refused = await gql(app.graphqlUrl, key, RETRY, { id });
    expect(firstErrorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors![0]!.message).toMatch(/6 URLs in the last 24 hours; 3 more would pass the limit of 7/);
    expect(refused.body.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(24 * 3600 - 120);
    const { batch } = await gqlData(app.graphqlUrl, key, `query ($id: ID!) { batch(id: $id) { status targets { status } } }`, { id });
    expect(batch).toEqual({ status: 'FAILED', targets: [{ status: 'FAILED' }, { status: 'FAILED' }, { status: 'FAILED' }] });
    expect(await auditRows()).toBe(rowsBefore);

    // The retried URLs count for new batches too: one more URL fits, a second does not.
    await gqlData(app.graphqlUrl, key, CREATE, { input: { name: 'one', urls: [site.url('/good')] } });
    expect(firstErrorCode(await gql(app.graphqlUrl, key, CREATE, { input: { name: 'two', urls: [site.url('/good?2')] } }))).toBe(
      'RATE_LIMITED',
    );
  });
});
