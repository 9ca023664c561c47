import { runChecks } from './checks/check';
import { seoChecks } from './checks/seo';
import { fetchPage, type FetchLimits } from './fetch/fetchPage';
import { parsePage } from './page';
import { scoreChecks } from './scoring';
import { AnalysisError, type PageReport } from './types';

export type { FetchLimits } from './fetch/fetchPage';
export * from './types';

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** Fetches one URL and analyses it; throws AnalysisError with a message for the site owner. */
export async function analyzeUrl(url: string, limits: FetchLimits): Promise<PageReport> {
  const fetched = await fetchPage(url, limits);
  const contentType = fetched.headers['content-type'] ?? '';
  if (contentType && !HTML_TYPES.test(contentType)) {
    throw new AnalysisError(`${fetched.finalUrl} is not an HTML page (Content-Type: ${contentType}).`, false);
  }
  const page = parsePage(fetched.finalUrl, fetched.status, fetched.headers, fetched.body.toString('utf8'));
  const checks = runChecks(seoChecks, page);
  return {
    finalUrl: fetched.finalUrl,
    httpStatus: fetched.status,
    fetchMs: fetched.fetchMs,
    bytes: fetched.body.length,
    redirectChain: fetched.redirectChain,
    title: page.title,
    metaDescription: page.metaDescription,
    canonical: page.canonical,
    lang: page.lang,
    wordCount: page.wordCount,
    headings: page.headings,
    structuredDataTypes: [],
    scores: scoreChecks(checks),
    checks,
  };
}
