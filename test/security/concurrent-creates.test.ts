import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';
import { createTestKey } from '../helpers/apiKeys';
import { atLeast } from '../helpers/logs';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { firstErrorCode, gql } from './client';

const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;
const input = (name: string) => ({
  input: { name, urls: Array.from({ length: 10 }, (_, i) => `https://${name}-${i}.test/`) },
});

describe('many concurrent creates of one owner over two api processes', () => {
  let database: TestDatabase;
  const apis: VantageProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, VANTAGE_ROLE: 'api', MAX_RUNNING_BATCHES_PER_OWNER: '480', MAX_URLS_PER_DAY: '1000000' };
    apis.push(...(await Promise.all([spawnVantage(env), spawnVantage(env)])));
  });
  afterAll(async () => {
    await stopProcess(apis);
    await database?.drop();
  });

  it('creates the ones within the limits and refuses the rest with RATE_LIMITED, never an internal error', async () => {
    const { key } = await createTestKey(database.url, 'burst');
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => gql(`${apis[i % 2]!.url}/graphql`, key, CREATE, input(`burst${i}`))),
    );
    const outcomes = answers.map((answer) => (answer.body.data?.createBatch ? 'created' : firstErrorCode(answer)));
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(480);
    expect(outcomes.filter((outcome) => outcome !== 'created')).toEqual(Array(20).fill('RATE_LIMITED'));
    const refused = answers.find((answer) => !answer.body.data?.createBatch)!;
    expect(refused.body.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);

    const batches = await withClient(database.url, async (client) => (await client.query(`SELECT count(*)::int AS n FROM "Batch"`)).rows[0].n);
    expect(batches).toBe(480);
    expect(apis.flatMap((api) => atLeast(api.logs, 50))).toEqual([]);
  });
});
