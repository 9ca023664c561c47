import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError, createAnalyzer, type Analyzer, type HostLookup, type OriginFiles } from '../../src/analysis';
import { refusalReason } from '../../src/analysis/fetch/addressPolicy';
import { html, startFixtureServer, type FixtureServer } from './fixtureServer';

/** Test DNS: every name the tests use, and an error for any other (no real DNS query). */
function mapLookup(table: Record<string, string[]>): HostLookup {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw new Error(`test lookup: unknown host ${hostname}`);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

/**
 * A listener on ::1 that only counts connections, to prove none reaches it. Without it the IPv6
 * cases could not tell a refusal from a connection, so a machine without ::1 fails here, saying so.
 */
async function startIpv6Listener(port: number): Promise<{ server: Server; connections: () => number }> {
  let connections = 0;
  const server = createServer((_request, response) => response.end('reached'));
  server.on('connection', () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(new Error(`The SSRF tests need an IPv6 loopback: listening on [::1]:${port} failed (${error.message}).`)),
    );
    server.listen(port, '::1', resolve);
  });
  return { server, connections: () => connections };
}

let target: FixtureServer;
let allowedSite: FixtureServer;
let ipv6: Awaited<ReturnType<typeof startIpv6Listener>>;
let guarded: Analyzer;
let lookup: HostLookup;

const noOriginFiles = (origin: string): OriginFiles => ({ origin, robotsTxt: null, llmsTxt: null, sitemap: null });

beforeAll(async () => {
  target = await startFixtureServer({ '/': html('<title>internal admin</title>') });
  ipv6 = await startIpv6Listener(target.port);
  allowedSite = await startFixtureServer();
  lookup = mapLookup({
    'evil.test': ['127.0.0.1'],
    'evil6.test': ['::1'],
    'localhost': ['127.0.0.1'],
    'mixed.test': ['127.0.0.1', '10.0.0.1'],
    'mapped.test': ['::ffff:127.0.0.1'],
    'public.test': ['127.0.0.1'],
  });
  guarded = createAnalyzer({ lookup, allowPrivateHosts: ['public.test'], threads: 1, timeoutMs: 2000 });
});

afterAll(async () => {
  await guarded.close();
  await target.close();
  await allowedSite.close();
  if (ipv6) await new Promise((resolve) => ipv6.server.close(resolve));
});

describe('SSRF guard (allowPrivate unset)', () => {
  const tricks: [string, (port: number) => string, RegExp][] = [
    ['loopback literal', (port) => `http://127.0.0.1:${port}/`, /127\.0\.0\.1 is a loopback address/],
    ['short form 127.1', (port) => `http://127.1:${port}/`, /loopback/],
    ['decimal 2130706433', (port) => `http://2130706433:${port}/`, /loopback/],
    ['hex 0x7f.1', (port) => `http://0x7f.1:${port}/`, /loopback/],
    ['hex 0x7f000001', (port) => `http://0x7f000001:${port}/`, /loopback/],
    ['octal 0177.0.0.1', (port) => `http://0177.0.0.1:${port}/`, /loopback/],
    ['IPv6 loopback [::1]', (port) => `http://[::1]:${port}/`, /::1 is a loopback address/],
    ['IPv4-mapped IPv6 [::ffff:127.0.0.1]', (port) => `http://[::ffff:127.0.0.1]:${port}/`, /loopback/],
    ['IPv4-compatible IPv6 [::127.0.0.1]', (port) => `http://[::127.0.0.1]:${port}/`, /IPv4-compatible/],
    ['unspecified 0.0.0.0', (port) => `http://0.0.0.0:${port}/`, /unspecified/],
    ['unspecified [::]', (port) => `http://[::]:${port}/`, /unspecified/],
    ['hostname resolving to loopback', (port) => `http://evil.test:${port}/`, /evil\.test resolves to 127\.0\.0\.1, a loopback address/],
    ['localhost', (port) => `http://localhost:${port}/`, /localhost resolves to 127\.0\.0\.1/],
    ['hostname resolving to ::1', (port) => `http://evil6.test:${port}/`, /evil6\.test resolves to ::1/],
    ['hostname resolving to an IPv4-mapped loopback', (port) => `http://mapped.test:${port}/`, /mapped\.test resolves to ::ffff:127\.0\.0\.1/],
    ['hostname with several addresses, one private', (port) => `http://mixed.test:${port}/`, /mixed\.test resolves to 127\.0\.0\.1/],
  ];

  it.each(tricks)('refuses %s without connecting', async (_name, urlFor, reason) => {
    const url = urlFor(target.port);
    const error = await guarded.analyze(url, noOriginFiles(new URL(url).origin)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnalysisError);
    expect((error as AnalysisError).message).toMatch(/^Refused to fetch /);
    expect((error as AnalysisError).message).toMatch(reason);
    expect((error as AnalysisError).message).toMatch(/Vantage only fetches public internet addresses\.$/);
    expect((error as AnalysisError).retryable).toBe(false);
    expect(target.connections).toBe(0);
    expect(ipv6.connections()).toBe(0);
  });

  it('refuses a redirect from an allowed host to a private address, re-checking at the hop', async () => {
    allowedSite.route('/to-literal', (_request, response) => {
      response.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end();
    });
    allowedSite.route('/to-name', (_request, response) => {
      response.writeHead(301, { location: `http://evil.test:${target.port}/` }).end();
    });
    for (const path of ['/to-literal', '/to-name']) {
      const url = `http://public.test:${allowedSite.port}${path}`;
      const error = await guarded.analyze(url, noOriginFiles(new URL(url).origin)).catch((caught: unknown) => caught);
      expect((error as AnalysisError).message).toMatch(/^Refused to fetch .*loopback address/);
    }
    expect(allowedSite.requests).toEqual(['/to-literal', '/to-name']);
    expect(target.connections).toBe(0);
  });

  it('refuses non-http schemes', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://127.0.0.1:70/']) {
      await expect(guarded.analyze(url, noOriginFiles('http://example.com'))).rejects.toThrow(/Only http and https URLs/);
    }
  });

  it('records refused origin files as null without connecting', async () => {
    const files = await guarded.fetchOriginFiles(`http://evil.test:${target.port}`);
    expect(files).toEqual({ origin: `http://evil.test:${target.port}`, robotsTxt: null, llmsTxt: null, sitemap: null });
    expect(target.connections).toBe(0);
  });
});

describe('address policy', () => {
  it.each([
    ['10.0.0.1', 'private-network'],
    ['172.16.5.4', 'private-network'],
    ['192.168.1.1', 'private-network'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['0.0.0.0', 'an unspecified address'],
    ['::ffff:0.0.0.0', 'an unspecified address'],
    ['fc00::1', 'unique local'],
    ['fd00:ec2::254', 'unique local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'a private-network address'],
    ['64:ff9b::a9fe:a9fe', 'NAT64'],
    ['2002:a9fe:a9fe::1', '6to4'],
    ['2001:db8::1', 'reserved'],
    ['::7f00:1', 'IPv4-compatible'],
    ['not-an-ip', 'not a valid IP address'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(refusalReason(address)).toContain(reason);
  });

  it.each(['8.8.8.8', '93.184.215.14', '2606:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (address) => {
    expect(refusalReason(address)).toBeNull();
  });
});

describe('allowPrivate=true', () => {
  it('fetches loopback addresses and names resolving to them', async () => {
    const open = createAnalyzer({ allowPrivate: true, lookup, threads: 1 });
    try {
      for (const url of [`http://127.0.0.1:${target.port}/`, `http://evil.test:${target.port}/`, `http://2130706433:${target.port}/`]) {
        const report = await open.analyze(url, noOriginFiles(new URL(url).origin));
        expect(report.title).toBe('internal admin');
      }
    } finally {
      await open.close();
    }
    expect(target.connections).toBeGreaterThan(0);
  });

  it("refuses ports browsers refuse (the Fetch standard's bad ports), at a redirect hop too, without connecting", async () => {
    const open = createAnalyzer({ allowPrivate: true, lookup, threads: 1 });
    allowedSite.route('/to-smtp', (_request, response) => {
      response.writeHead(302, { location: 'http://127.0.0.1:25/' }).end();
    });
    try {
      for (const [url, port] of [
        ['http://127.0.0.1:0/', 0],
        ['http://127.0.0.1:25/', 25],
        [`http://public.test:${allowedSite.port}/to-smtp`, 25],
      ] as const) {
        const error = await open.analyze(url, noOriginFiles(new URL(url).origin)).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AnalysisError);
        expect((error as AnalysisError).message).toBe(
          `Refused to fetch 127.0.0.1:${port}: port ${port} belongs to a service other than the web (browsers refuse it too).`,
        );
        expect((error as AnalysisError).retryable).toBe(false);
      }
    } finally {
      await open.close();
    }
  });
});
