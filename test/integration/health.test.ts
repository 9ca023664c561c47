import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

describe('health endpoints', () => {
  let database: TestDatabase;
  let api: TestApp;
  let worker: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp({ VANTAGE_ROLE: 'api' }, { database });
    worker = await startTestApp({ VANTAGE_ROLE: 'worker' }, { database });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await database?.drop();
  });

  it('reports liveness and readiness with JSON bodies', async () => {
    const health = await fetch(`${api.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', role: 'api' });
    const ready = await fetch(`${api.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      role: 'api',
      checks: { database: true, queue: true, embeddedPostgres: 'external' },
    });
  });

  it('serves only health on a worker process', async () => {
    expect(await (await fetch(`${worker.baseUrl}/ready`)).json()).toMatchObject({ status: 'ready', role: 'worker' });
    expect((await fetch(`${worker.baseUrl}/graphql`, { method: 'POST' })).status).toBe(404);
  });
});
