import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createTestKey } from '../helpers/apiKeys';
import { createTestDatabase, eventListenerPids, withClient, type TestDatabase } from '../helpers/database';
import { record, type Recording } from '../helpers/graphql';
import { waitUntil } from '../helpers/wait';
import { gqlData, socket } from './client';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;
const CREATED = `subscription { batchCreated { id } }`;

type Created = { batchCreated: { id: string } };

/** `npm run apikey -- …` as its own process on the apps' database, the way an operator runs it. */
async function apikey(databaseUrl: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['cli/apikey.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return stdout;
}

/** A socket on `app` (keyless: null) streaming batchCreated, once it is known to be listening. */
async function streaming(app: TestApp, key: string | null, probe: () => Promise<string>) {
  const ws = socket(app.wsUrl, key ?? undefined);
  const created: Recording<Created> = record<Created>(ws.client, CREATED, {});
  // Nothing says when a subscription is in place, so batches are created until one arrives.
  await waitUntil(async () => (await probe(), created.events.length > 0), { what: 'a probe batch to arrive', intervalMs: 100 });
  return { ...ws, created };
}

describe('sockets that a key change ends close with 4403 on every api process', () => {
  let database: TestDatabase;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two api processes' worth of servers on one database; the key changes come from a third process.
    // LOG_LEVEL error: the lost event connection is logged as a warning.
    for (let i = 0; i < 2; i++) apps.push(await startTestApp({ VANTAGE_ROLE: 'api', LOG_LEVEL: 'error' }, { database }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  const createBatch = (key: string | null) => async () =>
    (await gqlData(apps[0]!.graphqlUrl, key, CREATE, { input: { name: 'probe', urls: ['https://probe.test/'] } })).createBatch.id as string;

  it('local mode ends for open sockets when the first key is created', async () => {
    const keyless = await Promise.all(apps.map((app) => streaming(app, null, createBatch(null))));

    expect(await apikey(database.url, 'create', 'laptop', '--owner', 'local')).toContain('Created key');

    expect(await Promise.all(keyless.map((ws) => ws.closedWith))).toEqual([4403, 4403]);
  }, 60_000);

  it('a key revoked with `npm run apikey -- revoke` closes its sockets; another key of the owner streams on', async () => {
    const doomed = await createTestKey(database.url, 'doomed');
    const kept = await createTestKey(database.url, 'kept', doomed.ownerId);
    const onDoomed = await Promise.all(apps.map((app) => streaming(app, doomed.key, createBatch(doomed.key))));
    const onKept = await streaming(apps[1]!, kept.key, createBatch(kept.key));

    expect(await apikey(database.url, 'revoke', doomed.id)).toContain('Revoked');

    expect(await Promise.all(onDoomed.map((ws) => ws.closedWith))).toEqual([4403, 4403]);
    const id = await createBatch(kept.key)();
    await onKept.created.waitFor((event) => event.batchCreated.id === id);
    expect(onKept.closes).toEqual([]);
    await onKept.client.dispose();
  }, 60_000);

  it('after the event connection was lost, every open socket is checked again', async () => {
    const missed = await createTestKey(database.url, 'missed');
    const ws = await streaming(apps[0]!, missed.key, createBatch(missed.key));
    // Revoked without the announcement, as if it came while the listener was away; then the listeners are cut off.
    await withClient(database.url, async (db) => {
      await db.query(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE id = $1`, [missed.id]);
      await db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [await eventListenerPids(database.url)]);
    });
    expect(await ws.closedWith).toBe(4403);
  }, 60_000);
});
