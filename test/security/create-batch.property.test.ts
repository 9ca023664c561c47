import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../helpers/database';
import { gql } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id totalUrls targets { url isSubject } } }`;
const MAX_URLS = 5;

const tricky = fc.constantFrom(
  '',
  '   ',
  'http://',
  'https://',
  'ftp://a.test/file',
  'javascript:alert(1)',
  'mailto:someone@a.test',
  'http://user:secret@a.test/',
  'HTTP://A.TEST:80/',
  'http://[::1]:8080/x',
  'http://a.test/%00',
  'http://a.test\u0000/',
  '\u0000',
  'http://exa mple.test/',
  'https://a.test/#only-a-fragment',
  `https://a.test/${'x'.repeat(3000)}`,
  '//a.test/protocol-relative',
  'https://xn--nxasmq6b.test/',
  'https://例え.テスト/',
);
const webUrl = fc.webUrl({ withFragments: true, withQueryParameters: true });
const urlLike = fc.oneof(
  webUrl,
  webUrl.map((url) => url.toUpperCase()),
  webUrl.map((url) => ` ${url}\t`),
  tricky,
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** Anything at all: most of it is refused. */
const wildInput = fc
  .record({
    name: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('ok', ' ', 'a\u0000b', 'x'.repeat(201))),
    urls: fc.array(urlLike, { maxLength: MAX_URLS + 2 }),
  })
  .chain((input) =>
    fc
      .option(input.urls.length > 0 ? fc.oneof(fc.constantFrom(...input.urls), urlLike) : urlLike, { nil: undefined })
      .map((subjectUrl) => ({ ...input, subjectUrl })),
  );
/** Near the valid region, with its spellings of URLs: most of it is accepted. */
const plausibleInput = fc
  .record({
    name: fc.oneof(
      { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map((name) => `batch ${name}`) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }) },
      { weight: 1, arbitrary: fc.constantFrom('a\u0000b', '\u0007bell', 'tab\tin name') },
    ),
    urls: fc.array(fc.oneof(webUrl, webUrl.map((url) => ` ${url.toUpperCase()} `)), { minLength: 1, maxLength: MAX_URLS }),
  })
  .chain((input) =>
    fc.option(fc.constantFrom(...input.urls), { nil: undefined }).map((subjectUrl) => ({ ...input, subjectUrl })),
  );
const batchInput = fc.oneof(wildInput, plausibleInput);

describe('createBatch with any input', () => {
  let app: SecureTestApp;
  let key: string;

  beforeAll(async () => {
    // API only, and limits out of the way: the property is about input, not quotas.
    app = await startSecureApp({
      VANTAGE_ROLE: 'api',
      MAX_URLS_PER_BATCH: String(MAX_URLS),
      MAX_RUNNING_BATCHES_PER_OWNER: '100000',
      MAX_URLS_PER_DAY: '1000000',
    });
    ({ key } = await app.createKey('fuzzer'));
  });
  afterAll(async () => {
    expect(app?.secretsInLogs()).toEqual([]);
    await app?.close();
  });

  const counts = () =>
    withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query(`SELECT
        (SELECT count(*) FROM "Batch")::int AS batches,
        (SELECT count(*) FROM "Target")::int AS targets,
        (SELECT count(*) FROM pgboss.job WHERE name = 'analyze-target')::int AS jobs,
        (SELECT count(*) FROM "AuditEvent")::int AS audit`);
      return rows[0] as { batches: number; targets: number; jobs: number; audit: number };
    });

  it('creates a valid batch or answers BAD_USER_INPUT having written nothing; never an internal error', async () => {
    const outcomes = { created: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(batchInput, async (input) => {
        const before = await counts();
        const answer = await gql(app.graphqlUrl, key, CREATE, { input });
        expect(answer.status).toBeLessThan(500);
        const created = answer.body.data?.createBatch;
        if (!created) {
          expect(answer.body.errors).toHaveLength(1);
          expect(answer.body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
          expect(await counts()).toEqual(before);
          outcomes.refused++;
          return;
        }
        const urls = created.targets.map((target: { url: string }) => target.url);
        expect(created.totalUrls).toBe(urls.length);
        expect(urls.length).toBeGreaterThanOrEqual(1);
        expect(urls.length).toBeLessThanOrEqual(MAX_URLS);
        expect(new Set(urls).size).toBe(urls.length);
        for (const url of urls) {
          expect(url).toMatch(/^https?:\/\//);
          expect(new URL(url).href).toBe(url); // stored normalised
          expect(new URL(url).username).toBe('');
        }
        const subjects = created.targets.filter((target: { isSubject: boolean }) => target.isSubject);
        expect(subjects).toHaveLength(input.subjectUrl?.trim() ? 1 : 0);
        expect(await counts()).toEqual({
          batches: before.batches + 1,
          targets: before.targets + urls.length,
          jobs: before.jobs + urls.length,
          audit: before.audit + 1,
        });
        outcomes.created++;
      }),
      { numRuns: 100 },
    );
    // Both answers must have been exercised, or the property proved little.
    expect(outcomes.created).toBeGreaterThanOrEqual(10);
    expect(outcomes.refused).toBeGreaterThanOrEqual(10);
  });
});
