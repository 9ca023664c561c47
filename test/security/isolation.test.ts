import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstErrorCode, firstMessage, gql, gqlData, socket } from './client';
import { record } from '../helpers/graphql';
import { waitUntil } from '../helpers/wait';
import { startSecureApp, type SecureTestApp } from './secureApp';

const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id targets { id } } }`;
const MISSING_BATCH = Buffer.from('Batch:00000000-0000-4000-8000-000000000000').toString('base64');

describe('two owners', () => {
  let app: SecureTestApp;
  let keyA: string;
  let keyB: string;
  let batchOfA: { id: string; targets: { id: string }[] };

  beforeAll(async () => {
    // API only: the batch stays PENDING, which is all these checks need.
    app = await startSecureApp({ VANTAGE_ROLE: 'api' });
    keyA = (await app.createKey('owner A')).key;
    keyB = (await app.createKey('owner B')).key;
    ({ createBatch: batchOfA } = await gqlData(app.graphqlUrl, keyA, CREATE, {
      input: { name: "A's competitors", urls: ['https://a.test/', 'https://b.test/'] },
    }));
  });
  afterAll(async () => {
    expect(app?.secretsInLogs()).toEqual([]);
    await app?.close();
  });

  /** The error B gets for A's batch, next to the one anybody gets for a batch that does not exist. */
  async function asBForAAndMissing(query: string, variables: (id: string) => Record<string, unknown>) {
    const foreign = await gql(app.graphqlUrl, keyB, query, variables(batchOfA.id));
    const missing = await gql(app.graphqlUrl, keyB, query, variables(MISSING_BATCH));
    return { foreign: foreign.body.errors, missing: missing.body.errors, foreignData: foreign.body.data };
  }

  it.each([
    ['batch', `query ($id: ID!) { batch(id: $id) { id name } }`],
    ['node', `query ($id: ID!) { node(id: $id) { id ... on Batch { name } } }`],
    ['cancelBatch', `mutation ($id: ID!) { cancelBatch(id: $id) { id status } }`],
    ['retryBatch', `mutation ($id: ID!) { retryBatch(id: $id) { id status } }`],
  ])("%s: B gets NOT_FOUND for A's batch, exactly as for a missing one", async (_field, query) => {
    const { foreign, missing, foreignData } = await asBForAAndMissing(query, (id) => ({ id }));
    expect(foreign?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign).toEqual(missing);
    expect(JSON.stringify(foreignData)).not.toContain("A's competitors");
  });

  it("node: B gets NOT_FOUND for a target of A's batch", async () => {
    const answer = await gql(app.graphqlUrl, keyB, `query ($id: ID!) { node(id: $id) { id ... on Target { url } } }`, {
      id: batchOfA.targets[0]!.id,
    });
    expect(firstErrorCode(answer)).toBe('NOT_FOUND');
    // The owner sees the same target.
    const own = await gqlData(app.graphqlUrl, keyA, `query ($id: ID!) { node(id: $id) { ... on Target { url } } }`, {
      id: batchOfA.targets[0]!.id,
    });
    expect(own.node.url).toBe('https://a.test/');
  });

  it.each([
    ['batchProgress', `subscription ($id: ID!) { batchProgress(id: $id) { sequence batch { name } } }`],
    ['comparisonReady', `subscription ($id: ID!) { comparisonReady(batchId: $id) { createdAt } }`],
  ])("%s: B's subscription to A's batch fails with NOT_FOUND and sees nothing", async (_field, query) => {
    const b = socket(app.wsUrl, keyB);
    try {
      const message = await firstMessage(b.client, query, { id: batchOfA.id });
      expect(message.data ?? null).toBeNull();
      expect(message.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const missing = await firstMessage(b.client, query, { id: MISSING_BATCH });
      expect(message.errors).toEqual(missing.errors);
    } finally {
      await b.client.dispose();
    }
  });

  it("A's own subscription to the batch works (the refusals above are about the owner)", async () => {
    const a = socket(app.wsUrl, keyA);
    try {
      const message = await firstMessage(a.client, `subscription ($id: ID!) { batchProgress(id: $id) { batch { name } } }`, {
        id: batchOfA.id,
      });
      expect(message.data?.batchProgress.batch.name).toBe("A's competitors");
    } finally {
      await a.client.dispose();
    }
  });

  it('batches lists only the caller\'s batches, with or without a status filter', async () => {
    const LIST = `query ($status: BatchStatus) { batches(first: 100, status: $status) { edges { node { id } } } }`;
    for (const status of [null, 'PENDING']) {
      const ofB = await gqlData(app.graphqlUrl, keyB, LIST, { status });
      expect(ofB.batches.edges).toEqual([]);
      const ofA = await gqlData(app.graphqlUrl, keyA, LIST, { status });
      expect(ofA.batches.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([batchOfA.id]);
    }
  });

  it("B's refused cancel changed nothing; A can cancel, and the audit trail is A's alone", async () => {
    const CANCEL = `mutation ($id: ID!) { cancelBatch(id: $id) { status } }`;
    expect(firstErrorCode(await gql(app.graphqlUrl, keyB, CANCEL, { id: batchOfA.id }))).toBe('NOT_FOUND');
    const { cancelBatch } = await gqlData(app.graphqlUrl, keyA, CANCEL, { id: batchOfA.id });
    expect(cancelBatch.status).toBe('CANCELLED'); // it was still PENDING: B's attempt did nothing

    const AUDIT = `{ auditEvents(first: 10) { edges { node { action batch { id } actorKey { name } apiKey { name } } } } }`;
    const ofA = await gqlData(app.graphqlUrl, keyA, AUDIT);
    expect(ofA.auditEvents.edges.map((edge: any) => edge.node)).toEqual([
      { action: 'BATCH_CANCELLED', batch: { id: batchOfA.id }, actorKey: { name: 'owner A' }, apiKey: null },
      { action: 'BATCH_CREATED', batch: { id: batchOfA.id }, actorKey: { name: 'owner A' }, apiKey: null },
      { action: 'API_KEY_CREATED', batch: null, actorKey: null, apiKey: { name: 'owner A' } },
    ]);
    const ofB = await gqlData(app.graphqlUrl, keyB, AUDIT);
    expect(ofB.auditEvents.edges.map((edge: any) => edge.node.action)).toEqual(['API_KEY_CREATED']);
  });

  // Last: it creates batches the tests above do not expect.
  it('batchCreated tells each owner of its own new batches only', async () => {
    const CREATED = `subscription { batchCreated { name status totalUrls } }`;
    const [a, b] = [socket(app.wsUrl, keyA), socket(app.wsUrl, keyB)];
    try {
      const seenByA = record<{ batchCreated: { name: string } }>(a.client, CREATED, {});
      const seenByB = record<{ batchCreated: { name: string } }>(b.client, CREATED, {});
      const create = (key: string, name: string) => gqlData(app.graphqlUrl, key, CREATE, { input: { name, urls: ['https://a.test/'] } });
      // No event says when a subscription is in place, so each owner creates probes until one arrives.
      const listening = async (key: string, seen: typeof seenByA, name: string) =>
        waitUntil(async () => (await create(key, name), seen.events.length > 0), { what: `${name} to arrive`, intervalMs: 100 });
      await listening(keyA, seenByA, 'probe of A');
      await listening(keyB, seenByB, 'probe of B');

      await create(keyA, 'new batch of A');
      await create(keyB, 'new batch of B');
      await seenByA.waitFor((event) => event.batchCreated.name === 'new batch of A');
      await seenByB.waitFor((event) => event.batchCreated.name === 'new batch of B');

      const names = (seen: typeof seenByA) => new Set(seen.events.map((event) => event.batchCreated.name));
      expect(names(seenByA)).toEqual(new Set(['probe of A', 'new batch of A']));
      expect(names(seenByB)).toEqual(new Set(['probe of B', 'new batch of B']));
      expect(seenByA.events.at(-1)).toEqual({ batchCreated: { name: 'new batch of A', status: 'PENDING', totalUrls: 1 } });
    } finally {
      await Promise.all([a.client.dispose(), b.client.dispose()]);
    }
  });
});
