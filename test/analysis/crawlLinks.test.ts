import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_LINKS, type OriginFiles, type PageReport } from '../../src/analysis';
import { page, startFixtureAnalyzer, type FixtureAnalyzer } from './analyzeFixture';
import { html } from './fixtureServer';

let fixture: FixtureAnalyzer;
let originFiles: OriginFiles;
beforeAll(async () => {
  fixture = await startFixtureAnalyzer();
  originFiles = { origin: fixture.server.origin, robotsTxt: null, llmsTxt: null, sitemap: null };
});
afterAll(() => fixture.close());

/** The same page analysed twice differs only in how fast the server answered. */
function withoutTimings(report: PageReport) {
  const checks = report.checks.map((check) => (check.id === 'response-time' ? { ...check, message: '' } : check));
  return { ...report, fetchMs: 0, timeToFirstByteMs: 0, checks };
}

async function analyzeAt(path: string, body: string, withLinks?: boolean) {
  fixture.server.route(path, html(body));
  return fixture.analyzer.analyze(`${fixture.server.origin}${path}`, originFiles, withLinks === undefined ? {} : { withLinks });
}

describe('links of an analysed page, for a crawl', () => {
  const body = page({
    body: `
      <nav><a href="/">Home</a> <a href="about">About</a> <a href="../up">Up</a></nav>
      <a href="/about#team">Team</a>
      <a href="/products?utm_source=nav&amp;b=2&amp;a=1">Products</a>
      <a href="/products?a=1&amp;b=2&amp;gclid=x">Products again</a>
      <a href="/private" rel="NoFollow">Login</a>
      <a href="/sponsored" rel="sponsored nofollow">Ad</a>
      <a href="/ugc" rel="ugc">Comment</a>
      <a href="mailto:hello@example.com">Mail</a>
      <a href="javascript:void(0)">Menu</a>
      <a href="tel:+1234">Call</a>
      <a href="#top">Top</a>
      <a>No href</a>
      <a href="http://[bad">Invalid</a>
      <a href="https://Other.Example:443/page#x">Elsewhere</a>
      <a href="/files/report.pdf">Report</a>
      <noscript><a href="/from-noscript">Not in the page</a></noscript>
      <template><a href="/from-template">Not in the page</a></template>`,
  });

  it('lists resolved, normalised, followable http(s) targets once each, in page order', async () => {
    const report = await analyzeAt('/section/page', body, true);
    const origin = fixture.server.origin;
    expect(report.links).toEqual([
      `${origin}/`,
      `${origin}/section/about`,
      `${origin}/up`,
      `${origin}/about`,
      `${origin}/products?a=1&b=2`,
      `${origin}/ugc`,
      // An in-page link names the page itself.
      `${origin}/section/page`,
      'https://other.example/page',
      // Kept: skipping non-HTML is the crawl's choice, with looksLikeHtml.
      `${origin}/files/report.pdf`,
    ]);
  });

  it('leaves the report without links unless asked', async () => {
    const report = await analyzeAt('/section/plain', body);
    expect(report).not.toHaveProperty('links');
    const withoutLinks = await analyzeAt('/section/plain', body, false);
    expect(withoutLinks).not.toHaveProperty('links');
    const withLinks = await analyzeAt('/section/plain', body, true);
    const { links: _links, ...rest } = withLinks;
    expect(withoutTimings(rest)).toEqual(withoutTimings(report));
  });

  it(`keeps at most ${MAX_PAGE_LINKS} links`, async () => {
    const anchors = Array.from({ length: MAX_PAGE_LINKS + 50 }, (_, index) => `<a href="/p/${index}">${index}</a>`).join('');
    const report = await analyzeAt('/many', page({ body: anchors }), true);
    expect(report.links).toHaveLength(MAX_PAGE_LINKS);
    expect(report.links?.at(-1)).toBe(`${fixture.server.origin}/p/${MAX_PAGE_LINKS - 1}`);
  });
});
