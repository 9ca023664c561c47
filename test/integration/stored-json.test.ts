import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { withClient } from '../helpers/database';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphql } from '../helpers/graphql';
import { capturedLogger } from '../helpers/logs';
import { pages } from '../helpers/pages';

// A stored JSON value that is not of its column's shape (a bug or a hand edit) is refused when
// read, not served: graphql-js would pass these on, since "97" serialises as the Int 97 and 9 is an Int.
describe('JSON columns with a value not of their shape', () => {
  const captured = capturedLogger('error');
  let app: TestApp;
  let site: FixtureSite;
  let batchId: string;

  beforeAll(async () => {
    site = await startFixtureSite({ '/good': pages.good, '/medium': pages.medium });
    app = await startTestApp({}, { log: captured.log });
    batchId = await createBatch(app.graphqlUrl, { name: 'stored', urls: [site.url('/good'), site.url('/medium')] });
    await waitForBatchStatus(app.graphqlUrl, batchId, ['COMPLETED']);
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  const corrupt = (sql: string, values: unknown[]) =>
    withClient(app.databaseUrl, async (client) => (await client.query(sql, values)).rows[0] as Record<string, string>);

  /** Expects the query to fail masked, and the log to name the column, the row and the offending path. */
  async function expectRefused(query: string, logged: RegExp) {
    const result = await graphql(app.graphqlUrl, query, { id: batchId });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.message).toMatch(/^Internal error \(request id [0-9a-f-]+\)\.$/);
    const requestId = result.errors?.[0]?.extensions?.requestId;
    const line = captured.lines.find((entry) => entry.requestId === requestId);
    expect(line?.err).toMatchObject({ type: 'StoredJsonError', message: expect.stringMatching(logged) });
  }

  it('refuses a heading of level 9 in PageAnalysis.headings', async () => {
    const { targetId } = await corrupt(
      `UPDATE "PageAnalysis" SET headings = '[{"level": 9, "text": "x"}]'
       WHERE "targetId" = (SELECT id FROM "Target" WHERE url = $1) RETURNING "targetId"`,
      [site.url('/good')],
    );
    await expectRefused(
      `query ($id: ID!) { batch(id: $id) { targets { analysis { headings { level text } } } } }`,
      new RegExp(`^PageAnalysis\\.headings of target ${targetId} is not of its column's shape: 0\\.level: `),
    );
  });

  it('refuses a leader score stored as a string in Comparison.report', async () => {
    const { batchId: rowId } = await corrupt(
      `UPDATE "Comparison" SET report = jsonb_set(report, '{leaders,0,score}', '"97"') RETURNING "batchId"`,
      [],
    );
    await expectRefused(
      `query ($id: ID!) { batch(id: $id) { comparison { leaders { score } } } }`,
      new RegExp(`^Comparison\\.report of batch ${rowId} is not of its column's shape: leaders\\.0\\.score: `),
    );
  });
});
