import { aiCrawlerAccess } from '../checks/aeoAccess';
import { CHECKS } from '../checks/catalogue';
import { runChecks, truncate } from '../checks/check';
import { followableLinks } from '../crawl/links';
import type { FetchedResource } from '../fetch/pageFetcher';
import { judgeIndexability } from '../indexability';
import { buildPageModel, decodeHtml } from '../page/buildPage';
import { scoreChecks } from '../scoring';
import { MAX_REPORTED_TEXT, MAX_REPORTED_LIST_ITEMS, type OriginFiles, type PageReport } from '../types';

export interface AnalysisTask {
  fetched: FetchedResource;
  originFiles: OriginFiles;
  analyzedAt: number;
  /** A crawl asks for the page's links to follow; a single-page analysis does not pay for them. */
  withLinks?: boolean;
}

/** Decoding, parsing and checking: the CPU-bound part, run on a worker thread. */
export function analyzePage({ fetched, originFiles, analyzedAt, withLinks = false }: AnalysisTask): PageReport {
  const { html, charset } = decodeHtml(fetched.body, fetched.headers['content-type']?.[0]);
  const page = buildPageModel(
    {
      url: fetched.finalUrl,
      status: fetched.status,
      headers: fetched.headers,
      charset,
      fetchMs: fetched.fetchMs,
      timeToFirstByteMs: fetched.timeToFirstByteMs,
      bytes: fetched.body.byteLength,
      redirectChain: fetched.redirectChain,
      analyzedAt,
    },
    html,
  );
  const checks = runChecks(CHECKS, page, originFiles);
  return {
    finalUrl: page.url,
    httpStatus: page.status,
    ...judgeIndexability(page, originFiles),
    fetchMs: page.fetchMs,
    timeToFirstByteMs: page.timeToFirstByteMs,
    bytes: page.bytes,
    charset,
    redirectChain: page.redirectChain,
    title: page.title,
    metaDescription: page.metaDescription,
    canonical: page.canonical,
    lang: page.lang,
    wordCount: page.wordCount,
    headings: page.headings
      .slice(0, MAX_REPORTED_LIST_ITEMS)
      .map(({ level, text }) => ({ level, text: truncate(text, MAX_REPORTED_TEXT) })),
    headingCount: page.headings.length,
    structuredDataTypes: page.structuredData.types.slice(0, MAX_REPORTED_LIST_ITEMS).map((type) => truncate(type, MAX_REPORTED_TEXT)),
    structuredDataTypeCount: page.structuredData.types.length,
    aiCrawlerAccess: aiCrawlerAccess(page, originFiles),
    origin: {
      robotsTxtStatus: originFiles.robotsTxt?.status ?? null,
      llmsTxtStatus: originFiles.llmsTxt?.status ?? null,
      sitemapUrl: originFiles.sitemap?.url ?? null,
      sitemapStatus: originFiles.sitemap?.status ?? null,
    },
    scores: scoreChecks(checks),
    checks,
    ...(withLinks && { links: followableLinks(page.anchors) }),
  };
}
