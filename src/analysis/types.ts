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

export interface CategoryScores {
  seo: number;
  aeo: number;
  technical: number;
  overall: number;
}

/** Everything stored about one analysed page; plain JSON so it can cross threads and rows. */
export interface PageReport {
  finalUrl: string;
  httpStatus: number;
  fetchMs: number;
  bytes: number;
  redirectChain: string[];
  title: string | null;
  metaDescription: string | null;
  canonical: string | null;
  lang: string | null;
  wordCount: number;
  headings: Heading[];
  structuredDataTypes: string[];
  scores: CategoryScores;
  checks: CheckResult[];
}

/**
 * A failure the site owner should read (the page is not HTML, robots.txt forbids it, the
 * server timed out). `retryable` says whether another attempt could succeed.
 */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
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
