import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { eventListenerPids, withClient } from '../helpers/database';
import { createBatch } from '../helpers/batches';
import { record, wsClient, type Recording } from '../helpers/graphql';
import { waitUntil } from '../helpers/wait';

const CREATED = `subscription { batchCreated { id name } }`;

type Created = { batchCreated: { id: string; name: string } };

describe('batchCreated', () => {
  let app: TestApp;

  beforeAll(async () => {
    // API only: the batches stay PENDING; their URLs are never fetched.
    app = await startTestApp({ VANTAGE_ROLE: 'api', LOG_LEVEL: 'error' }); // the lost connection is logged as a warning
  });
  afterAll(async () => {
    await app?.close();
  });

  const create = (name: string) => createBatch(app.graphqlUrl, { name, urls: ['https://example.test/'] });

  /** Nothing says when a subscription is in place, so batches are created until one arrives. */
  async function listening(seen: Recording<Created>) {
    await waitUntil(async () => (await create('probe'), seen.events.length > 0), { what: 'a probe batch to arrive', intervalMs: 100 });
  }

  it('streams each new batch, and completes when the server lost its event connection, so the client reloads', async () => {
    const client = wsClient(app.wsUrl);
    try {
      const seen = record<Created>(client, CREATED, {});
      await listening(seen);
      const id = await create('new one');
      await seen.waitFor((event) => event.batchCreated.id === id);
      expect(seen.events.at(-1)).toEqual({ batchCreated: { id, name: 'new one' } });

      // Whatever was NOTIFYed while the LISTEN connection was away is gone: the stream says so by ending.
      const listeners = await eventListenerPids(app.databaseUrl);
      await withClient(app.databaseUrl, (db) => db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [listeners]));
      await seen.completed;

      const again = record<Created>(client, CREATED, {});
      await listening(again);
    } finally {
      await client.dispose();
    }
  });
});
