import { gzipSync } from 'node:zlib';
import { page } from './analyzeFixture';
import type { CheckCase } from './checkCases.seo';

const sitemapXml = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/</loc></url></urlset>';
const sitemapFile = (body: string, status = 200) => ({ sitemap: { url: 'https://example.com/sitemap.xml', status, body } });
const bigPage = (bytes: number) => page({ body: `<p>${'lorem ipsum '.repeat(Math.ceil(bytes / 12))}</p>` });

export const TECHNICAL_CASES: CheckCase[] = [
  { id: 'https', name: 'plain HTTP fixture', fixture: { body: page({}) }, outcome: 'FAIL', message: /plain HTTP/ },

  { id: 'response-time', name: 'fast', fixture: { body: page({}) }, outcome: 'PASS', message: /answered in \d+ ms/ },
  {
    id: 'response-time',
    name: 'slow headers',
    fixture: {
      handler: (_request, response) => {
        setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(page({})), 700);
      },
    },
    outcome: 'WARN',
    message: /took \d+ ms to answer; under 600 ms is good/,
  },

  { id: 'page-weight', name: 'small', fixture: { body: page({}) }, outcome: 'PASS', message: /weighs \d+ bytes/ },
  { id: 'page-weight', name: 'heavy', fixture: { body: bigPage(800 * 1024) }, outcome: 'WARN', message: /weighs 800 KB/ },
  { id: 'page-weight', name: 'too heavy', fixture: { body: bigPage(2.5 * 1024 * 1024) }, outcome: 'FAIL', message: /weighs 2\.5 MB; crawlers may not read all of it/ },

  {
    id: 'compression',
    name: 'gzip',
    fixture: {
      handler: (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(bigPage(20_000)));
      },
    },
    outcome: 'PASS',
    message: /compressed \(gzip\)/,
  },
  { id: 'compression', name: 'uncompressed', fixture: { body: bigPage(20_000) }, outcome: 'FAIL', message: /\(20 KB\) is sent uncompressed/ },
  { id: 'compression', name: 'tiny page', fixture: { body: '<html><title>t</title></html>' }, outcome: 'NOT_APPLICABLE', message: /only \d+ bytes/ },

  { id: 'redirect-chain', name: 'direct', fixture: { body: page({}) }, outcome: 'PASS', message: /without redirects/ },

  { id: 'sitemap', name: 'declared', fixture: { body: page({}), origin: { ...sitemapFile(sitemapXml), robotsTxt: { url: 'r', status: 200, body: 'User-agent: *\nAllow: /\nSitemap: https://example.com/sitemap.xml' } } }, outcome: 'PASS', message: /declared in robots\.txt/ },
  { id: 'sitemap', name: 'undeclared', fixture: { body: page({}), origin: sitemapFile(sitemapXml) }, outcome: 'WARN', message: /does not point to it/ },
  { id: 'sitemap', name: 'missing', fixture: { body: page({}) }, outcome: 'FAIL', message: /answered HTTP 404/ },
  { id: 'sitemap', name: 'not a sitemap', fixture: { body: page({}), origin: sitemapFile('<html>oops</html>') }, outcome: 'FAIL', message: /is not a sitemap/ },
];
