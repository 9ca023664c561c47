import { formatBytes } from '#shared/format';
import { headerValues } from '../page/model';
import { declaredSitemaps } from '../robots';
import { fail, notApplicable, pass, plural, warn, type Check } from './check';

export const https: Check = {
  id: 'https',
  category: 'TECHNICAL',
  weight: 3,
  title: 'HTTPS',
  howToFix: 'Serve the page over HTTPS and redirect its http:// address to the https:// one.',
  evaluate({ url, redirectChain }) {
    if (new URL(url).protocol !== 'https:') return fail('The page is served over plain HTTP; browsers mark it "Not secure".');
    const startedInsecure = redirectChain[0]?.startsWith('http:');
    return pass(startedInsecure ? 'The page redirects from HTTP to HTTPS.' : 'The page is served over HTTPS.');
  },
};

const RESPONSE_MS = { good: 600, poor: 1800 };

const responseTime: Check = {
  id: 'response-time',
  category: 'TECHNICAL',
  weight: 2,
  title: 'Response time',
  howToFix: 'Make the server answer within 600 ms: cache pages or put a CDN in front, and speed up slow database queries or plugins.',
  evaluate({ timeToFirstByteMs: ms }) {
    if (ms <= RESPONSE_MS.good) return pass(`The server answered in ${ms} ms.`);
    if (ms <= RESPONSE_MS.poor) return warn(`The server took ${ms} ms to answer; under ${RESPONSE_MS.good} ms is good.`);
    return fail(`The server took ${ms} ms to answer; slow pages are crawled less and lose visitors.`);
  },
};

const PAGE_BYTES = { good: 500 * 1024, poor: 2 * 1024 * 1024 };

const pageWeight: Check = {
  id: 'page-weight',
  category: 'TECHNICAL',
  weight: 1,
  title: 'Page weight',
  howToFix: 'Keep the HTML under 500 KB: move inline scripts, styles and embedded data to separate files and remove unused markup.',
  evaluate({ bytes }) {
    if (bytes <= PAGE_BYTES.good) return pass(`The HTML weighs ${formatBytes(bytes)}.`);
    if (bytes <= PAGE_BYTES.poor) return warn(`The HTML weighs ${formatBytes(bytes)}; under ${formatBytes(PAGE_BYTES.good)} loads faster.`);
    return fail(`The HTML weighs ${formatBytes(bytes)}; crawlers may not read all of it.`);
  },
};

/** Below this, compression saves too little to matter (Lighthouse's uses-text-compression threshold). */
const COMPRESSIBLE_BYTES = 1400;

export const compression: Check = {
  id: 'compression',
  category: 'TECHNICAL',
  weight: 1,
  title: 'Compression',
  added: 'compression',
  howToFix: 'Turn on gzip or Brotli compression for HTML in the web server or CDN.',
  evaluate(page) {
    const encoding = headerValues(page, 'content-encoding').join(', ').trim();
    if (encoding && encoding.toLowerCase() !== 'identity') return pass(`The HTML is sent compressed (${encoding}).`);
    if (page.bytes < COMPRESSIBLE_BYTES) return notApplicable(`The HTML is only ${formatBytes(page.bytes)}; compression would not help.`);
    return fail(`The HTML (${formatBytes(page.bytes)}) is sent uncompressed; enable gzip or Brotli.`);
  },
};

const redirectChainCheck: Check = {
  id: 'redirect-chain',
  category: 'TECHNICAL',
  weight: 1,
  title: 'Redirect chain',
  howToFix: 'Link to and redirect straight to the final URL so the page is reached in at most one redirect.',
  evaluate({ redirectChain, url }) {
    const hops = redirectChain.length;
    if (hops === 0) return pass('The URL answers directly, without redirects.');
    const path = `${[...redirectChain, url].join(' → ')}`;
    if (hops === 1) return pass(`One redirect: ${path}.`);
    const message = `${plural(hops, 'redirect')} before the page: ${path}; link to the final URL.`;
    return hops === 2 ? warn(message) : fail(message);
  },
};

function looksLikeSitemap(body: string): boolean {
  if (/<(?:[\w-]+:)?(?:urlset|sitemapindex)\b/i.test(body)) return true;
  // A plain-text sitemap: one absolute URL per line.
  const lines = body.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((line) => /^https?:\/\/\S+$/i.test(line));
}

export const sitemap: Check = {
  id: 'sitemap',
  category: 'TECHNICAL',
  weight: 1,
  title: 'Sitemap',
  originLevel: true,
  added: 'a sitemap',
  howToFix: 'Publish an XML sitemap listing your pages and declare it in robots.txt with a "Sitemap: https://…/sitemap.xml" line.',
  evaluate(_page, origin) {
    const file = origin.sitemap;
    if (!file) return fail('No sitemap could be fetched.');
    if (file.status >= 400) return fail(`No sitemap: ${file.url} answered HTTP ${file.status}.`);
    if (!looksLikeSitemap(file.body)) return fail(`${file.url} is not a sitemap (no <urlset> or <sitemapindex>).`);
    if (declaredSitemaps(origin.robotsTxt, origin.origin).length === 0) {
      return warn(`${file.url} is a sitemap, but robots.txt does not point to it with a Sitemap: line.`);
    }
    return pass(`The sitemap ${file.url} is declared in robots.txt.`);
  },
};

export const technicalChecks: readonly Check[] = [https, responseTime, pageWeight, compression, redirectChainCheck, sitemap];
