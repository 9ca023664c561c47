import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { fixtureSites, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { capturedLogger } from '../helpers/logs';

/** A complete page: title, description, language, one h1, an image with alt text and the given links. */
function richPage(title: string, links: string[] = [], head = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title} of a well kept site</title>
    <meta name="description" content="${title}: a page that says what it offers in a sentence long enough to be read.">
    <meta name="viewport" content="width=device-width, initial-scale=1">${head}</head>
    <body><h1>${title}</h1><img src="/photo.png" alt="A photo of ${title}"><p>Some words about ${title}.</p>
    ${links.map((href) => `<a href="${href}">${href}</a>`).join(' ')}</body></html>`;
}

/** A neglected page: no title, description, language or h1, and an image without alt text. */
function poorPage(links: string[] = []): string {
  return `<html><head></head><body><img src="/photo.png"><p>Words.</p>${links.map((href) => `<a href="${href}">${href}</a>`).join(' ')}</body></html>`;
}

const QUERY = `query ($id: ID!) { batch(id: $id) { status
  targets { url site { overallScore indexablePages issues { checkId failingPages warningPages estimatedGain } } }
  comparison {
    ranking { rank indexable excludedReason overallScore target { url } }
    checks { checkId passedBy { url } warnedBy { url } failedBy { url } passRates { target { url } rate } }
    gaps { checkId subjectOutcome pagesAffected estimatedGain competitors { url } }
    insights { title body }
  }
} }`;

interface Ranked {
  rank: number;
  indexable: boolean;
  excludedReason: string | null;
  overallScore: number;
  target: { url: string };
}

describe('comparing crawled sites', () => {
  let app: TestApp;
  const logged = capturedLogger('warn');
  const sites = fixtureSites();
  const site = sites.start;

  beforeAll(async () => {
    app = await startTestApp({}, { log: logged.log });
  });
  afterAll(async () => {
    await app?.close();
    await sites.closeAll();
  });

  it('ranks sites by their reports, sites whose entry page is 404 or noindex last, with pass rates and gaps per site', async () => {
    // The subject: an indexable home page, and three neglected pages with images lacking alt text.
    const mine = await site({ '/': richPage('Mine', ['/a', '/b', '/c']), '/a': poorPage(['/']), '/b': poorPage(), '/c': poorPage() });
    const rival = await site({ '/': richPage('Rival', ['/a', '/b']), '/a': richPage('Rival A'), '/b': richPage('Rival B') });
    // Better sites than the subject, whose front doors search engines drop.
    // An error page's links are not followed: the 404 site's other pages are found through its sitemap.
    const gone = await site({
      '/': { status: 404, body: richPage('Gone', ['/a', '/b']) },
      '/a': richPage('Gone A'),
      '/b': richPage('Gone B'),
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' },
      '/sitemap.xml': (req, res) => {
        const origin = `http://${req.headers.host}`;
        res.writeHead(200, { 'content-type': 'application/xml' }).end(
          `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/a</loc></url><url><loc>${origin}/b</loc></url></urlset>`,
        );
      },
    });
    const hidden = await site({
      '/': richPage('Hidden', ['/a', '/b'], '<meta name="robots" content="noindex">'),
      '/a': richPage('Hidden A'),
      '/b': richPage('Hidden B'),
    });
    const urls = [mine, rival, gone, hidden].map((one) => one.url('/'));
    const id = await createBatch(app.graphqlUrl, { name: 'sites', urls, subjectUrl: mine.url('/'), maxPagesPerSite: 10 });
    expect(await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED', 'FAILED'], 60_000), JSON.stringify(logged.lines)).toBe('COMPLETED');
    const { batch } = await graphqlData(app.graphqlUrl, QUERY, { id });
    const siteOf = (url: string) => batch.targets.find((target: { url: string }) => target.url === url).site;
    expect(siteOf(mine.url('/')).indexablePages).toBe(4);

    const ranking = batch.comparison.ranking as Ranked[];
    const entry = (fixture: FixtureSite) => ranking.find((one) => one.target.url === fixture.url('/'))!;
    // Site scores, not the entry pages': each entry is the site report's overall score.
    for (const fixture of [mine, rival, gone, hidden]) expect(entry(fixture).overallScore).toBe(siteOf(fixture.url('/')).overallScore);
    expect(entry(gone).overallScore).toBeGreaterThan(entry(mine).overallScore);
    expect(entry(hidden).overallScore).toBeGreaterThan(entry(mine).overallScore);
    expect(ranking.map((one) => one.target.url).slice(0, 2)).toEqual([rival.url('/'), mine.url('/')]);
    expect(entry(gone)).toMatchObject({ indexable: false, excludedReason: 'Answers 404' });
    expect(entry(hidden)).toMatchObject({ indexable: false, excludedReason: expect.stringMatching(/noindex/) });
    expect(Math.min(entry(gone).rank, entry(hidden).rank)).toBeGreaterThan(entry(mine).rank);

    // The check matrix: image alt text passes on 1 of the subject's 4 pages (more fail than pass: FAIL), on every page elsewhere.
    const imageAlt = batch.comparison.checks.find((row: { checkId: string }) => row.checkId === 'image-alt');
    const urlsOf = (list: { url: string }[]) => list.map((target) => target.url);
    expect(urlsOf(imageAlt.failedBy)).toEqual([mine.url('/')]);
    expect(urlsOf(imageAlt.passedBy)).toEqual([rival.url('/'), gone.url('/'), hidden.url('/')]);
    expect(imageAlt.passRates.map(({ target, rate }: { target: { url: string }; rate: number }) => [target.url, rate])).toEqual([
      [mine.url('/'), 0.25],
      [rival.url('/'), 1],
      [gone.url('/'), 1],
      [hidden.url('/'), 1],
    ]);

    // The gap: three of the subject's pages, worth what the subject's site issue says; only the indexable rival to follow.
    const issue = siteOf(mine.url('/')).issues.find((one: { checkId: string }) => one.checkId === 'image-alt');
    expect(issue).toMatchObject({ failingPages: 3, warningPages: 0 });
    const gap = batch.comparison.gaps.find((one: { checkId: string }) => one.checkId === 'image-alt');
    expect(gap).toMatchObject({ subjectOutcome: 'FAIL', pagesAffected: 3, estimatedGain: issue.estimatedGain, competitors: [{ url: rival.url('/') }] });
    const gains = batch.comparison.gaps.map((one: { estimatedGain: number }) => one.estimatedGain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(batch.comparison.gaps.some((one: { pagesAffected: number }) => one.pagesAffected > 1)).toBe(true);

    // Insights count sites, and say it is the entry page that is not indexable.
    const text = batch.comparison.insights.map((insight: { title: string; body: string }) => `${insight.title} ${insight.body}`).join('\n');
    expect(text).toMatch(/competitor sites?/);
    expect(text).toContain('(entry page: Answers 404)');
  });
});
