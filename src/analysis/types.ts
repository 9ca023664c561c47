export type CheckCategory = 'SEO' | 'AEO' | 'TECHNICAL';
export type CheckOutcome = 'PASS' | 'WARN' | 'FAIL' | 'NOT_APPLICABLE';

export interface CheckResult {
  /** Stable id; Lighthouse's audit id where Lighthouse has the same audit. */
  id: string;
  category: CheckCategory;
  outcome: CheckOutcome;
  weight: number;
  /** What was found, in words a site owner understands. */
  message: string;
}

export interface Heading {
  level: number;
  text: string;
}

/** Whether robots.txt lets one AI crawler fetch the page. */
export interface AiCrawlerAccess {
  userAgent: string;
  /** `search` crawlers fetch pages to cite them in answers; `training` crawlers collect model data. */
  purpose: 'search' | 'training';
  allowed: boolean;
}

/** What was found of the origin's robots.txt, llms.txt and sitemap; null status: not fetched. */
export interface OriginFindings {
  robotsTxtStatus: number | null;
  llmsTxtStatus: number | null;
  sitemapUrl: string | null;
  sitemapStatus: number | null;
}

export interface CategoryScores {
  seo: number;
  aeo: number;
  technical: number;
  overall: number;
}

/**
 * Most entries a PageReport keeps of each list the page can make as long as it likes (headings,
 * structured data types): the first ones, in page order, next to a count of them all. Checks
 * judge the whole page; the cap bounds what is stored, sent between threads and served.
 */
export const MAX_REPORTED_LIST_ITEMS = 200;
/** Longest heading text or type name a PageReport keeps (longer ones end in "…"). */
export const MAX_REPORTED_TEXT = 300;

/** Whether a search engine would index a page; a page that is not is ranked below every page that is. */
export interface Indexability {
  indexable: boolean;
  /** Why not, in words a site owner understands ("Answers 404"); null when indexable. */
  excludedReason: string | null;
}

/** Everything stored about one analysed page; plain JSON so it can cross threads and rows. */
export interface PageReport extends Indexability {
  finalUrl: string;
  httpStatus: number;
  fetchMs: number;
  /** From the final request to its response headers. */
  timeToFirstByteMs: number;
  /** Decoded HTML size. */
  bytes: number;
  /** The character set the HTML was decoded with (from BOM, header, <meta> or the default). */
  charset: string;
  /** Every URL that answered with a redirect, in order; finalUrl is not in it. */
  redirectChain: string[];
  title: string | null;
  metaDescription: string | null;
  canonical: string | null;
  lang: string | null;
  wordCount: number;
  /** The first MAX_REPORTED_LIST_ITEMS headings. */
  headings: Heading[];
  /** Every heading of the page. */
  headingCount: number;
  /** The first MAX_REPORTED_LIST_ITEMS types. */
  structuredDataTypes: string[];
  structuredDataTypeCount: number;
  aiCrawlerAccess: AiCrawlerAccess[];
  origin: OriginFindings;
  scores: CategoryScores;
  checks: CheckResult[];
  /**
   * Only when asked (a crawl): the pages it links to that a crawler may follow, normalised,
   * de-duplicated, at most MAX_PAGE_LINKS (see crawl/links.ts).
   */
  links?: string[];
}

/**
 * A failure the site owner should read (the page is not HTML, robots.txt forbids it, the
 * server timed out). `retryable` says whether another attempt could succeed.
 */
/** What kind of trouble an AnalysisError is, for counting (metrics), not for the site owner. */
export type AnalysisErrorKind = 'timeout' | 'network' | 'blocked' | 'too-large' | 'bad-body' | 'robots' | 'not-html' | 'other';

export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly kind: AnalysisErrorKind = 'other',
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** A small text file of an origin (robots.txt, llms.txt, sitemap.xml) as fetched. */
export interface OriginTextFile {
  url: string;
  status: number;
  body: string;
}

/**
 * The files of one origin that checks consult. Plain JSON: fetched once per origin per batch,
 * stored, and shared by every target of that origin, whichever process analyses it.
 */
export interface OriginFiles {
  origin: string;
  robotsTxt: OriginTextFile | null;
  llmsTxt: OriginTextFile | null;
  sitemap: OriginTextFile | null;
}
