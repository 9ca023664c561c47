import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AnalysisError,
  looksLikeHtml,
  normalizePageUrl,
  ORIGIN_LEVEL_CHECK_IDS,
  reportFromCounts,
  sameSite,
  type Analyzer,
  type CrawlRules,
  type OriginFiles,
  type PageReport,
} from '../analysis';
import { toAnalysisRow, toReport } from '../batches/analysisRows';
import {
  claimPages,
  entryPage,
  hasCrawledPages,
  releaseStrandedPages,
  siteCheckCounts,
  storeCrawledPages,
  storeSiteReport,
  unfinishedPages,
  type ClaimedPage,
  type CrawledPageResult,
  type FoundPage,
} from '../batches/crawledPages';
import { siteJson } from '../batches/jsonColumns';
import type { StartedTarget, TargetOutcome } from '../batches/targets';
import { coalesce } from '../db/coalesce';
import type { PageAnalysis } from '../db/generated/client/client';
import type { PrismaClient, Queryable } from '../db/prisma';
import { Abandoned, originFilesFor, unlessAbandoned } from './pageWork';

export interface CrawlSiteDeps {
  prisma: PrismaClient;
  pool: Queryable;
  analyzer: Analyzer;
  /** Pages fetched at once for one site; the host slots bound them across workers too. */
  pagesInFlight: number;
  /** Aborted when the process begins to shut down: no page is started any more; those in hand are finished and stored. */
  stopping: AbortSignal;
  /** Aborted at the shutdown's grace deadline: the pages in hand are handed back unfinished. */
  abandon: AbortSignal;
}

/** Links followed from the entry URL before a page's links are no longer followed: a calendar's "next month" ends here. */
export const MAX_CRAWL_DEPTH = 10;
/** Pages a site's crawl has in hand per request it may make at once: the others are being analysed or stored. */
export const LANES_PER_FETCH = 4;

/**
 * Crawls the target's site from its URL, breadth-first: the entry URL, its sitemaps' pages,
 * then the links of every page, same site only, up to `maxPages`. The frontier lives in
 * CrawledPage rows, so a run that dies loses only the pages in hand and the next run goes on
 * from there. Ends with the site's report stored on the target, and returns the outcome of the
 * entry page, which the target's status and the page-level comparison keep using.
 */
export async function crawlSite(deps: CrawlSiteDeps, target: StartedTarget, ownerId: string, maxPages: number): Promise<TargetOutcome> {
  const entryUrl = normalizePageUrl(target.url) ?? target.url;
  const files = await originFilesFor(deps, target.batchId, entryUrl);
  const rules = deps.analyzer.crawlRules(files);
  const crawl = { targetId: target.id, claim: randomUUID(), maxPages };
  const inSite = sameSite(entryUrl);
  // Known in this run: the links every page repeats (navigation, footer) are sent to the database once.
  const known = new Set<string>();

  await releaseStrandedPages(deps.pool, target.id);
  if (!(await hasCrawledPages(deps.pool, target.id))) {
    const fromSitemaps = await deps.analyzer.discoverPages(entryUrl, files, maxPages - 1);
    const found = [{ url: entryUrl, depth: 0 }, ...fromSitemaps.filter((url) => url !== entryUrl).map((url) => ({ url, depth: 1 }))];
    for (const page of found) known.add(page.url);
    await storeCrawledPages(deps.pool, crawl, [], found);
  }

  await unlessAbandoned(deps.abandon, crawlFrontier(deps, crawl, { files, rules, inSite, known, ownerId }));
  // Another run of this job (one that lost its claim) may still hold pages: its retry finishes them.
  if ((await unfinishedPages(deps.pool, target.id)) > 0) throw new Error('Pages of the site are still in hand of another run of its job.');

  const { counts, ...pages } = await siteCheckCounts(deps.pool, target.id, [...ORIGIN_LEVEL_CHECK_IDS]);
  const site = reportFromCounts(counts, pages);
  await storeSiteReport(deps.pool, target.id, siteJson.write(site));
  return entryOutcome(deps.pool, target.id);
}

interface Frontier {
  files: OriginFiles;
  rules: CrawlRules;
  inSite: (url: string) => boolean;
  known: Set<string>;
  ownerId: string;
}

/**
 * Takes the site's queued pages until none is left and no page in hand can add more. Several
 * lanes per site keep the analysis threads fed while other pages are fetched (the host slots
 * still let CRAWL_MAX_PER_HOST requests through at once) or stored; the lanes' claims and
 * stores go to the database together, a few pages per statement.
 */
async function crawlFrontier(deps: CrawlSiteDeps, crawl: { targetId: string; claim: string; maxPages: number }, frontier: Frontier): Promise<void> {
  const { rules, inSite, known } = frontier;
  const lanes = rules.crawlDelayMs > 0 ? 1 : deps.pagesInFlight * LANES_PER_FETCH;
  let discoveredAll = false;
  const claim = coalesce(async (asks: null[]) => {
    const pages = await claimPages(deps.pool, crawl.targetId, crawl.claim, asks.length);
    return asks.map((_, i) => pages[i] ?? null);
  }, 1);
  const store = coalesce(async (fetched: FetchedPage[]) => {
    const found = new Map<string, FoundPage>();
    for (const { page, links } of discoveredAll ? [] : fetched) {
      if (page.depth >= MAX_CRAWL_DEPTH) continue;
      for (const link of links) {
        if (known.has(link) || found.has(link) || !inSite(link) || !looksLikeHtml(link)) continue;
        found.set(link, { url: link, depth: page.depth + 1 });
      }
    }
    const { discovered } = await storeCrawledPages(deps.pool, crawl, fetched.map(({ result }) => result), [...found.values()]);
    // Known only once stored: a group that fails is stored again page by page, links and all.
    for (const url of found.keys()) known.add(url);
    // Fewer stored than offered: the site's page budget is spent, and no later link can be added.
    if (discovered < found.size) discoveredAll = true;
    stored.resolve();
    stored = Promise.withResolvers<void>();
    return fetched.map(() => undefined);
  }, 1);
  let stored = Promise.withResolvers<void>();
  let waiting = 0;

  // One lane's failure ends the run: the others take no more pages.
  let failed = false;
  async function lane(): Promise<void> {
    for (;;) {
      if (deps.stopping.aborted) throw new Abandoned();
      if (failed) return;
      const page = await claim(null);
      if (!page) {
        // Nothing queued: done once every lane waits, else a page still in hand may add some.
        if (++waiting === lanes) return stored.resolve();
        await stored.promise;
        if (waiting === lanes || failed) return;
        waiting--;
        continue;
      }
      if (rules.crawlDelayMs > 0) await sleep(rules.crawlDelayMs);
      await store(await crawlPage(deps, page, frontier, crawl.targetId));
    }
  }
  await Promise.all(
    Array.from({ length: lanes }, () =>
      lane().catch((error: unknown) => {
        failed = true;
        stored.resolve();
        throw error;
      }),
    ),
  );
}

interface FetchedPage {
  page: ClaimedPage;
  result: CrawledPageResult;
  /** The page's links and its canonical, normalised; empty when it was not analysed. */
  links: string[];
}

/** One page: skipped when robots.txt forbids it, else fetched and analysed; its failure is its result, not the crawl's. */
async function crawlPage(deps: CrawlSiteDeps, page: ClaimedPage, { files, rules, ownerId }: Frontier, targetId: string): Promise<FetchedPage> {
  const skipped = (excludedReason: string, error: string | null = null): FetchedPage => ({
    page,
    result: { id: page.id, httpStatus: null, indexable: false, excludedReason, error, analysis: null, failingChecks: [] },
    links: [],
  });
  if (!rules.allows(page.url)) return skipped('Blocked by robots.txt');
  let report: PageReport;
  try {
    report = await deps.analyzer.analyze(page.url, files, { shareKey: ownerId, withLinks: true });
  } catch (error) {
    // The entry page gets the target's attempts, as a page of a batch that does not crawl does.
    if (!(error instanceof AnalysisError) || (page.position === 0 && error.retryable)) throw error;
    if (error.kind === 'robots') return skipped('Blocked by robots.txt');
    if (error.kind === 'not-html') return skipped('Not an HTML page', error.message);
    return skipped('Could not be fetched', error.message);
  }
  const { links = [], ...stored } = report;
  const finalUrl = normalizePageUrl(report.finalUrl);
  const redirected = finalUrl !== null && finalUrl !== page.url;
  const canonical = report.canonical ? normalizePageUrl(report.canonical, report.finalUrl) : null;
  return {
    page,
    result: {
      id: page.id,
      httpStatus: report.httpStatus,
      // A redirect's target is a page of its own (when it is on the site), crawled and counted once under its own URL.
      indexable: report.indexable && !redirected,
      excludedReason: redirected ? `Redirects to ${report.finalUrl}` : report.excludedReason,
      error: null,
      analysis: toAnalysisRow(targetId, stored),
      failingChecks: report.checks.filter((check) => check.outcome === 'FAIL').map((check) => check.id),
    },
    // An error page's links are not the site's: a 404 page's navigation would crawl the site from a page that is not there.
    links: report.httpStatus >= 400 ? [] : [...(redirected ? [finalUrl] : []), ...(canonical && canonical !== page.url ? [canonical] : []), ...links],
  };
}

/** The entry page's analysis as the target's, or its failure as the target's error. */
async function entryOutcome(db: Queryable, targetId: string): Promise<TargetOutcome> {
  const entry = await entryPage(db, targetId);
  if (entry?.analysis) return { report: toReport({ ...(entry.analysis as PageAnalysis), createdAt: new Date() }) };
  return { error: entry?.error ?? entry?.excludedReason ?? 'The site could not be crawled.' };
}
