import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { withClient } from '../helpers/database';
import { graphql, graphqlData } from '../helpers/graphql';

const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id status totalUrls targets { url isSubject } } }`;

describe('createBatch', () => {
  let app: TestApp;
  beforeAll(async () => {
    // API only: these batches are never meant to be fetched, so no worker takes their jobs.
    app = await startTestApp({ MAX_URLS_PER_BATCH: '3', VANTAGE_ROLE: 'api', LOG_LEVEL: 'silent' });
  });
  afterAll(() => app?.close());

  /** Rows in every table createBatch writes to, including the queue's. */
  const counts = () =>
    withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query(`SELECT
        (SELECT count(*) FROM "Batch")::int AS batches,
        (SELECT count(*) FROM "Target")::int AS targets,
        (SELECT count(*) FROM pgboss.job WHERE name = 'analyze-target')::int AS jobs`);
      return rows[0] as { batches: number; targets: number; jobs: number };
    });

  const rejected: [string, Record<string, unknown>, RegExp][] = [
    ['a non-http(s) URL', { urls: ['ftp://example.com/file'] }, /ftp:\/\/example\.com\/file.*not an http\(s\) URL/],
    ['a relative URL', { urls: ['/pricing'] }, /"\/pricing" is not an absolute URL/],
    ['an empty list', { urls: [] }, /at least one URL/],
    ['too many URLs', { urls: ['https://a.test/', 'https://b.test/', 'https://c.test/', 'https://d.test/'] }, /at most 3 URLs; got 4/],
    ['duplicates after normalisation', { urls: ['https://A.test:443/x#top', 'https://a.test/x'] }, /"https:\/\/a\.test\/x" is the same page as "https:\/\/A\.test:443\/x#top"/],
    ['a subject not in the list', { urls: ['https://a.test/'], subjectUrl: 'https://b.test/' }, /subject "https:\/\/b\.test\/" is not one of the URLs/],
    ['an empty name', { name: '   ', urls: ['https://a.test/'] }, /needs a name/],
  ];

  it.each(rejected)('rejects %s with BAD_USER_INPUT naming the value, writing nothing', async (_case, input, message) => {
    const before = await counts();
    const result = await graphql(app.graphqlUrl, CREATE, { input: { name: 'competitors', ...input } });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('stores the normalised URLs, the subject and one job per target', async () => {
    const before = await counts();
    const { createBatch } = await graphqlData(app.graphqlUrl, CREATE, {
      input: { name: 'ok', urls: ['HTTPS://Shop.test/a#x', 'http://blog.test'], subjectUrl: 'http://BLOG.test/' },
    });
    expect(createBatch.targets).toEqual([
      { url: 'https://shop.test/a', isSubject: false },
      { url: 'http://blog.test/', isSubject: true },
    ]);
    const after = await counts();
    expect(after.batches).toBe(before.batches + 1);
    expect(after.targets).toBe(before.targets + 2);
    expect(after.jobs).toBe(before.jobs + 2);
  });

  it('reads a bare host as https, in the URLs and the subject alike', async () => {
    const { createBatch } = await graphqlData(app.graphqlUrl, CREATE, {
      input: { name: 'bare', urls: ['Shop.test', 'www.blog.test:8443/pricing?x=1'], subjectUrl: 'shop.test' },
    });
    expect(createBatch.targets).toEqual([
      { url: 'https://shop.test/', isSubject: true },
      { url: 'https://www.blog.test:8443/pricing?x=1', isSubject: false },
    ]);
  });

  it('tells a form its limits before it is sent', async () => {
    const { limits } = await graphqlData(app.graphqlUrl, '{ limits { maxUrlsPerBatch maxRunningBatches maxUrlsPerDay } }');
    expect(limits.maxUrlsPerBatch).toBe(3);
    expect(limits.maxRunningBatches).toBeGreaterThan(0);
    expect(limits.maxUrlsPerDay).toBeGreaterThan(0);
  });

  it('writes no batch and no target when queueing the jobs fails inside the transaction', async () => {
    await withClient(app.databaseUrl, (client) =>
      client.query(`
        CREATE FUNCTION refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'queue unavailable'; END $$;
        CREATE TRIGGER refuse_jobs BEFORE INSERT ON pgboss.job FOR EACH ROW EXECUTE FUNCTION refuse_jobs();`),
    );
    try {
      const before = await counts();
      const result = await graphql(app.graphqlUrl, CREATE, { input: { name: 'doomed', urls: ['https://a.test/'] } });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(result.errors?.[0]?.message).not.toContain('queue unavailable'); // internals stay masked
      expect(await counts()).toEqual(before);
    } finally {
      await withClient(app.databaseUrl, (client) =>
        client.query('DROP TRIGGER refuse_jobs ON pgboss.job; DROP FUNCTION refuse_jobs();'),
      );
    }
  });
});
