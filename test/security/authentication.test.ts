import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, firstErrorCode, firstMessage, gql, gqlData, post, socket } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const WHO = `{ batches(first: 1) { edges { node { id } } } }`;
const PROGRESS = `subscription ($id: ID!) { batchProgress(id: $id) { sequence batch { status } } }`;
const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;

describe('API keys', () => {
  let app: SecureTestApp;
  let good: { id: string; key: string };

  beforeAll(async () => {
    app = await startSecureApp({ VANTAGE_ROLE: 'api', MAX_CONNECTIONS_PER_KEY: '2', MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' });
    good = await app.createKey('good');
  });
  afterAll(async () => {
    expect(app?.secretsInLogs()).toEqual([]);
    await app?.close();
  });

  it('a valid key works over HTTP and records when it was used', async () => {
    expect((await gqlData(app.graphqlUrl, good.key, WHO)).batches.edges).toEqual([]);
    const row = await app.prisma.apiKey.findUniqueOrThrow({ where: { id: good.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.hash).not.toContain(good.key);
  });

  it.each([
    ['missing', {}],
    ['malformed (not Bearer)', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['malformed (Bearer without a key)', { authorization: 'Bearer ' }],
    ['unknown', bearer('vtg_thisKeyWasNeverIssuedByVantageAtAllNoNoNo0')],
  ])('a %s key gets 401 UNAUTHENTICATED over HTTP, with no data', async (_case, headers) => {
    const answer = await post(app.graphqlUrl, JSON.stringify({ query: WHO }), headers as Record<string, string>);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.body.data ?? null).toBeNull();
    expect(firstErrorCode(answer)).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['missing', 4401, undefined],
    ['malformed', 4401, { authorization: 'Token abc' }],
    ['non-string', 4401, { authorization: 42 }],
    ['unknown', 4401, { authorization: 'Bearer vtg_thisKeyWasNeverIssuedByVantageAtAllNoNoNo0' }],
  ])('a %s key closes the WebSocket with %i', async (_case, code, params) => {
    const ws = socket(app.wsUrl, params);
    expect(await ws.closedWith).toBe(code);
    await ws.client.dispose();
  });

  it('a revoked key stops at once: HTTP, new sockets (4403) and new subscriptions on an open socket (4403)', async () => {
    const doomed = await app.createKey('doomed');
    const { createBatch } = await gqlData(app.graphqlUrl, doomed.key, CREATE, { input: { name: 'x', urls: ['https://x.test/'] } });
    const open = socket(app.wsUrl, doomed.key);
    try {
      // The socket is up and serving while the key is valid.
      const first = await firstMessage(open.client, PROGRESS, { id: createBatch.id });
      expect(first.data?.batchProgress.batch.status).toBe('PENDING');

      await app.revokeKey(doomed.id);

      expect(firstErrorCode(await gql(app.graphqlUrl, doomed.key, WHO))).toBe('UNAUTHENTICATED');
      const fresh = socket(app.wsUrl, doomed.key);
      expect(await fresh.closedWith).toBe(4403);
      await fresh.client.dispose();

      await expect(firstMessage(open.client, PROGRESS, { id: createBatch.id })).rejects.toMatchObject({ code: 4403 });
      expect(await open.closedWith).toBe(4403);
    } finally {
      await open.client.dispose();
    }
    // Other keys are untouched.
    expect((await gqlData(app.graphqlUrl, good.key, WHO)).batches).toBeDefined();
  });

  it('caps the connections of one key (4429) and frees the slot when one closes', async () => {
    const capped = await app.createKey('capped');
    const first = socket(app.wsUrl, capped.key);
    const second = socket(app.wsUrl, capped.key);
    try {
      await Promise.all([firstMessage(first.client, '{ __typename }', {}), firstMessage(second.client, '{ __typename }', {})]);
      const third = socket(app.wsUrl, capped.key);
      expect(await third.closedWith).toBe(4429);
      await third.client.dispose();
      // Another key has its own allowance.
      const other = socket(app.wsUrl, good.key);
      expect((await firstMessage(other.client, '{ __typename }', {})).data).toEqual({ __typename: 'Query' });
      await other.client.dispose();

      await first.client.dispose();
      await first.closedWith;
      // The server may see the new connection before the old one's close; wait for the slot.
      await expect.poll(async () => {
        const attempt = socket(app.wsUrl, capped.key);
        const answer = await Promise.race([
          firstMessage(attempt.client, '{ __typename }', {}).then((message) => message.data?.__typename),
          attempt.closedWith.then((code) => code),
        ]);
        await attempt.client.dispose();
        return answer;
      }).toBe('Query');
    } finally {
      await first.client.dispose();
      await second.client.dispose();
    }
  });

  it('a burst of subscribes on one connection runs the first ones up to the cap and refuses the rest', async () => {
    const key = (await app.createKey('burst')).key;
    const { createBatch } = await gqlData(app.graphqlUrl, key, CREATE, { input: { name: 'burst', urls: ['https://burst.test/'] } });
    const ws = socket(app.wsUrl, key);
    try {
      // Sent back to back, so every one arrives while the first is still being checked.
      const answers = Array.from({ length: 5 }, () =>
        firstMessage(ws.client, PROGRESS, { id: createBatch.id }).then(
          (message) => message.data?.batchProgress.batch.status,
          (errors: { extensions?: { code?: string } }[]) => errors[0]?.extensions?.code,
        ),
      );
      expect(await Promise.all(answers)).toEqual(['PENDING', 'PENDING', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(ws.closes).toEqual([]);
    } finally {
      await ws.client.dispose();
    }
  });

  it('caps the operations running on one connection with RATE_LIMITED; the connection stays usable', async () => {
    const key = (await app.createKey('busy')).key;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await gqlData(app.graphqlUrl, key, CREATE, { input: { name: `b${i}`, urls: [`https://b${i}.test/`] } })).createBatch.id);
    }
    const ws = socket(app.wsUrl, key);
    try {
      // Two PENDING batches: their streams stay open.
      const stops: (() => void)[] = [];
      for (const id of ids.slice(0, 2)) {
        await new Promise((resolve, reject) => {
          stops.push(ws.client.subscribe({ query: PROGRESS, variables: { id } }, { next: resolve, error: reject, complete: () => {} }));
        });
      }
      await expect(firstMessage(ws.client, PROGRESS, { id: ids[2] })).rejects.toEqual([
        expect.objectContaining({ extensions: { code: 'RATE_LIMITED' } }),
      ]);
      // The connection stays up and takes the operation once another one ends.
      stops[0]!();
      await expect
        .poll(() =>
          firstMessage(ws.client, PROGRESS, { id: ids[2] }).then(
            (message) => message.data?.batchProgress.batch.status,
            () => 'refused',
          ),
        )
        .toBe('PENDING');
      expect(ws.closes).toEqual([]);
    } finally {
      await ws.client.dispose();
    }
  });
});
