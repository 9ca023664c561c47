import type { CategoryScores, SiteReport } from '../../src/analysis';
import type { ComparedTarget } from '../../src/comparison';
import { CATALOGUE, report, type Outcomes } from './fixtures';

/** Pages passing, warning and failing one check across a site. */
export type PageCounts = [passing: number, warning: number, failing: number];

interface CrawledOptions {
  isSubject?: boolean;
  /** The entry page's scores and outcomes; by default the site's scores and every check passing. */
  entryScores?: CategoryScores;
  entryOutcomes?: Outcomes;
  /** Makes the entry page not indexable, for this reason. */
  excludedReason?: string;
  /** Each issue's estimatedGain; 1 unless given. */
  gains?: Partial<Record<string, number>>;
  indexablePages?: number;
}

/** A crawled target: the entry page's report and a hand-made site report with the given page counts per check. */
export function crawled(targetId: string, scores: CategoryScores, counts: Record<string, PageCounts>, options: CrawledOptions = {}): ComparedTarget {
  const checks = Object.entries(counts).map(([checkId, [passingPages, warningPages, failingPages]]) => {
    const definition = CATALOGUE[checkId];
    if (!definition) throw new Error(`unknown check ${checkId}`);
    return { checkId, ...definition, applicablePages: passingPages + warningPages + failingPages, passingPages, warningPages, failingPages };
  });
  const site: SiteReport = {
    overallScore: scores.overall,
    seoScore: scores.seo,
    aeoScore: scores.aeo,
    technicalScore: scores.technical,
    indexablePages: options.indexablePages ?? Math.max(0, ...checks.map((check) => check.applicablePages)),
    excludedPages: 0,
    issues: checks
      .filter((check) => check.failingPages + check.warningPages > 0)
      .map((check) => ({
        checkId: check.checkId,
        title: check.checkId,
        category: check.category,
        failingPages: check.failingPages,
        warningPages: check.warningPages,
        applicablePages: check.applicablePages,
        examples: [],
        estimatedGain: options.gains?.[check.checkId] ?? 1,
        howToFix: 'Fix it.',
      })),
    checks,
  };
  const entryOutcomes = options.entryOutcomes ?? Object.fromEntries(Object.keys(counts).map((checkId) => [checkId, 'PASS' as const]));
  const entry = report(options.entryScores ?? scores, entryOutcomes);
  const indexability = options.excludedReason ? { indexable: false, excludedReason: options.excludedReason } : {};
  return {
    targetId,
    url: `https://${targetId}.test/`,
    isSubject: options.isSubject ?? false,
    report: { ...entry, ...indexability },
    site,
    error: null,
  };
}
