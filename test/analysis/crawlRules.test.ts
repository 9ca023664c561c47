import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, MAX_CRAWL_DELAY_MS, type Analyzer } from '../../src/analysis';
import { startFixtureServer, text, type FixtureServer } from './fixtureServer';

let analyzer: Analyzer;
let site: FixtureServer;
beforeAll(() => {
  analyzer = createAnalyzer({ allowPrivate: true, threads: 1, timeoutMs: 5000, userAgent: 'VantageBot/1.2.3' });
});
afterAll(() => analyzer.close());
afterEach(() => site.close());

/** The crawl rules of a fixture site serving this robots.txt (none when null), read as a crawl job would. */
async function rulesFor(robotsTxt: string | null) {
  site = await startFixtureServer(robotsTxt === null ? {} : { '/robots.txt': text(robotsTxt) });
  return analyzer.crawlRules(await analyzer.fetchOriginFiles(site.origin));
}

describe('crawlRules', () => {
  it('obeys the group for Vantage: a disallowed folder, an allowed file inside it, Crawl-delay in ms', async () => {
    const rules = await rulesFor(
      'User-agent: *\nDisallow: /\n\nUser-agent: VantageBot\nDisallow: /private/\nAllow: /private/open.html\nCrawl-delay: 2.5\n',
    );
    const allowed = (path: string) => rules.allows(`${site.origin}${path}`);
    expect([allowed('/'), allowed('/blog/post'), allowed('/private/'), allowed('/private/a?b=1'), allowed('/private/open.html')]).toEqual([
      true, true, false, false, true,
    ]);
    expect(rules.crawlDelayMs).toBe(2500);
  });

  it('falls back to the * group', async () => {
    const rules = await rulesFor('User-agent: OtherBot\nCrawl-delay: 1\n\nUser-agent: *\nDisallow: /tmp\n');
    expect([rules.allows(`${site.origin}/tmp/x`), rules.allows(`${site.origin}/page`), rules.crawlDelayMs]).toEqual([false, true, 0]);
  });

  it(`caps Crawl-delay at ${MAX_CRAWL_DELAY_MS} ms`, async () => {
    expect((await rulesFor('User-agent: *\nCrawl-delay: 3600\n')).crawlDelayMs).toBe(MAX_CRAWL_DELAY_MS);
  });

  it('ignores a Crawl-delay that is no number', async () => {
    expect((await rulesFor('User-agent: *\nCrawl-delay: soon\n')).crawlDelayMs).toBe(0);
  });

  it('allows everything without delay when there is no robots.txt', async () => {
    const rules = await rulesFor(null);
    expect([rules.allows(`${site.origin}/anything`), rules.crawlDelayMs]).toEqual([true, 0]);
  });
});
