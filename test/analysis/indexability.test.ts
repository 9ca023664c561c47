import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis';
import { page, startFixtureAnalyzer, type FixtureAnalyzer, type PageFixture } from './analyzeFixture';

let fixture: FixtureAnalyzer;
beforeAll(async () => {
  fixture = await startFixtureAnalyzer();
});
afterAll(() => fixture.close());

/** A page whose head is made from its own URL, for canonicals that name the page itself. */
function selfReferring(head: (url: string) => string): PageFixture {
  return {
    handler: (request: IncomingMessage, response) => {
      const url = `http://${request.headers.host}${request.url}`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page({ head: head(url) }));
    },
  };
}

const googlebotOnlyRobots = (origin: string) => ({
  robotsTxt: { url: `${origin}/robots.txt`, status: 200, body: 'User-agent: Googlebot\nDisallow: /\n' },
});

describe('indexability of an analysed page', () => {
  it.each<[string, PageFixture, string | null]>([
    ['a healthy page', { body: page({}) }, null],
    ['a 404 page with a full HTML body', { body: page({ body: '<h1>Not found</h1>' }), status: 404 }, 'Answers 404'],
    ['a 503 page', { body: page({}), status: 503 }, 'Answers 503'],
    ['a robots meta noindex', { body: page({ head: '<meta name="robots" content="index, NoIndex">' }) }, 'Marked noindex by a robots meta tag'],
    ['a robots meta none', { body: page({ head: '<meta name="robots" content="none">' }) }, 'Marked noindex by a robots meta tag'],
    ['a googlebot meta noindex', { body: page({ head: '<meta name="googlebot" content="noindex">' }) }, 'Marked noindex by a googlebot meta tag'],
    // The most restrictive rule applies: a googlebot meta that allows does not lift the generic noindex.
    [
      'a generic noindex beside a googlebot index',
      { body: page({ head: '<meta name="robots" content="noindex"><meta name="googlebot" content="index">' }) },
      'Marked noindex by a robots meta tag',
    ],
    ['a bingbot-only noindex meta', { body: page({ head: '<meta name="bingbot" content="noindex">' }) }, null],
    ['an X-Robots-Tag noindex', { body: page({}), headers: { 'x-robots-tag': 'noindex, nofollow' } }, 'Marked noindex by the X-Robots-Tag header'],
    [
      'an X-Robots-Tag for googlebot',
      { body: page({}), headers: { 'x-robots-tag': 'googlebot: noindex' } },
      'Marked noindex by the X-Robots-Tag header (googlebot)',
    ],
    ['an X-Robots-Tag for another bot', { body: page({}), headers: { 'x-robots-tag': 'bingbot: noindex' } }, null],
    [
      'a canonical naming another page',
      { body: page({ head: '<link rel="canonical" href="https://example.test/original?id=1#top">' }) },
      'Canonical points to https://example.test/original?id=1',
    ],
    [
      'a canonical Link header naming another page',
      { body: page({}), headers: { link: '<https://example.test/original>; rel="canonical"' } },
      'Canonical points to https://example.test/original',
    ],
    // Search engines ignore conflicting canonicals, and a <link> in the body.
    [
      'two conflicting canonicals',
      { body: page({ head: '<link rel="canonical" href="https://a.test/"><link rel="canonical" href="https://b.test/">' }) },
      null,
    ],
    ['a canonical in the body', { body: page({ body: '<p>text</p><link rel="canonical" href="https://example.test/other">' }) }, null],
  ])('%s', async (_name, pageFixture, reason) => {
    const report = await fixture.analyzePage(pageFixture);
    expect({ indexable: report.indexable, excludedReason: report.excludedReason }).toEqual({
      indexable: reason === null,
      excludedReason: reason,
    });
  });

  it.each([
    ['the same URL with another scheme case and a fragment', (url: string) => `${url.replace('http:', 'HTTP:')}#main`],
    ['a relative URL of the page itself', (url: string) => new URL(url).pathname],
  ])('is indexable with a canonical naming %s', async (_name, canonicalOf) => {
    const report = await fixture.analyzePage(selfReferring((url) => `<link rel="canonical" href="${canonicalOf(url)}">`));
    expect([report.indexable, report.excludedReason]).toEqual([true, null]);
  });

  it('resolves a relative canonical naming another page against the page', async () => {
    const report = await fixture.analyzePage({ body: page({ head: '<link rel="canonical" href="/original">' }) });
    expect(report.excludedReason).toBe(`Canonical points to ${fixture.server.origin}/original`);
  });

  it('is not indexable when robots.txt blocks Googlebot, though it lets VantageBot analyse the page', async () => {
    const report = await fixture.analyzePage({ body: page({}), origin: googlebotOnlyRobots(fixture.server.origin) });
    expect([report.indexable, report.excludedReason]).toEqual([false, 'Blocked by robots.txt']);
  });

  it('names the error status before anything else', async () => {
    const report = await fixture.analyzePage({
      body: page({ head: '<meta name="robots" content="noindex">' }),
      status: 410,
      origin: googlebotOnlyRobots(fixture.server.origin),
    });
    expect(report.excludedReason).toBe('Answers 410');
  });

  it('does not analyse a PDF at all: the target fails, so it never enters a ranking', async () => {
    const refused = fixture.analyzePage({
      handler: (_request, response) => response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
    });
    await expect(refused).rejects.toBeInstanceOf(AnalysisError);
    await expect(refused).rejects.toMatchObject({ kind: 'not-html', message: expect.stringContaining('is not an HTML page') });
  });
});
