import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer, type HostLookup } from '../../src/analysis';
import { MAX_SITEMAP_DEPTH } from '../../src/analysis/crawl/sitemaps';
import { startFixtureServer, text, type FixtureServer, type Handler } from './fixtureServer';

const urlset = (locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
  locs.map((loc) => `<url><loc>${loc}</loc><lastmod>2026-01-01</lastmod></url>`).join('') +
  `</urlset>`;
const sitemapIndex = (locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
  locs.map((loc) => `<sitemap><loc>${loc}</loc></sitemap>`).join('') +
  `</sitemapindex>`;
const xml = (body: string): Handler => text(body, 'application/xml');
const gzipFile = (body: string): Handler => (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipSync(body));
};

let analyzer: Analyzer;
let site: FixtureServer;
beforeAll(() => {
  analyzer = createAnalyzer({ allowPrivate: true, threads: 1, timeoutMs: 5000 });
});
afterAll(() => analyzer.close());
afterEach(() => site.close());

/** A fresh site per test (routes made from its origin), its origin files fetched as a crawl job would. */
async function discover(routes: (origin: string) => Record<string, Handler>, limit = 100) {
  site = await startFixtureServer();
  for (const [path, handler] of Object.entries(routes(site.origin))) site.route(path, handler);
  const originFiles = await analyzer.fetchOriginFiles(site.origin);
  return analyzer.discoverPages(`${site.origin}/`, originFiles, limit);
}

describe('discoverPages from sitemaps', () => {
  it('follows robots.txt Sitemap: lines into an index, a gzip sitemap and a relative line; normalises, de-duplicates, filters', async () => {
    const pages = await discover((origin) => ({
      '/robots.txt': text(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap-index.xml\nSitemap: /more.xml\n`),
      '/sitemap-index.xml': xml(sitemapIndex([`${origin}/pages.xml.gz`, '/posts.xml'])),
      '/pages.xml.gz': gzipFile(urlset([`${origin}/`, `${origin}/about`, `${origin}/report.pdf`, `${origin}/about#team`])),
      '/posts.xml': xml(
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">` +
          `<url><loc> ${origin}/posts?b=2&amp;a=1&amp;utm_source=feed </loc><image:image><image:loc>${origin}/cover.jpg</image:loc></image:image></url>` +
          `<url><loc><![CDATA[${origin}/posts/first]]></loc></url>` +
          `<url><loc>https://elsewhere.example/page</loc></url>` +
          `<url><loc>${origin}/posts?a=1&amp;b=2</loc></url>` +
          `</urlset>`,
      ),
      '/more.xml': xml(urlset([`${origin}/about`, `${origin}/contact`])),
    }));
    expect(pages).toEqual([
      `${site.origin}/`,
      `${site.origin}/about`,
      `${site.origin}/posts?a=1&b=2`,
      `${site.origin}/posts/first`,
      `${site.origin}/contact`,
    ]);
    // fetchOriginFiles read the first declared sitemap; discovery does not fetch it again.
    expect(site.requests.filter((path) => path === '/sitemap-index.xml')).toHaveLength(1);
  });

  it('reads /sitemap.xml when robots.txt declares none', async () => {
    const pages = await discover((origin) => ({
      '/robots.txt': text('User-agent: *\nDisallow:\n'),
      '/sitemap.xml': xml(urlset([`${origin}/a`, `${origin}/b`])),
    }));
    expect(pages).toEqual([`${site.origin}/a`, `${site.origin}/b`]);
  });

  it('reads a text sitemap, one URL a line', async () => {
    const pages = await discover((origin) => ({
      '/sitemap.xml': text(`${origin}/one\n\n${origin}/two\r\n`),
    }));
    expect(pages).toEqual([`${site.origin}/one`, `${site.origin}/two`]);
  });

  it('stops at the limit without fetching sitemaps it no longer needs', async () => {
    const pages = await discover(
      (origin) => ({
        '/sitemap.xml': xml(sitemapIndex([`${origin}/first.xml`, `${origin}/second.xml`])),
        '/first.xml': xml(urlset([`${origin}/1`, `${origin}/2`, `${origin}/3`, `${origin}/4`])),
        '/second.xml': xml(urlset([`${origin}/5`])),
      }),
      3,
    );
    expect(pages).toEqual([`${site.origin}/1`, `${site.origin}/2`, `${site.origin}/3`]);
    expect(site.requests).not.toContain('/second.xml');
  });

  it(`follows indexes ${MAX_SITEMAP_DEPTH} levels deep, not further, and not in circles`, async () => {
    const pages = await discover((origin) => ({
      '/sitemap.xml': xml(sitemapIndex([`${origin}/sitemap.xml`, `${origin}/level-1.xml`])),
      '/level-1.xml': xml(sitemapIndex([`${origin}/level-2.xml`, `${origin}/level-2-index.xml`])),
      '/level-2.xml': xml(urlset([`${origin}/found`])),
      '/level-2-index.xml': xml(sitemapIndex([`${origin}/level-3.xml`])),
      '/level-3.xml': xml(urlset([`${origin}/too-deep`])),
    }));
    expect(pages).toEqual([`${site.origin}/found`]);
    expect(site.requests).not.toContain('/level-3.xml');
    expect(site.requests.filter((path) => path === '/sitemap.xml')).toHaveLength(1);
  });

  it('finds nothing, without throwing, in broken, missing, non-sitemap and corrupt gzip files; keeps what precedes a cut', async () => {
    const pages = await discover((origin) => ({
      '/robots.txt': text(
        ['/missing.xml', '/garbage.xml', '/html.xml', '/corrupt.xml.gz', '/cut.xml', '/wrong-root.xml']
          .map((path) => `Sitemap: ${origin}${path}`)
          .join('\n'),
      ),
      '/garbage.xml': xml('<<<>>> not <xml at all'),
      '/html.xml': text('<!doctype html><html><body><a href="/x">x</a></body></html>', 'text/html'),
      '/corrupt.xml.gz': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/gzip' }).end(Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5, 6, 7]));
      },
      '/cut.xml': xml(`<urlset><url><loc>${origin}/before-the-cut</loc></url><url><loc>${origin}/aft`),
      '/wrong-root.xml': xml(`<feed><url><loc>${origin}/not-a-sitemap-entry</loc></url></feed>`),
    }));
    expect(pages).toEqual([`${site.origin}/before-the-cut`]);
  });

  it('finds nothing when the origin has no sitemap at all', async () => {
    expect(await discover(() => ({}))).toEqual([]);
  });
});

describe('discoverPages keeps the fetcher guard', () => {
  it('does not fetch a sitemap an index names on a private address', async () => {
    const internal = await startFixtureServer({ '/secret.xml': xml(urlset(['http://internal.test/admin'])) });
    site = await startFixtureServer();
    const lookup: HostLookup = async (hostname) => {
      if (hostname !== 'site.test' && hostname !== 'internal.test') throw new Error(`test lookup: unknown host ${hostname}`);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const guarded = createAnalyzer({ lookup, allowPrivateHosts: ['site.test'], threads: 1, timeoutMs: 2000 });
    try {
      const origin = `http://site.test:${site.port}`;
      site.route('/sitemap.xml', xml(sitemapIndex([`http://internal.test:${internal.port}/secret.xml`, `${origin}/pages.xml`])));
      site.route('/pages.xml', xml(urlset([`${origin}/public`])));
      const pages = await guarded.discoverPages(`${origin}/`, await guarded.fetchOriginFiles(origin), 10);
      expect(pages).toEqual([`${origin}/public`]);
      expect(internal.connections).toBe(0);
    } finally {
      await guarded.close();
      await internal.close();
    }
  });
});
