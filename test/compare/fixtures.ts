import type { ComparedTarget } from '../../src/comparison';
import type { CategoryScores, CheckCategory, CheckOutcome, PageReport } from '../../src/analysis';

/** A small catalogue with distinct weights, so gap order is decided by weight × competitors. */
export const CATALOGUE: Record<string, { category: CheckCategory; weight: number }> = {
  'document-title': { category: 'SEO', weight: 3 },
  'meta-description': { category: 'SEO', weight: 2 },
  'llms-txt': { category: 'AEO', weight: 2 },
  'faq-schema': { category: 'AEO', weight: 1 },
  https: { category: 'TECHNICAL', weight: 3 },
  'image-alt': { category: 'SEO', weight: 1 },
  citations: { category: 'AEO', weight: 2 },
  compression: { category: 'TECHNICAL', weight: 1 },
};

export type Outcomes = Partial<Record<string, CheckOutcome>>;

/** A hand-made analysis: the given scores and outcomes, each check's message naming its outcome. */
export function report(scores: CategoryScores, outcomes: Outcomes): PageReport {
  return {
    finalUrl: 'https://example.test/',
    httpStatus: 200,
    indexable: true,
    excludedReason: null,
    fetchMs: 10,
    timeToFirstByteMs: 5,
    bytes: 1000,
    charset: 'utf-8',
    redirectChain: [],
    title: 'Example',
    metaDescription: null,
    canonical: null,
    lang: 'en',
    wordCount: 300,
    headings: [],
    headingCount: 0,
    structuredDataTypes: [],
    structuredDataTypeCount: 0,
    aiCrawlerAccess: [],
    origin: { robotsTxtStatus: 200, llmsTxtStatus: 404, sitemapUrl: null, sitemapStatus: null },
    scores,
    checks: Object.entries(outcomes).map(([id, outcome]) => {
      const definition = CATALOGUE[id];
      if (!definition || !outcome) throw new Error(`unknown check ${id}`);
      return { id, ...definition, outcome, message: `${id} is ${outcome.toLowerCase()} on this page` };
    }),
  };
}

export function scores(overall: number, seo = overall, aeo = overall, technical = overall): CategoryScores {
  return { overall, seo, aeo, technical };
}

export function analysed(targetId: string, overall: CategoryScores, outcomes: Outcomes, isSubject = false): ComparedTarget {
  return { targetId, url: `https://${targetId}.test/`, isSubject, report: report(overall, outcomes), error: null };
}

/** An analysed target search engines would not index, for `excludedReason`, with the given HTTP status. */
export function notIndexable(
  targetId: string,
  overall: CategoryScores,
  outcomes: Outcomes,
  { excludedReason, httpStatus = 200, isSubject = false }: { excludedReason: string; httpStatus?: number; isSubject?: boolean },
): ComparedTarget {
  const page = { ...report(overall, outcomes), httpStatus, indexable: false, excludedReason };
  return { targetId, url: `https://${targetId}.test/`, isSubject, report: page, error: null };
}

export function failed(targetId: string, error: string, isSubject = false): ComparedTarget {
  return { targetId, url: `https://${targetId}.test/`, isSubject, report: null, error };
}
