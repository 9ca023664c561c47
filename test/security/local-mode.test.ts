import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_OWNER_ID } from '../../src/auth/caller';
import { firstErrorCode, firstMessage, gql, gqlData, socket } from './client';
import { loopbackUrl, startSecureApp, type SecureTestApp } from './secureApp';

const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;
const LIST = `{ batches { edges { node { id } } } }`;

/** A keyless GraphQL POST to 127.0.0.1 that claims another Host, as a DNS-rebinding page would. */
function postWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query: LIST });
    const req = request(url, { method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('local mode', () => {
  const apps: SecureTestApp[] = [];
  afterAll(async () => {
    for (const app of apps) {
      expect(app.secretsInLogs()).toEqual([]);
      await app.close();
    }
  });

  it('on loopback with no key, keyless requests act as the local owner until a key exists', async () => {
    const app = await startSecureApp({ VANTAGE_ROLE: 'api' });
    apps.push(app);
    expect(app.logs()).toContain('local mode');

    const { createBatch } = await gqlData(app.graphqlUrl, null, CREATE, { input: { name: 'laptop', urls: ['https://a.test/'] } });
    const row = await app.prisma.batch.findFirstOrThrow();
    expect(row.ownerId).toBe(LOCAL_OWNER_ID);
    const keyless = socket(app.wsUrl);
    expect((await firstMessage(keyless.client, LIST, {})).data.batches.edges).toHaveLength(1);

    // A page on another domain that resolves to 127.0.0.1 is not "local".
    expect(await postWithHost(app.graphqlUrl, 'rebinding.example:4000')).toBe(401);
    expect(await postWithHost(app.graphqlUrl, new URL(app.baseUrl).host)).toBe(200);

    const laptop = await app.createKey('laptop', LOCAL_OWNER_ID);

    expect(firstErrorCode(await gql(app.graphqlUrl, null, LIST))).toBe('UNAUTHENTICATED');
    const late = socket(app.wsUrl);
    expect(await late.closedWith).toBe(4401);
    await late.client.dispose();
    // The socket opened in local mode is closed as forbidden (test/security/revocation.test.ts shows when).
    expect(await keyless.closedWith).toBe(4403);
    await keyless.client.dispose();

    // A key of the local owner sees what was made in local mode.
    const own = await gqlData(app.graphqlUrl, laptop.key, LIST);
    expect(own.batches.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([createBatch.id]);

    // Revoking every key does not bring local mode back.
    await app.revokeKey(laptop.id);
    expect(firstErrorCode(await gql(app.graphqlUrl, null, LIST))).toBe('UNAUTHENTICATED');
  });

  it('on a non-loopback address every request needs a key, and the start says how to create one', async () => {
    const app = await startSecureApp({ HOST: '0.0.0.0', VANTAGE_ROLE: 'api' });
    apps.push(app);
    const url = loopbackUrl(app);
    expect(app.logs()).toContain('npm run apikey -- create');

    const refused = await gql(url, null, LIST);
    expect(refused.status).toBe(401);
    expect(firstErrorCode(refused)).toBe('UNAUTHENTICATED');
    const ws = socket(loopbackUrl(app, '/graphql', 'ws'));
    expect(await ws.closedWith).toBe(4401);
    await ws.client.dispose();

    const { key } = await app.createKey('server');
    expect((await gqlData(url, key, LIST)).batches.edges).toEqual([]);
  });
});
