import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { firstErrorCode, gql, gqlData, post, socket, firstMessage } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const HEALTHY = `{ batches(first: 1) { edges { node { id } } } }`;
/** Valid against the schema and 12 levels deep: __type's ofType chain has no end. */
const DEEP = `{ __type(name: "Batch") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
const WIDE = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: batches(first: 1) { pageInfo { hasNextPage } }`).join(' ')} }`;

describe('per-request limits', () => {
  let app: SecureTestApp;
  let key: string;

  beforeAll(async () => {
    app = await startSecureApp({ VANTAGE_ROLE: 'api', MAX_REQUEST_BYTES: '20000' });
    ({ key } = await app.createKey('limits'));
  });
  afterAll(async () => {
    expect(app?.secretsInLogs()).toEqual([]);
    await app?.close();
  });

  /** The server still answers an ordinary query after a refusal. */
  const stillServing = async () => expect((await gqlData(app.graphqlUrl, key, HEALTHY)).batches.edges).toEqual([]);

  it('refuses a query deeper than the limit, naming the limit', async () => {
    const answer = await gql(app.graphqlUrl, key, DEEP);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.message).toMatch(/depth limit of 10 exceeded/i);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await stillServing();
  });

  it('refuses a query with more aliases than allowed', async () => {
    const answer = await gql(app.graphqlUrl, key, WIDE);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.map((error) => error.message).join(' ')).toMatch(/aliases limit of 15 exceeded, found 40/i);
    await stillServing();
  });

  it('refuses a query whose estimated cost is too high (a page size multiplies it)', async () => {
    const everything = (first: number) => `{ batches(first: ${first}) { edges { node { id name status progress
      targets { url status analysis { title overallScore headings { level text } checks { id category outcome weight message } } }
      comparison { ranking { rank overallScore target { url } } checks { checkId passedBy { url } failedBy { url } }
        gaps { checkId message competitors { url } } insights { severity title body source } } } } } }`;
    const answer = await gql(app.graphqlUrl, key, everything(100));
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.message).toMatch(/cost limit of 100000 exceeded/i);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The same selection for one batch is fine.
    expect((await gqlData(app.graphqlUrl, key, everything(1))).batches.edges).toEqual([]);
  });

  const HEADINGS_OF_EVERY_TARGET = `targets { analysis { headings { level text } } }`;

  it('counts list sizes: every heading of every target of a page of batches is refused, a page size in a variable too', async () => {
    const query = `query ($n: Int) { batches(first: $n) { edges { node { ${HEADINGS_OF_EVERY_TARGET} } } } }`;
    const refused = await gql(app.graphqlUrl, key, query, { n: 4 });
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.message).toMatch(/cost limit of 100000 exceeded, estimated 120412/i);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gqlData(app.graphqlUrl, key, query, { n: 3 })).batches.edges).toEqual([]);
  });

  it('refuses a batchProgress subscription whose every event would carry every heading of every target', async () => {
    const { key: other } = await app.createKey('streamer'); // another owner: the tests here expect no batches
    const { createBatch } = await gqlData(app.graphqlUrl, other, `mutation { createBatch(input: { name: "cost", urls: ["https://cost.test/"] }) { id } }`);
    const ws = socket(app.wsUrl, other);
    try {
      const heavy = `subscription ($id: ID!) { batchProgress(id: $id) { batch { ${HEADINGS_OF_EVERY_TARGET} } } }`;
      const refused = await firstMessage(ws.client, heavy, { id: createBatch.id });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.message).toMatch(/cost limit of 100000 exceeded, estimated 301020/i);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // The web client's selection: each target's row.
      const light = `subscription ($id: ID!) { batchProgress(id: $id) { sequence batch { status targets { url status analysis { overallScore } } } } }`;
      expect((await firstMessage(ws.client, light, { id: createBatch.id })).data.batchProgress.batch.status).toBe('PENDING');
    } finally {
      await ws.client.dispose();
    }
  });

  it('refuses a query with too many tokens before parsing all of it', async () => {
    const long = `{ ${'x '.repeat(2500)}}`;
    const answer = await gql(app.graphqlUrl, key, long);
    expect(answer.body.errors?.[0]?.message).toMatch(/token limit of 2000 exceeded/i);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await stillServing();
  });

  it('gives syntax and validation errors the BAD_USER_INPUT code, and keeps codes that errors have', async () => {
    const codes = async (query: string) => (await gql(app.graphqlUrl, key, query)).body.errors?.map((error) => error.extensions?.code);
    expect(await codes('{ batches(first: 1) { edges { node { id } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ noSuchField }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ batch(id: "nope") { id } }')).toEqual(['NOT_FOUND']);
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const body = JSON.stringify({ query: HEALTHY, variables: { padding: 'x'.repeat(50_000) } });
    const answer = await post(app.graphqlUrl, body, { authorization: `Bearer ${key}` });
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.message).toMatch(/larger than the limit of 20000 bytes/);
    await stillServing();
  });

  it('closes a WebSocket that sends an oversized message (1009) and keeps serving the others', async () => {
    const ws = new WebSocket(app.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}`, padding: 'x'.repeat(50_000) } }));
    expect(await closed).toBe(1009);

    const other = socket(app.wsUrl, key);
    expect((await firstMessage(other.client, '{ __typename }', {})).data).toEqual({ __typename: 'Query' });
    await other.client.dispose();
  });

  it('applies the same limits to operations over WebSocket', async () => {
    const ws = socket(app.wsUrl, key);
    try {
      await expect(firstMessage(ws.client, DEEP, {})).rejects.toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/depth limit of 10 exceeded/i),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    } finally {
      await ws.client.dispose();
    }
  });

  it('serves subscriptions over WebSocket only, where they are capped', async () => {
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `subscription { batchProgress(id: "x") { sequence } }` }),
    });
    const text = await response.text();
    expect(text).toContain('Subscriptions are served over WebSocket');
    expect(text).not.toContain('NOT_FOUND'); // refused before the resolver ran
  });

  it('keeps introspection on by default (GraphiQL needs it)', async () => {
    const { __schema } = await gqlData(app.graphqlUrl, key, `{ __schema { queryType { name } } }`);
    expect(__schema.queryType.name).toBe('Query');
  });
});

describe('GRAPHQL_INTROSPECTION=false', () => {
  let app: SecureTestApp;
  beforeAll(async () => {
    app = await startSecureApp({ VANTAGE_ROLE: 'api', GRAPHQL_INTROSPECTION: 'false' });
  });
  afterAll(() => app?.close());

  it('refuses introspection and field suggestions, and serves no GraphiQL', async () => {
    const introspection = await gql(app.graphqlUrl, null, `{ __schema { queryType { name } } }`);
    expect(introspection.body.data ?? null).toBeNull();
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);

    const typo = await gql(app.graphqlUrl, null, `{ batchs { edges { cursor } } }`);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);

    const page = await fetch(app.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    expect(firstErrorCode(await gql(app.graphqlUrl, null, `{ __typename }`))).toBeUndefined();
  });
});
