import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSite, type CheckResult } from '../../src/analysis';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { startFixtureSite, type FixturePage, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData } from '../helpers/graphql';
import { capturedLogger } from '../helpers/logs';

/** A small, valid page with the given links (and anything else for its head). */
function page(title: string, links: string[] = [], head = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head>
    <body><h1>${title}</h1><p>Some words about ${title}.</p>${links.map((href) => `<a href="${href}">${href}</a>`).join(' ')}</body></html>`;
}

const SITE_QUERY = `query ($id: ID!) { batch(id: $id) { id status progress targets {
  id url status pagesDiscovered pagesDone error
  pages(first: 100) { totalCount edges { node { url httpStatus indexable excludedReason depth error analysis { overallScore } } } }
  site { overallScore seoScore aeoScore technicalScore indexablePages excludedPages
    issues { checkId title category failingPages warningPages applicablePages examples estimatedGain howToFix } }
} } }`;

interface CrawledPage {
  url: string;
  httpStatus: number | null;
  indexable: boolean;
  excludedReason: string | null;
  depth: number;
  error: string | null;
  analysis: { overallScore: number } | null;
}

const PAGE_CHECKS = `query ($id: ID!) { node(id: $id) { ... on Target {
  pages(first: 100) { edges { node { url indexable analysis { checks { id category weight outcome message } } } } }
} } }`;

describe('crawling a site', () => {
  let app: TestApp;
  const logged = capturedLogger('warn');
  const sites: FixtureSite[] = [];
  const site = async (pages: Record<string, FixturePage>) => {
    const started = await startFixtureSite(pages);
    sites.push(started);
    return started;
  };

  beforeAll(async () => {
    app = await startTestApp({ CRAWL_MAX_PER_HOST: '2' }, { log: logged.log });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all(sites.map((one) => one.close()));
  });

  async function crawl(url: string, maxPagesPerSite: number) {
    const id = await createBatch(app.graphqlUrl, { name: 'crawl', urls: [url], maxPagesPerSite });
    const status = await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED', 'FAILED'], 60_000);
    const { batch } = await graphqlData(app.graphqlUrl, SITE_QUERY, { id });
    expect(status, JSON.stringify(logged.lines)).toBe('COMPLETED');
    const [target] = batch.targets;
    return { batch, target, pages: target.pages.edges.map((edge: { node: CrawledPage }) => edge.node) as CrawledPage[] };
  }

  it('finds pages through robots.txt, a sitemap index and a gzip sitemap', async () => {
    const sitemapOf = (locs: string[], tag: 'urlset' | 'sitemapindex') =>
      `<?xml version="1.0" encoding="UTF-8"?><${tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
      locs.map((loc) => (tag === 'urlset' ? `<url><loc>${loc}</loc></url>` : `<sitemap><loc>${loc}</loc></sitemap>`)).join('') +
      `</${tag}>`;
    const withSitemaps = await site({
      '/': page('Home'),
      '/a': page('A'),
      '/b': page('B'),
      '/c': page('C'),
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\nSitemap: /sitemap_index.xml\n' },
      '/sitemap_index.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' }).end(sitemapOf([`${originOf(res)}/pages.xml.gz`], 'sitemapindex'));
      },
      '/pages.xml.gz': (_req, res) => {
        const origin = originOf(res);
        res.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipSync(sitemapOf(['/a', '/b', '/c'].map((path) => origin + path), 'urlset')));
      },
    });
    const { target, pages } = await crawl(withSitemaps.url('/'), 10);
    expect(pages.map(({ url, depth, indexable }) => ({ url, depth, indexable }))).toEqual([
      { url: withSitemaps.url('/'), depth: 0, indexable: true },
      { url: withSitemaps.url('/a'), depth: 1, indexable: true },
      { url: withSitemaps.url('/b'), depth: 1, indexable: true },
      { url: withSitemaps.url('/c'), depth: 1, indexable: true },
    ]);
    expect(target).toMatchObject({ status: 'SUCCEEDED', pagesDiscovered: 4, pagesDone: 4 });
    expect(target.site).toMatchObject({ indexablePages: 4, excludedPages: 0 });
  });

  it('follows links only on the site, normalised, and lists each excluded page with its reason', async () => {
    const elsewhere = await site({ '/': page('Elsewhere') });
    const fixture = await site({
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /private/\n' },
      '/': page('Home', [
        '/a',
        '/b?utm_source=news&utm_medium=mail',
        '/b#reviews',
        '/c?b=2&a=1',
        '/c?a=1&b=2&gclid=xyz',
        '/doc.pdf',
        '/logo.png',
        'mailto:hello@example.com',
        '/private/x',
        '/old',
        '/away',
        '/dup',
        '/report',
        '/hidden',
        `${elsewhere.origin}/`,
      ]),
      '/a': page('A', ['/', '/b']),
      '/b': page('B', ['/a']),
      '/c': page('C'),
      '/old': { status: 301, headers: { location: '/a' } },
      '/away': (_req, res) => void res.writeHead(302, { location: `${elsewhere.origin}/` }).end(),
      '/dup': page('Dup', [], '<link rel="canonical" href="/a">'),
      '/report': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
      '/hidden': page('Hidden', [], '<meta name="robots" content="noindex">'),
      '/private/x': page('Private'),
      '/doc.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
      '/logo.png': { headers: { 'content-type': 'image/png' }, body: 'png' },
    });
    const { target, pages } = await crawl(fixture.url('/'), 50);
    const byUrl = Object.fromEntries(pages.map((one) => [one.url.slice(fixture.origin.length), one]));
    expect(Object.keys(byUrl).sort()).toEqual(['/', '/a', '/b', '/c?a=1&b=2', '/dup', '/hidden', '/old', '/private/x', '/report', '/away'].sort());
    const indexable = pages.filter((one) => one.indexable).map((one) => one.url.slice(fixture.origin.length));
    expect(indexable.sort()).toEqual(['/', '/a', '/b', '/c?a=1&b=2']);
    expect(byUrl['/private/x']).toMatchObject({ httpStatus: null, excludedReason: 'Blocked by robots.txt', analysis: null });
    expect(byUrl['/old']!.excludedReason).toBe(`Redirects to ${fixture.url('/a')}`);
    expect(byUrl['/away']!.excludedReason).toBe(`Redirects to ${elsewhere.url('/')}`);
    expect(byUrl['/dup']!.excludedReason).toMatch(/canonical/i);
    expect(byUrl['/hidden']!.excludedReason).toMatch(/noindex/i);
    expect(byUrl['/report']).toMatchObject({ excludedReason: 'Not an HTML page', analysis: null });
    expect(byUrl['/report']!.error).toMatch(/not an HTML page/);
    // Neither robots-forbidden pages nor files by their extension were fetched; the other site only through the redirect.
    expect(fixture.requests).not.toContain('/private/x');
    expect(fixture.requests).not.toContain('/doc.pdf');
    expect(fixture.requests).not.toContain('/logo.png');
    expect(elsewhere.requests.filter((path) => path === '/')).toHaveLength(1);
    expect(target).toMatchObject({ pagesDiscovered: 10, pagesDone: 10 });
    expect(target.site).toMatchObject({ indexablePages: 4, excludedPages: 6 });
    // Counted by PostgreSQL, the report is the one reportSite makes of the same pages.
    const { node } = await graphqlData(app.graphqlUrl, PAGE_CHECKS, { id: target.id });
    const withChecks: { node: { url: string; indexable: boolean; analysis: { checks: CheckResult[] } | null } }[] = node.pages.edges;
    const { checks: _counts, ...expected } = reportSite(withChecks.map(({ node: one }) => ({ url: one.url, indexable: one.indexable, checks: one.analysis?.checks ?? null })));
    expect(target.site).toEqual(expected);
    expect(target.site.issues.length).toBeGreaterThan(0);
    for (const issue of target.site.issues) {
      expect(issue.title).not.toBe('');
      expect(issue.howToFix).not.toBe('');
      expect(issue.examples.length).toBeLessThanOrEqual(10);
    }
  });

  it('bounds a spider trap (an endless calendar) by the page budget', async () => {
    const calendar: FixturePage = (req, res) => {
      const month = Number(new URL(req.url!, 'http://x').searchParams.get('month') ?? 0);
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(`Month ${month}`, [`/calendar?month=${month + 1}`, `/calendar?month=${month - 1}`]));
    };
    const fixture = await site({ '/': page('Home', ['/calendar?month=0']), '/calendar': calendar });
    const { batch, target, pages } = await crawl(fixture.url('/'), 12);
    expect(pages).toHaveLength(12);
    expect(target).toMatchObject({ pagesDiscovered: 12, pagesDone: 12 });
    expect(fixture.requests.filter((path) => path === '/calendar')).toHaveLength(11);
    expect(batch.progress).toBe(100);
  });

  it('lists a 404 entry page and follows none of its links; crawls a noindex site with every page excluded', async () => {
    const missing = await site({ '/': { status: 404, body: page('Not found', ['/a']) }, '/a': page('A') });
    const gone = await crawl(missing.url('/'), 10);
    expect(gone.pages.map(({ url, httpStatus, indexable, excludedReason }) => ({ url, httpStatus, indexable, excludedReason }))).toEqual([
      { url: missing.url('/'), httpStatus: 404, indexable: false, excludedReason: 'Answers 404' },
    ]);
    expect(missing.requests).not.toContain('/a');
    expect(gone.target).toMatchObject({ status: 'SUCCEEDED', pagesDiscovered: 1, pagesDone: 1 });
    expect(gone.target.site).toMatchObject({ indexablePages: 0, excludedPages: 1, overallScore: 0, issues: [] });

    const noindex = '<meta name="robots" content="noindex">';
    const hidden = await site({ '/': page('Home', ['/a', '/b'], noindex), '/a': page('A', ['/b'], noindex), '/b': page('B', [], noindex) });
    const { target, pages } = await crawl(hidden.url('/'), 10);
    expect(pages.map(({ url, indexable, excludedReason }) => ({ url, indexable, excludedReason }))).toEqual(
      ['/', '/a', '/b'].map((path) => ({ url: hidden.url(path), indexable: false, excludedReason: 'Marked noindex by a robots meta tag' })),
    );
    expect(target.site).toMatchObject({ indexablePages: 0, excludedPages: 3 });
  });

  it('gives the entry page the target\'s attempts: a dropped connection is tried again, and the crawl goes on', async () => {
    let dropped = false;
    const fixture = await site({
      '/': (_req, res) => {
        if (dropped) return void res.writeHead(200, { 'content-type': 'text/html' }).end(page('Home', ['/a']));
        dropped = true;
        res.destroy();
      },
      '/a': page('A'),
    });
    const { batch } = await crawl(fixture.url('/'), 5);
    const { batch: attempts } = await graphqlData(app.graphqlUrl, `query ($id: ID!) { batch(id: $id) { targets { attempts } } }`, { id: batch.id });
    expect(attempts.targets[0].attempts).toBe(2);
    expect(batch.targets[0]).toMatchObject({ status: 'SUCCEEDED', pagesDiscovered: 2, pagesDone: 2 });
  });

  it('refuses two URLs of one site in a crawling batch, and a budget beyond MAX_PAGES_PER_SITE, writing nothing', async () => {
    const before = await graphqlData(app.graphqlUrl, `{ batches(first: 100) { edges { node { id } } } }`);
    const twice = await graphql(app.graphqlUrl, `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`, {
      input: { name: 'twice', urls: ['https://example.com/', 'https://www.example.com/pricing'], maxPagesPerSite: 5 },
    });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'urls' });
    expect(twice.errors?.[0]?.message).toMatch(/same site/);
    const tooMany = await graphql(app.graphqlUrl, `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`, {
      input: { name: 'big', urls: ['example.com'], maxPagesPerSite: 501 },
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxPagesPerSite' });
    const after = await graphqlData(app.graphqlUrl, `{ batches(first: 100) { edges { node { id } } } }`);
    expect(after.batches.edges).toHaveLength(before.batches.edges.length);
    // Without a crawl, pages of one site stay separate targets, as before.
    const pages = await graphql(app.graphqlUrl, `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id maxPagesPerSite } }`, {
      input: { name: 'pages', urls: ['https://example.com/', 'https://www.example.com/pricing'] },
    });
    expect(pages.errors).toBeUndefined();
  });
});

function originOf(res: { req: { headers: { host?: string } } }): string {
  return `http://${res.req.headers.host}`;
}
