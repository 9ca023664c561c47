import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { announcedBatchId, vantage } from './runCli';

// Written out here rather than imported from the CLI, so the test checks the CLI against the contract.
const SITES = `query ($id: ID!) { batch(id: $id) { maxPagesPerSite
  targets { url isSubject pagesDone pagesDiscovered
    site { overallScore seoScore aeoScore technicalScore indexablePages excludedPages issues { title estimatedGain } } }
  comparison { ranking { overallScore target { url } } } } }`;

interface ApiSites {
  maxPagesPerSite: number;
  targets: {
    url: string;
    isSubject: boolean;
    pagesDone: number;
    pagesDiscovered: number;
    site: {
      overallScore: number;
      seoScore: number;
      aeoScore: number;
      technicalScore: number;
      indexablePages: number;
      excludedPages: number;
      issues: { title: string; estimatedGain: number }[];
    };
  }[];
  comparison: { ranking: { overallScore: number; target: { url: string } }[] };
}

const withHome = (html: string) => html.replace('</body>', '<a href="/">Home</a></body>');

describe('vantage analyze --pages', () => {
  let app: TestApp;
  let mine: FixtureSite;
  let rival: FixtureSite;

  beforeAll(async () => {
    mine = await startFixtureSite({
      '/': withHome(pages.medium).replace('</body>', '<a href="/a">A</a> <a href="/hidden">Hidden</a></body>'),
      '/a': withHome(pages.poor),
      '/hidden': pages.medium.replace('<head>', '<head><meta name="robots" content="noindex">'),
    });
    rival = await startFixtureSite({ '/': withHome(pages.good).replace('</body>', '<a href="/more">More</a></body>'), '/more': pages.good });
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([mine?.close(), rival?.close()]);
  });

  async function apiSites(batchId: string): Promise<ApiSites> {
    return (await graphqlData<{ batch: ApiSites }>(app.graphqlUrl, SITES, { id: batchId })).batch;
  }

  const section = (stdout: string, heading: string) => stdout.split('\n\n').find((part) => part.startsWith(`${heading}\n`)) ?? '';

  it('crawls each site and prints per site its scores, pages indexable and excluded, and its top issues by gain', async () => {
    const [home, rivalHome] = [mine.url('/'), rival.url('/')];
    const result = await vantage(['analyze', home, rivalHome, '--subject', home, '--pages', '5', '--server', app.baseUrl]);
    expect(result.code, result.stderr).toBe(0);
    // Without a terminal each target gets a line when its status changes; the finished one carries the crawl's counts.
    expect(result.stderr).toContain(`SUCCEEDED ${home} (my site)  3/3 pages`);
    expect(result.stderr).toContain(`SUCCEEDED ${rivalHome}  2/2 pages`);

    const batch = await apiSites(announcedBatchId(result.stderr));
    expect(batch.maxPagesPerSite).toBe(5);
    const site = (url: string) => batch.targets.find((target) => target.url === url)!.site;
    expect(site(home)).toMatchObject({ indexablePages: 2, excludedPages: 1 });

    const table = section(result.stdout, 'Sites').split('\n');
    expect(table[1]).toMatch(/^Site\s+Overall\s+SEO\s+AEO\s+Technical\s+Indexable\s+Excluded$/);
    for (const target of batch.targets) {
      const { overallScore, seoScore, aeoScore, technicalScore, indexablePages, excludedPages } = target.site;
      const line = table.find((row) => row.startsWith(`${target.url}${target.isSubject ? ' (my site)' : ''} `));
      expect(line?.trim().split(/\s{2,}/).slice(1)).toEqual([overallScore, seoScore, aeoScore, technicalScore, indexablePages, excludedPages].map(String));
    }

    const issues = site(home).issues;
    expect(issues.length).toBeGreaterThan(5);
    const rows = section(result.stdout, `Top issues on ${home} (my site)`)
      .split('\n')
      .filter((line) => /^\s*\d+ {2}/.test(line));
    // Titles short enough not to wrap, so each row is one line: number, title, pages, gain.
    expect(rows.map((line) => line.trim().split(/\s{2,}/))).toEqual(
      issues.slice(0, 5).map((issue, index) => [String(index + 1), issue.title, expect.stringMatching(/ of \d+$/), `+${Number.isInteger(issue.estimatedGain) ? issue.estimatedGain : issue.estimatedGain.toFixed(1)} point${issue.estimatedGain === 1 ? '' : 's'}`]),
    );
    expect(section(result.stdout, `Top issues on ${rivalHome}`)).not.toBe('');
    // The comparison of the sites comes first, as without --pages.
    expect(result.stdout.indexOf('Ranking\n')).toBeLessThan(result.stdout.indexOf('Sites\n'));
  });

  it('keeps printing the API comparison alone with --json', async () => {
    const result = await vantage(['analyze', mine.url('/'), rival.url('/'), '--pages', '3', '--server', app.baseUrl, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout);
    const batch = await apiSites(announcedBatchId(result.stderr));
    expect(batch.maxPagesPerSite).toBe(3);
    expect(printed.ranking.map((entry: { overallScore: number; target: { url: string } }) => [entry.target.url, entry.overallScore])).toEqual(
      batch.comparison.ranking.map((entry) => [entry.target.url, entry.overallScore]),
    );
    expect(result.stdout).not.toContain('Top issues');
  });

  it('refuses a --pages that is not a whole number, --pages outside analyze, and a budget the server refuses', async () => {
    const notNumber = await vantage(['analyze', mine.url('/'), '--pages', 'lots', '--server', app.baseUrl]);
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('--pages "lots" is not a whole number');
    const onWatch = await vantage(['watch', 'QmF0Y2g6eA', '--pages', '3', '--server', app.baseUrl]);
    expect(onWatch.code).toBe(2);
    expect(onWatch.stderr).toContain('--pages belongs to analyze');
    const tooMany = await vantage(['analyze', mine.url('/'), '--pages', '501', '--server', app.baseUrl]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/^vantage: .*500/m);
    // Two URLs of one site are one site to a crawl: refused, nothing started.
    const twice = await vantage(['analyze', mine.url('/'), mine.url('/a'), '--pages', '3', '--server', app.baseUrl]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/same site/);
  });
});
