// Runs real Lighthouse and Vantage on the same loopback fixture pages (the Lighthouse-aligned
// cases of test/analysis) and prints where their verdicts agree. Optional, needs a browser:
//   npm i --no-save lighthouse@13 && apt-get install -y chromium
//   CHROME_PATH=/usr/bin/chromium npx tsx bench/analysis-lighthouse.ts
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnalyzer, type CheckOutcome } from '../src/analysis';
import { AEO_CASES } from '../test/analysis/checkCases.aeo';
import { SEO_CASES, type CheckCase } from '../test/analysis/checkCases.seo';

const LIGHTHOUSE_IDS = new Set([
  'is-crawlable', 'document-title', 'meta-description', 'http-status-code', 'link-text', 'crawlable-anchors',
  'robots-txt', 'image-alt', 'hreflang', 'canonical', 'llms-txt',
]);
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface LighthouseAudit {
  score: number | null;
  scoreDisplayMode: string;
  warnings?: unknown[];
  errorMessage?: string;
}

/** Lighthouse's verdict in Vantage's terms: a pass with warnings is a WARN. */
function lighthouseOutcome(audit: LighthouseAudit): CheckOutcome | string {
  if (audit.scoreDisplayMode === 'error' || audit.score === null && audit.scoreDisplayMode !== 'notApplicable') {
    return `ERROR (${audit.errorMessage ?? 'no score'})`;
  }
  if (audit.scoreDisplayMode === 'notApplicable') return 'NOT_APPLICABLE';
  if (audit.score === 1) return audit.warnings && audit.warnings.length > 0 ? 'WARN' : 'PASS';
  return 'FAIL';
}

/** Serves the case's page at / and its robots.txt / llms.txt, as Lighthouse fetches them itself. */
async function serveCase(entry: CheckCase): Promise<{ server: Server; origin: string }> {
  const { fixture } = entry;
  // Lighthouse aborts on a page that paints nothing (NO_FCP); one visible line changes no SEO verdict.
  const visible = '<p>Visible fixture text.</p>';
  const body = /<\/body>/i.test(fixture.body ?? '') ? fixture.body!.replace(/<\/body>/i, `${visible}</body>`) : `${fixture.body ?? ''}${visible}`;
  const files: Record<string, { status: number; body: string } | null | undefined> = {
    '/robots.txt': fixture.origin?.robotsTxt,
    '/llms.txt': fixture.origin?.llmsTxt,
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    if (path === '/') {
      response.writeHead(fixture.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...fixture.headers }).end(body);
      return;
    }
    const file = files[path];
    if (file) response.writeHead(file.status, { 'content-type': 'text/plain' }).end(file.body);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// Lighthouse is not a dependency of Vantage: loaded by name so that type checking does not need it.
const lighthouseModule: string = 'lighthouse';
const launcherModule: string = 'chrome-launcher';
const { default: lighthouse } = await import(lighthouseModule);
const { launch } = await import(launcherModule);

const cases = [...SEO_CASES, ...AEO_CASES].filter(
  (entry) => LIGHTHOUSE_IDS.has(entry.id) && entry.fixture.body !== undefined && entry.fixture.origin?.robotsTxt !== null,
);
const chrome = await launch({ chromePath: process.env.CHROME_PATH, chromeFlags: CHROME_FLAGS });
const analyzer = createAnalyzer({ allowPrivate: true, threads: 1 });
console.log('| check | case | Vantage | Lighthouse | agree |\n|---|---|---|---|---|');
let agreed = 0;
try {
  for (const entry of cases) {
    const { server, origin } = await serveCase(entry);
    try {
      const report = await analyzer.analyze(`${origin}/`, await analyzer.fetchOriginFiles(origin));
      const vantage = report.checks.find((check) => check.id === entry.id)!.outcome;
      // ignoreStatusCode, as Chrome DevTools' Lighthouse panel runs: error pages are audited, not refused.
      const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyAudits: [entry.id], ignoreStatusCode: true };
      const result = await lighthouse(`${origin}/`, flags);
      const lighthouseVerdict = lighthouseOutcome(result.lhr.audits[entry.id] as LighthouseAudit);
      const agree = vantage === lighthouseVerdict;
      if (agree) agreed++;
      // Printed as it goes: a full run takes minutes.
      console.log(`| \`${entry.id}\` | ${entry.name.replaceAll('|', '/')} | ${vantage} | ${lighthouseVerdict} | ${agree ? 'yes' : '**no**'} |`);
    } finally {
      server.close();
    }
  }
} finally {
  await analyzer.close();
  chrome.kill();
}
console.log(`\nLighthouse agreement: ${agreed} of ${cases.length} fixture cases`);
