import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError, createAnalyzer, type Analyzer, type OriginFiles } from '../../src/analysis';
import { checkOf } from './analyzeFixture';
import { html, startFixtureServer, text, type FixtureServer } from './fixtureServer';

const MAX_BYTES = 1024 * 1024;
let server: FixtureServer;
let analyzer: Analyzer;
const openIntervals = new Set<NodeJS.Timeout>();

const originFiles = (overrides: Partial<OriginFiles> = {}): OriginFiles => ({
  origin: server.origin,
  robotsTxt: null,
  llmsTxt: null,
  sitemap: null,
  ...overrides,
});

async function failure(path: string, files = originFiles()): Promise<AnalysisError> {
  const error = await analyzer.analyze(`${server.origin}${path}`, files).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AnalysisError);
  return error as AnalysisError;
}

/** Writes `chunk` every `everyMs` until the client goes away. */
function drip(chunk: Buffer | string, everyMs: number) {
  return (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const interval = setInterval(() => response.write(chunk), everyMs);
    openIntervals.add(interval);
    response.on('close', () => {
      clearInterval(interval);
      openIntervals.delete(interval);
    });
  };
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/ok': html('<html lang="en"><title>Still serving</title></html>'),
    '/slow-drip': drip('<p>x</p>', 50),
    '/no-headers': () => {},
    '/endless': drip(Buffer.alloc(64 * 1024, 'a'), 1),
    '/gzip-bomb': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(64 * MAX_BYTES)));
    },
    '/brotli-bomb': (_request, response) => {
      const bomb = brotliCompressSync(Buffer.alloc(64 * MAX_BYTES), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(bomb);
    },
    '/corrupt-gzip': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('this is not gzip');
    },
    '/compress': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'compress' }).end('x');
    },
    '/loop-a': (_request, response) => response.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_request, response) => response.writeHead(302, { location: '/loop-a' }).end(),
    '/json': text('{"not":"html"}', 'application/json'),
    '/pdf': text('%PDF-1.4', 'application/pdf'),
    '/private/page': html('<title>secret</title>'),
    '/to-private': (_request, response) => response.writeHead(301, { location: '/private/page' }).end(),
    '/latin1-meta': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from('<meta charset="iso-8859-1"><title>Caf\xe9 cr\xe8me</title>', 'latin1'));
    },
    '/wrong-header-bom': (_request, response) => {
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<title>Ünïcödé</title>', 'utf8')]);
      response.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(body);
    },
    '/bogus-charset': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=no-such-charset' }).end('<title>Plain ASCII</title>');
    },
    '/no-content-type': (_request, response) => response.end('<title>Sniffed</title>'),
  });
  for (let hop = 1; hop <= 7; hop++) {
    server.route(`/hop-${hop}`, (_request, response) => response.writeHead(302, { location: `/hop-${hop + 1}` }).end());
  }
  server.route('/chain-start', (_request, response) => response.writeHead(301, { location: '/chain-mid' }).end());
  server.route('/chain-mid', (_request, response) => response.writeHead(308, { location: '/ok' }).end());
  analyzer = createAnalyzer({ allowPrivate: true, threads: 1, maxBytes: MAX_BYTES, timeoutMs: 1000, bodyTimeoutMs: 600 });
});

afterAll(async () => {
  for (const interval of openIntervals) clearInterval(interval);
  await analyzer.close();
  await server.close();
});

describe('hostile servers', () => {
  it('ends a slow-drip body at the body deadline, as retryable', async () => {
    const error = await failure('/slow-drip');
    expect(error.message).toMatch(/^Timed out fetching .*\/slow-drip: the body did not finish within 600 ms\.$/);
    expect(error.retryable).toBe(true);
  });

  it('ends a server that never answers at the headers timeout, as retryable', async () => {
    const error = await failure('/no-headers');
    expect(error.message).toMatch(/^Timed out fetching .*\/no-headers/);
    expect(error.retryable).toBe(true);
  });

  it.each(['/endless', '/gzip-bomb', '/brotli-bomb'])('stops %s at the decoded byte cap', async (path) => {
    const error = await failure(path);
    expect(error.message).toBe(`Could not analyse ${server.origin}${path}: the page is larger than 1 MB once decompressed.`);
    expect(error.retryable).toBe(false);
  });

  it('rejects a corrupt compressed body and an unknown Content-Encoding', async () => {
    expect((await failure('/corrupt-gzip')).message).toMatch(/its compressed body is corrupt/);
    expect((await failure('/compress')).message).toMatch(/unsupported Content-Encoding: compress/);
  });

  it('ends a redirect loop with the loop spelled out', async () => {
    const error = await failure('/loop-a');
    expect(error.message).toBe(`Redirect loop: ${server.origin}/loop-a -> ${server.origin}/loop-b -> ${server.origin}/loop-a.`);
    expect(error.retryable).toBe(false);
  });

  it('stops after 5 redirects', async () => {
    const error = await failure('/hop-1');
    expect(error.message).toMatch(/^More than 5 redirects: .*\/hop-1 -> .*\/hop-7\.$/);
  });

  it('records the redirect chain of a page it analyses', async () => {
    const report = await analyzer.analyze(`${server.origin}/chain-start`, originFiles());
    expect(report.finalUrl).toBe(`${server.origin}/ok`);
    expect(report.redirectChain).toEqual([`${server.origin}/chain-start`, `${server.origin}/chain-mid`]);
    expect(checkOf(report, 'redirect-chain')).toEqual({
      outcome: 'WARN',
      message: `2 redirects before the page: ${server.origin}/chain-start → ${server.origin}/chain-mid → ${server.origin}/ok; link to the final URL.`,
    });
  });

  it.each([
    ['/json', 'application/json'],
    ['/pdf', 'application/pdf'],
  ])('refuses the non-HTML %s', async (path, type) => {
    const error = await failure(path);
    expect(error.message).toBe(`${server.origin}${path} is not an HTML page (Content-Type: ${type}).`);
    expect(error.retryable).toBe(false);
  });

  it('refuses a page robots.txt forbids to VantageBot, also when reached by a redirect', async () => {
    const files = originFiles({
      robotsTxt: { url: `${server.origin}/robots.txt`, status: 200, body: 'User-agent: VantageBot\nDisallow: /private/\n' },
    });
    const before = server.requests.length;
    const direct = await failure('/private/page', files);
    expect(direct.message).toBe(
      `robots.txt of ${server.origin} forbids VantageBot/0.1.0 to fetch ${server.origin}/private/page (line 2); Vantage respects it.`,
    );
    expect(direct.retryable).toBe(false);
    expect((await failure('/to-private', files)).message).toMatch(/forbids VantageBot\/0\.1\.0 to fetch .*\/private\/page/);
    expect(server.requests.slice(before)).toEqual(['/to-private']);
  });

  it.each([
    ['/latin1-meta', 'Café crème', 'windows-1252'],
    ['/wrong-header-bom', 'Ünïcödé', 'UTF-8'],
    ['/bogus-charset', 'Plain ASCII', 'windows-1252'],
    ['/no-content-type', 'Sniffed', 'windows-1252'],
  ])('analyses %s with the right characters', async (path, title, charset) => {
    const report = await analyzer.analyze(`${server.origin}${path}`, originFiles());
    expect(report.title).toBe(title);
    expect(report.charset).toBe(charset);
  });

  it('keeps serving: the analyzer and the server work after every hostile case', async () => {
    const report = await analyzer.analyze(`${server.origin}/ok`, originFiles());
    expect(report.title).toBe('Still serving');
  });

  it('reports a closed port as retryable', async () => {
    const closed = await startFixtureServer();
    const origin = closed.origin;
    await closed.close();
    const error = (await analyzer.analyze(`${origin}/`, originFiles()).catch((caught: unknown) => caught)) as AnalysisError;
    expect(error.message).toMatch(/^Could not fetch .*: connect ECONNREFUSED/);
    expect(error.retryable).toBe(true);
  });
});

describe('origin files', () => {
  it('fetches robots.txt, llms.txt and the sitemap robots.txt declares (gzipped)', async () => {
    const site = await startFixtureServer({
      '/robots.txt': text('User-agent: *\nAllow: /\nSitemap: /maps/site.xml.gz\n'),
      '/llms.txt': text('# Site\n\n- [Docs](https://example.com/docs)\n', 'text/markdown'),
      '/maps/site.xml.gz': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipSync('<urlset><url><loc>/</loc></url></urlset>'));
      },
    });
    try {
      const files = await analyzer.fetchOriginFiles(`${site.origin}/some/page?x=1`);
      expect(files.origin).toBe(site.origin);
      expect(files.robotsTxt).toMatchObject({ status: 200, body: expect.stringContaining('Sitemap:') });
      expect(files.llmsTxt).toMatchObject({ status: 200, body: expect.stringContaining('# Site') });
      expect(files.sitemap).toEqual({ url: `${site.origin}/maps/site.xml.gz`, status: 200, body: '<urlset><url><loc>/</loc></url></urlset>' });
      expect(site.requests.filter((path) => path === '/sitemap.xml')).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('falls back to /sitemap.xml and records missing files with their status', async () => {
    const site = await startFixtureServer({ '/sitemap.xml': text('<urlset></urlset>', 'application/xml') });
    try {
      const files = await analyzer.fetchOriginFiles(site.origin);
      expect(files.robotsTxt?.status).toBe(404);
      expect(files.llmsTxt?.status).toBe(404);
      expect(files.sitemap).toEqual({ url: `${site.origin}/sitemap.xml`, status: 200, body: '<urlset></urlset>' });
    } finally {
      await site.close();
    }
  });
});
