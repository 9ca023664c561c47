import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';

/**
 * The comparison screen as the client benches load it: the BatchReport answer of a synthetic batch,
 * a loopback server of a client build, and a page that times its render.
 */

/** A comparison as the BatchReport query answers it: every site has every check; the fifth is the subject. */
export function reportData(siteCount: number, checkCount: number) {
  const outcomes = ['PASS', 'FAIL', 'WARN', 'PASS', 'NOT_APPLICABLE', 'PASS', 'FAIL'] as const;
  const categories = ['SEO', 'AEO', 'TECHNICAL'] as const;
  const checkIds = Array.from({ length: checkCount }, (_, index) => `check-${String(index + 1).padStart(2, '0')}-${categories[index % 3]!.toLowerCase()}`);
  const targets = Array.from({ length: siteCount }, (_, site) => ({
    id: `target-${site}`,
    url: `https://site-${site}.example/products/widgets?page=${site}`,
    isSubject: site === 4,
    status: 'SUCCEEDED',
    error: null,
    analysis: {
      finalUrl: `https://site-${site}.example/products/widgets?page=${site}`,
      httpStatus: 200,
      fetchMs: 120,
      bytes: 50_000,
      title: `Site ${site} widgets`,
      metaDescription: 'Widgets of every kind',
      canonical: null,
      lang: 'en',
      wordCount: 900,
      headings: [{ level: 1, text: 'Widgets' }],
      structuredDataTypes: ['Product'],
      seoScore: 90 - site * 5,
      aeoScore: 40 + ((site * 7) % 50),
      technicalScore: 60 + ((site * 3) % 30),
      overallScore: 80 - site * 4,
      checks: checkIds.map((id, check) => ({
        id,
        category: categories[check % 3],
        outcome: outcomes[(site + check) % outcomes.length],
        weight: 1,
        message: `What check ${id} found on site ${site}: a sentence of about the usual length for a message.`,
      })),
    },
  }));
  const ref = (target: (typeof targets)[number]) => ({ id: target.id, url: target.url });
  const subject = targets[4]!;
  const byOutcome = (check: number, outcome: string) => targets.filter((target) => target.analysis.checks[check]!.outcome === outcome).map(ref);
  const checks = checkIds.map((checkId, check) => ({
    checkId,
    category: categories[check % 3],
    passedBy: byOutcome(check, 'PASS'),
    failedBy: byOutcome(check, 'FAIL'),
    warnedBy: byOutcome(check, 'WARN'),
  }));
  const gaps = checks
    .filter((check) => check.failedBy.some((target) => target.id === subject.id) && check.passedBy.length > 0)
    .map((check, index) => ({
      checkId: check.checkId,
      title: `Check ${check.checkId}`,
      subjectOutcome: 'FAIL',
      message: `Your page fails ${check.checkId}.`,
      howToFix: 'What to change on the page, in a sentence or two of about the length the real checks give a site owner.',
      estimatedGain: 1.5 + (index % 4),
      pagesAffected: 1,
      competitors: check.passedBy,
    }));
  const ranking = targets.map((target, index) => ({
    rank: index + 1,
    indexable: true,
    excludedReason: null,
    overallScore: target.analysis.overallScore,
    seoScore: target.analysis.seoScore,
    aeoScore: target.analysis.aeoScore,
    technicalScore: target.analysis.technicalScore,
    target: { id: target.id, url: target.url, isSubject: target.isSubject },
  }));
  const at = '2026-12-01T12:00:00.000Z';
  return {
    data: {
      batch: {
        id: 'bench-batch',
        name: 'Bench: 10 sites × 36 checks',
        status: 'COMPLETED',
        progress: 100,
        totalUrls: siteCount,
        completedUrls: siteCount,
        failedUrls: 0,
        error: null,
        createdAt: at,
        startedAt: at,
        finishedAt: at,
        targets,
        comparison: {
          createdAt: at,
          ranking,
          subject: { rank: 5, analysedCompetitors: siteCount - 1, target: ref(subject) },
          notAnalysed: [],
          checks,
          gaps,
          insights: Array.from({ length: 8 }, (_, index) => ({
            title: `Insight ${index + 1}`,
            body: 'One thing the comparison shows, with its evidence.',
            severity: ['CRITICAL', 'OPPORTUNITY', 'INFO'][index % 3],
            source: 'rules',
          })),
        },
      },
    },
  };
}

/**
 * Marks "data" once the GraphQL response body is read (before the client parses it), and
 * "rendered" in the first frame after every one of `selectors` matches: a rAF callback runs
 * before that frame paints, the message it posts is handled after. Source text rather than a
 * function: tsx would wrap a function in helpers the page does not have.
 */
function instrument(selectors: string[]): string {
  return `
    const selectors = ${JSON.stringify(selectors)};
    const originalFetch = window.fetch.bind(window);
    window.fetch = async (...args) => {
      const response = await originalFetch(...args);
      const text = await response.text();
      performance.mark('data');
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const observer = new MutationObserver(() => {
      if (performance.getEntriesByName('data').length === 0 || !selectors.every((selector) => document.querySelector(selector))) return;
      observer.disconnect();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark('rendered');
        performance.measure('render', 'data', 'rendered');
      };
      requestAnimationFrame(() => channel.port2.postMessage(null));
    });
    // Preact may turn the loading line into the notice in place: attributes and text count too.
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });`;
}

/** The whole screen: the matrix's last row and the chart's canvas (uPlot adds it in an effect). */
export const comparisonSelectors = ['.matrix-table tbody:last-of-type tr[data-check-id]:last-child', '.score-chart canvas'];
export const emptySelectors = ['.notice'];

/** A client build (a dist directory) served on a loopback port, as Vantage serves it. */
export async function serveBuild(dir: string): Promise<{ origin: string; close(): void }> {
  const serve = sirv(dir, { single: true });
  const server = createServer((req, res) => serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** A desktop page whose GraphQL requests get `body` and whose render until `selectors` match is timed. */
export async function benchPage(browser: Browser, body: string, selectors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.route('**/graphql', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  // No live updates here: the socket is held open and never answered.
  await page.routeWebSocket(/\/graphql$/, () => undefined);
  await page.addInitScript(instrument(selectors));
  return page;
}

/** Opens the comparison screen on a benchPage: ms from navigation to the data in hand, and from the data to the rendered frame. */
export async function loadComparison(page: Page, origin: string): Promise<{ before: number; render: number }> {
  await page.goto(`${origin}/batches/bench-batch/comparison`);
  await page.waitForFunction(() => performance.getEntriesByName('render').length > 0, undefined, { timeout: 30_000 });
  const [before, render] = await page.evaluate(() => [performance.getEntriesByName('data')[0]!.startTime, performance.getEntriesByName('render')[0]!.duration]);
  return { before: before!, render: render! };
}
