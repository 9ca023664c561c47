import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../../src/auth/keys';
import { createLogger } from '../../src/logger';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';
import { firstErrorCode, gql, socket, firstMessage } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('keys never reach a log', () => {
  let app: SecureTestApp;
  beforeAll(async () => {
    app = await startSecureApp({ VANTAGE_ROLE: 'api' });
  });
  afterAll(() => app?.close());

  it('not when requests with keys fail inside, are refused, or run over WebSocket', async () => {
    const { key, id } = await app.createKey('logged');
    // An internal error while a key is in use: the error and its request are logged.
    await withClient(app.databaseUrl, (client) =>
      client.query(`
        CREATE FUNCTION refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'queue unavailable'; END $$;
        CREATE TRIGGER refuse_jobs BEFORE INSERT ON pgboss.job FOR EACH ROW EXECUTE FUNCTION refuse_jobs();`),
    );
    const failed = await gql(app.graphqlUrl, key, `mutation { createBatch(input: { name: "x", urls: ["https://x.test/"] }) { id } }`);
    expect(firstErrorCode(failed)).toBe('INTERNAL_SERVER_ERROR');
    const ws = socket(app.wsUrl, key);
    expect((await firstMessage(ws.client, '{ __typename }', {})).data).toEqual({ __typename: 'Query' });
    await ws.client.dispose();
    await app.revokeKey(id);
    expect(firstErrorCode(await gql(app.graphqlUrl, key, '{ __typename }'))).toBe('UNAUTHENTICATED');
    const refused = socket(app.wsUrl, key);
    expect(await refused.closedWith).toBe(4403);
    await refused.client.dispose();

    // The capture works: the internal error is there, with its request id...
    expect(app.logs()).toContain(failed.body.errors![0]!.extensions!.requestId as string);
    // ...and no key, no hash.
    expect(app.secretsInLogs()).toEqual([]);
  });

  it('not even when a log call is handed headers, connection params or a key row', () => {
    const lines: string[] = [];
    const log = createLogger('debug', { write: (line: string) => void lines.push(line) });
    const key = 'vtg_aSecretThatMustNotBeLoggedAnywhere000000000';
    log.info({ req: { headers: { authorization: `Bearer ${key}` } } }, 'request');
    log.info({ connectionParams: { authorization: `Bearer ${key}` } }, 'socket');
    log.info({ apiKey: { hash: hashKey(key) }, row: { hash: hashKey(key) } }, 'row');
    log.info({ authorization: `Bearer ${key}` }, 'bare');
    const text = lines.join('');
    expect(lines).toHaveLength(4);
    expect(text).not.toContain(key);
    expect(text).not.toContain(hashKey(key));
  });
});

describe('npm run apikey', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  const apikey = (...args: string[]) =>
    run(path.join(ROOT, 'node_modules/.bin/tsx'), ['cli/apikey.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'info' },
    });

  it('creates a key and prints it once, lists keys without secrets, and revokes by id', async () => {
    const created = await apikey('create', 'CI robot');
    const key = /vtg_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
    expect(key).toBeDefined();
    expect(created.stderr).not.toContain(key!);
    const stored = await withClient(database.url, async (client) => (await client.query(`SELECT id, hash, prefix FROM "ApiKey"`)).rows);
    expect(stored).toEqual([{ id: expect.any(String), hash: hashKey(key!), prefix: key!.slice(0, 12) }]);

    const listed = await apikey('list');
    expect(listed.stdout).toContain(stored[0].id);
    expect(listed.stdout).toContain(`${key!.slice(0, 12)}…`);
    expect(listed.stdout).not.toContain(key!);
    expect(listed.stdout).not.toContain(hashKey(key!));
    expect(listed.stdout).toContain('active');

    expect((await apikey('revoke', stored[0].id)).stdout).toContain('Revoked');
    expect((await apikey('list')).stdout).toContain('revoked');
    await expect(apikey('revoke', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 1 });
    await expect(apikey('frobnicate')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Usage') });
  }, 120_000); // five command-line runs, each starting tsx
});
