import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors';
import { withClient } from '../helpers/database';
import { atLeast } from '../helpers/logs';
import { bearer, firstMessage, gql, gqlData, post, socket } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const DOCUMENTED = Object.keys(ERROR_CODES);
const CREATE = `mutation ($i: CreateBatchInput!) { createBatch(input: $i) { id } }`;
const BATCHES = `query ($first: Int, $last: Int, $before: String, $after: String, $status: BatchStatus) {
  batches(first: $first, last: $last, before: $before, after: $after, status: $status) { edges { cursor node { name } } } }`;
const PROGRESS = `subscription ($id: ID!) { batchProgress(id: $id) { sequence } }`;
const huge = 'x'.repeat(100_000);

interface Answer {
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Bad requests over HTTP: [what, query, variables, the code expected]. */
const badOperations: [string, string, Record<string, unknown>, string][] = [
  ['a number for a String field', CREATE, { i: { name: 5, urls: ['http://a.test/'] } }, 'BAD_USER_INPUT'],
  ['a number in the URL list', CREATE, { i: { name: 'a', urls: [1] } }, 'BAD_USER_INPUT'],
  ['an unknown input field', CREATE, { i: { name: 'a', urls: ['http://a.test/'], extra: 1 } }, 'BAD_USER_INPUT'],
  ['null for a required input', CREATE, { i: null }, 'BAD_USER_INPUT'],
  ['no variables at all', CREATE, {}, 'BAD_USER_INPUT'],
  ['an unknown enum value in a variable', BATCHES, { status: 'RUNNNG' }, 'BAD_USER_INPUT'],
  ['an unknown enum value in the query', `{ batches(status: RUNNNG) { edges { cursor } } }`, {}, 'BAD_USER_INPUT'],
  ['a string for first', BATCHES, { first: 'abc' }, 'BAD_USER_INPUT'],
  ['a negative first', BATCHES, { first: -1 }, 'BAD_USER_INPUT'],
  ['a negative last', BATCHES, { last: -3 }, 'BAD_USER_INPUT'],
  ['a garbage cursor', BATCHES, { after: 'garbage' }, 'BAD_USER_INPUT'],
  ['a base64 cursor of something else', BATCHES, { after: Buffer.from('GPC:S:nope').toString('base64') }, 'BAD_USER_INPUT'],
  ['before with after', BATCHES, { before: 'a', after: 'b' }, 'BAD_USER_INPUT'],
  ['after with last', BATCHES, { after: 'a', last: 2 }, 'BAD_USER_INPUT'],
  ['a 100 kB string for an Int', BATCHES, { first: huge }, 'BAD_USER_INPUT'],
  ['a 100 kB literal for an Int', `{ batches(first: "${huge}") { edges { cursor } } }`, {}, 'BAD_USER_INPUT'],
  ['a 100 kB URL', CREATE, { i: { name: 'a', urls: [`http://a.test/${huge}`] } }, 'BAD_USER_INPUT'],
  ['port 0', CREATE, { i: { name: 'a', urls: ['http://a.test:0/'] } }, 'BAD_USER_INPUT'],
  ['the SMTP port', CREATE, { i: { name: 'a', urls: ['http://a.test:25/'] } }, 'BAD_USER_INPUT'],
  ['a syntax error', `{ batches(first: 1) { edges { cursor }`, {}, 'BAD_USER_INPUT'],
  ['a field typo', `{ batchs { edges { cursor } } }`, {}, 'BAD_USER_INPUT'],
  ['a malformed id', `{ batch(id: "nope") { id } }`, {}, 'NOT_FOUND'],
  ['a subscription over HTTP', PROGRESS, { id: 'x' }, 'BAD_USER_INPUT'],
  ['two operations and no operation name', `query A { __typename } query B { __typename }`, {}, 'BAD_USER_INPUT'],
  ['too deep', `{ batches { edges { node { targets { analysis { checks { id } } batch { targets { batch { targets { batch { id } } } } } } } } } }`, {}, 'BAD_USER_INPUT'],
];

/** Bad HTTP requests that are not operations: [what, body, headers, status (null: Yoga's choice), code]. */
const badRequests: [string, string, Record<string, string>, number | null, string][] = [
  ['a body that is not JSON', '{"query":', {}, 400, 'BAD_USER_INPUT'],
  ['no query', '{}', {}, null, 'BAD_USER_INPUT'],
  ['a form-like request (CSRF)', '{"query":"{ __typename }"}', { 'content-type': 'text/plain' }, 403, 'FORBIDDEN'],
  ['a foreign origin', '{"query":"{ __typename }"}', { origin: 'https://evil.example' }, 403, 'FORBIDDEN'],
  ['an unknown key', '{"query":"{ __typename }"}', { authorization: 'Bearer vk_nonsense' }, 401, 'UNAUTHENTICATED'],
];

describe('every error carries a documented code (GRAPHQL_INTROSPECTION=false)', () => {
  let app: SecureTestApp;
  let key: string;
  const batchRows = () =>
    withClient(app.databaseUrl, async (client) => (await client.query(`SELECT count(*)::int AS n FROM "Batch"`)).rows[0].n as number);

  beforeAll(async () => {
    app = await startSecureApp({ VANTAGE_ROLE: 'api', GRAPHQL_INTROSPECTION: 'false' });
    ({ key } = await app.createKey('catalogue'));
  });
  afterAll(() => app?.close());

  /** What is true of every refusal: a documented code, a message, no schema suggestions, no echo of a huge value. */
  function expectDocumented(errors: Answer['errors'], what: string) {
    expect(errors ?? [], what).not.toHaveLength(0);
    for (const error of errors!) {
      expect(DOCUMENTED, `${what}: ${JSON.stringify(error)}`).toContain(error.extensions?.code);
      expect(error.message.length, what).toBeGreaterThan(0);
      expect(error.message.length, what).toBeLessThan(1000);
      expect(JSON.stringify(error.extensions ?? {}).length, what).toBeLessThan(1000);
      expect(error.message, what).not.toMatch(/Did you mean/);
    }
  }

  it('answers each malformed operation over HTTP with its code, writes nothing and logs no error', async () => {
    for (const [what, query, variables, code] of badOperations) {
      const answer = await gql(app.graphqlUrl, key, query, variables);
      expectDocumented(answer.body.errors, what);
      expect(answer.body.errors![0]!.extensions?.code, what).toBe(code);
    }
    for (const [what, body, headers, status, code] of badRequests) {
      const answer = await post(app.graphqlUrl, body, { ...bearer(key), ...headers });
      if (status !== null) expect(answer.status, what).toBe(status);
      expectDocumented(answer.body.errors, what);
      expect(answer.body.errors![0]!.extensions?.code, what).toBe(code);
    }
    const overGet = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent(`mutation { cancelBatch(id: "x") { id } }`)}`, {
      headers: { ...bearer(key), 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
    });
    expect(overGet.status).toBe(405);
    expectDocumented(((await overGet.json()) as Answer).errors, 'a mutation over GET');
    expect(await batchRows()).toBe(0);
    expect(atLeast(app.logLines(), 50)).toEqual([]);
  });

  it('quotes at most 200 characters of a value back', async () => {
    const answer = await gql(app.graphqlUrl, key, CREATE, { i: { name: 'a', urls: [`http://a.test/${huge}`] } });
    const [error] = answer.body.errors!;
    expect(error!.extensions?.value).toBe(`http://a.test/${huge}`.slice(0, 200) + '…');
    expect(error!.message).toBe(`"http://a.test/${huge.slice(0, 186)}…" is longer than 2048 characters.`);
  });

  it('names the refused port', async () => {
    for (const port of [0, 25, 6667]) {
      const answer = await gql(app.graphqlUrl, key, CREATE, { i: { name: 'a', urls: [`http://a.test:${port}/`] } });
      expect(answer.body.errors![0]!.message).toBe(
        `"http://a.test:${port}/" is refused: port ${port} belongs to a service other than the web (browsers refuse it too).`,
      );
    }
    expect((await gqlData(app.graphqlUrl, key, CREATE, { i: { name: 'web', urls: ['http://a.test:8080/'] } })).createBatch.id).toBeTruthy();
  });

  it('answers malformed operations over WebSocket with documented codes too', async () => {
    const ws = socket(app.wsUrl, key);
    const errorsOf = (query: string, variables: Record<string, unknown>) =>
      firstMessage(ws.client, query, variables).then(
        (message) => message.errors,
        (error: unknown) => (Array.isArray(error) ? error : [error]) as Answer['errors'],
      );
    try {
      const cases: [string, string, Record<string, unknown>, string][] = [
        ['an object for an ID', PROGRESS, { id: { a: 1 } }, 'BAD_USER_INPUT'],
        ['a missing variable', PROGRESS, {}, 'BAD_USER_INPUT'],
        ['an unknown batch', PROGRESS, { id: 'QmF0Y2g6bm9uZQ==' }, 'NOT_FOUND'],
        ['a syntax error', `subscription { batchProgress(id: "x") { sequence }`, {}, 'BAD_USER_INPUT'],
        ['an enum typo', `{ batches(status: RUNNNG) { edges { cursor } } }`, {}, 'BAD_USER_INPUT'],
        ['a garbage cursor', BATCHES, { after: 'garbage' }, 'BAD_USER_INPUT'],
        ['a string for first', BATCHES, { first: 'abc' }, 'BAD_USER_INPUT'],
        ['a 100 kB literal for an Int', `{ batches(first: "${huge}") { edges { cursor } } }`, {}, 'BAD_USER_INPUT'],
        ['a bad URL', CREATE, { i: { name: 'a', urls: ['http://a.test:25/'] } }, 'BAD_USER_INPUT'],
      ];
      for (const [what, query, variables, code] of cases) {
        const errors = await errorsOf(query, variables);
        expectDocumented(errors, `WebSocket: ${what}`);
        expect(errors![0]!.extensions?.code, `WebSocket: ${what}`).toBe(code);
      }
    } finally {
      await ws.client.dispose();
    }
    expect(atLeast(app.logLines(), 50)).toEqual([]);
  });
});

describe('paging', () => {
  let app: SecureTestApp;
  let key: string;
  beforeAll(async () => {
    app = await startSecureApp({ VANTAGE_ROLE: 'api' });
    ({ key } = await app.createKey('pager'));
    for (const name of ['one', 'two', 'three', 'four']) {
      await gqlData(app.graphqlUrl, key, CREATE, { i: { name, urls: [`https://${name}.test/`] } });
    }
  });
  afterAll(() => app?.close());

  const names = (answer: { batches: { edges: { node: { name: string } }[] } }) => answer.batches.edges.map((edge) => edge.node.name);

  it('pages backwards with last alone and with before and last', async () => {
    const all = await gqlData(app.graphqlUrl, key, `{ batches { edges { cursor node { name } } } }`);
    expect(names(all)).toEqual(['four', 'three', 'two', 'one']);
    expect(names(await gqlData(app.graphqlUrl, key, `{ batches(last: 2) { edges { cursor node { name } } } }`))).toEqual(['two', 'one']);
    const before = all.batches.edges[2].cursor;
    expect(names(await gqlData(app.graphqlUrl, key, BATCHES, { before, last: 5 }))).toEqual(['four', 'three']);
    const after = all.batches.edges[0].cursor;
    expect(names(await gqlData(app.graphqlUrl, key, BATCHES, { after, first: 2 }))).toEqual(['three', 'two']);
  });
});
