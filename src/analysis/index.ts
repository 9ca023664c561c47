import { runChecks } from './checks/check';
import { seoChecks } from './checks/seo';
import { fetchPage, type FetchLimits } from './fetch/fetchPage';
import { parsePage } from './page';
import { scoreChecks } from './scoring';
import { AnalysisError, type OriginFiles, type OriginTextFile, type PageReport } from './types';

export type { FetchLimits } from './fetch/fetchPage';
export * from './types';

export type AnalyzerOptions = FetchLimits;

/** The one door into page analysis: the jobs call this, and nothing else of src/analysis. */
export interface Analyzer {
  /** Never throws for a missing file: a file that cannot be fetched is recorded as null. */
  fetchOriginFiles(origin: string): Promise<OriginFiles>;
  /** Throws AnalysisError with a message for the site owner when the page cannot be analysed. */
  analyze(url: string, originFiles: OriginFiles): Promise<PageReport>;
  close(): Promise<void>;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
const ORIGIN_FILE_BYTES = 512 * 1024;

export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  async function fetchText(url: string): Promise<OriginTextFile | null> {
    try {
      const fetched = await fetchPage(url, { ...options, maxBytes: Math.min(options.maxBytes, ORIGIN_FILE_BYTES) });
      return { url: fetched.finalUrl, status: fetched.status, body: fetched.body.toString('utf8') };
    } catch {
      return null;
    }
  }

  return {
    async fetchOriginFiles(origin) {
      const [robotsTxt, llmsTxt, sitemap] = await Promise.all([
        fetchText(new URL('/robots.txt', origin).href),
        fetchText(new URL('/llms.txt', origin).href),
        fetchText(new URL('/sitemap.xml', origin).href),
      ]);
      return { origin, robotsTxt, llmsTxt, sitemap };
    },
    async analyze(url) {
      const fetched = await fetchPage(url, options);
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
    },
    async close() {},
  };
}
