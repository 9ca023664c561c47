import { crawlRules, type CrawlRules } from './crawl/rules';
import { sitemapPageUrls } from './crawl/sitemaps';
import { looksLikeHtml, sameSite } from './crawl/urls';
import { createPageFetcher, type ResponseHeaders } from './fetch/pageFetcher';
import { fetchOriginFiles } from './fetch/originFiles';
import { resolveOptions, type AnalyzerOptions } from './options';
import { parseRobots, robotsAllows } from './robots';
import { AnalysisError, type OriginFiles, type PageReport } from './types';
import { createAnalysisPool } from './worker/pool';

/*
 * The one door into src/analysis: nothing outside it imports anything else of it. It fetches
 * and analyses one page at a time and knows no database, queue or GraphQL.
 */
export { AI_CRAWLERS } from './checks/aeoAccess';
export { CHECKS, describeCheck, ORIGIN_LEVEL_CHECK_IDS } from './checks/catalogue';
export { overallGain } from './scoring';
export { MAX_ISSUE_EXAMPLES, reportFromCounts, reportSite, type SiteCheckCount, type SiteCheck, type SiteIssue, type SitePage, type SiteReport } from './siteReport';
export { portRefusalReason, refusalReason } from './fetch/addressPolicy';
// The crawler's guard, which webhook deliveries connect through too.
export { BlockedAddressError, createGuardedAgent, systemHostLookup, type HostLookup, type ResolvedAddress } from './fetch/guardedAgent';
export { DEFAULT_USER_AGENT, type AnalyzerOptions } from './options';
export { looksLikeHtml, normalizePageUrl, sameSite } from './crawl/urls';
export { MAX_CRAWL_DELAY_MS, type CrawlRules } from './crawl/rules';
export { MAX_PAGE_LINKS } from './crawl/links';
export * from './types';

/** What the jobs analyse pages with. */
export interface Analyzer {
  /** Never throws for a missing file: a file that cannot be fetched is recorded as null. */
  fetchOriginFiles(origin: string): Promise<OriginFiles>;
  /**
   * Throws AnalysisError with a message for the site owner when the page cannot be analysed.
   * Pages waiting for a thread are served in turn across `shareKey`s (e.g. one per owner).
   * `withLinks` adds the page's followable links to the report (`PageReport.links`), for a crawl.
   */
  analyze(url: string, originFiles: OriginFiles, options?: { shareKey?: string; withLinks?: boolean }): Promise<PageReport>;
  /**
   * The pages of the entry URL's site its origin's sitemaps list (see crawl/sitemaps.ts), at
   * most `limit`: normalised, same site, not obviously non-HTML, in sitemap order. Never throws.
   */
  discoverPages(entryUrl: string, originFiles: OriginFiles, limit: number): Promise<string[]>;
  /** What the origin's robots.txt asks of Vantage's user agent: which URLs it may fetch, and how slowly. */
  crawlRules(originFiles: OriginFiles): CrawlRules;
  /** Closes connections and stops the worker threads. */
  close(): Promise<void>;
}

const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i;
const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Called once per worker process; fetching stays on this thread, parsing and checks go to the pool. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const resolved = resolveOptions(options);
  const fetcher = createPageFetcher(resolved);
  const pool = createAnalysisPool(resolved.threads);

  function refuseIfRobotsForbid(url: URL, originFiles: OriginFiles): void {
    if (url.origin !== originFiles.origin) return;
    const rules = parseRobots(originFiles.robotsTxt, originFiles.origin);
    if (!robotsAllows(rules, url.href, resolved.userAgent)) {
      const line = rules?.getMatchingLineNumber(url.href, resolved.userAgent);
      throw new AnalysisError(
        `robots.txt of ${originFiles.origin} forbids ${resolved.userAgent} to fetch ${url.href}` +
          `${line && line > 0 ? ` (line ${line})` : ''}; Vantage respects it.`,
        false,
        'robots',
      );
    }
  }

  function refuseNonHtml(response: { url: string; headers: ResponseHeaders }): void {
    const contentType = response.headers['content-type']?.[0];
    if (contentType && !HTML_TYPES.test(contentType)) {
      throw new AnalysisError(`${response.url} is not an HTML page (Content-Type: ${contentType}).`, false, 'not-html');
    }
  }

  return {
    fetchOriginFiles: (origin) => fetchOriginFiles(fetcher, origin),
    async analyze(url, originFiles, { shareKey, withLinks } = {}) {
      const fetched = await fetcher.fetch(url, {
        accept: HTML_ACCEPT,
        beforeRequest: (hop) => refuseIfRobotsForbid(hop, originFiles),
        beforeBody: refuseNonHtml,
      });
      return pool.analyze(
        { fetched, originFiles, analyzedAt: resolved.now(), withLinks },
        { timeLimitMs: resolved.analysisTimeoutMs, shareKey },
      );
    },
    discoverPages(entryUrl, originFiles, limit) {
      const onSite = sameSite(entryUrl);
      return sitemapPageUrls(fetcher, originFiles, { limit, accepts: (url) => onSite(url) && looksLikeHtml(url) });
    },
    crawlRules: (originFiles) => crawlRules(originFiles, resolved.userAgent),
    async close() {
      await Promise.all([fetcher.close(), pool.destroy()]);
    },
  };
}
