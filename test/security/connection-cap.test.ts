import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey } from '../helpers/apiKeys';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { firstMessage, socket } from './client';

const wsUrlOf = (vantage: VantageProcess) => `${vantage.url.replace(/^http/, 'ws')}/graphql`;

/** Whether a new connection with the key is served (true) or refused with its close code. */
async function connect(vantage: VantageProcess, key: string) {
  const attempt = socket(wsUrlOf(vantage), key);
  const outcome = await Promise.race([
    firstMessage(attempt.client, '{ __typename }', {}).then(() => true as const),
    attempt.closedWith,
  ]);
  return { outcome, attempt };
}

describe('the per-key WebSocket connection cap across api processes', () => {
  let database: TestDatabase;
  let first: VantageProcess;
  let second: VantageProcess;
  const open: ReturnType<typeof socket>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, VANTAGE_ROLE: 'api', MAX_CONNECTIONS_PER_KEY: '2' };
    [first, second] = [await spawnVantage(env), await spawnVantage(env)];
  });
  afterAll(async () => {
    await Promise.all(open.map((one) => one.client.dispose()));
    await stopProcess([first, second]);
    await database?.drop();
  });

  it('counts a key on every api process together, and a dead process hands its slots back', async () => {
    const { key } = await createTestKey(database.url, 'capped across processes');
    for (const vantage of [first, second]) {
      const { outcome, attempt } = await connect(vantage, key);
      open.push(attempt);
      expect(outcome).toBe(true);
    }
    // One connection on each process: the key's two slots are taken, whichever process is asked.
    for (const vantage of [first, second]) {
      const { outcome, attempt } = await connect(vantage, key);
      expect(outcome).toBe(4429);
      await attempt.client.dispose();
    }

    second.kill('SIGKILL');
    await second.exited;
    // Its database session ended with it, and its slot with the session.
    await expect
      .poll(
        async () => {
          const { outcome, attempt } = await connect(first, key);
          if (outcome === true) open.push(attempt);
          else await attempt.client.dispose();
          return outcome;
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe(true);
  });
});
