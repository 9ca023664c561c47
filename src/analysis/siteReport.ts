import { describeCheck, ORIGIN_LEVEL_CHECK_IDS } from './checks/catalogue';
import { OUTCOME_CREDIT, overallDifference, scoreContributions, type Contribution } from './scoring';
import type { CheckCategory, CheckResult } from './types';

/** One crawled page of a site; `checks` is null when the page could not be analysed. */
export interface SitePage {
  url: string;
  indexable: boolean;
  checks: CheckResult[] | null;
}

/** One check that fails or warns somewhere on the site. */
export interface SiteIssue {
  checkId: string;
  title: string;
  category: CheckCategory;
  failingPages: number;
  warningPages: number;
  /** Pages where the check does not come out NOT_APPLICABLE; an origin-level check counts 1. */
  applicablePages: number;
  /** Up to MAX_ISSUE_EXAMPLES page URLs, failing pages first. */
  examples: string[];
  /** Points of the site's overall score if the check passed on every page where it applies, to one decimal. */
  estimatedGain: number;
  howToFix: string;
}

/** How one check came out across the site's counted pages; an origin-level check counts its one page. */
export interface SiteCheck {
  checkId: string;
  category: CheckCategory;
  weight: number;
  /** Pages where the check does not come out NOT_APPLICABLE: passing + warning + failing. */
  applicablePages: number;
  passingPages: number;
  warningPages: number;
  failingPages: number;
}

export interface SiteReport {
  overallScore: number;
  seoScore: number;
  aeoScore: number;
  technicalScore: number;
  /** Pages counted: indexable and analysed. */
  indexablePages: number;
  excludedPages: number;
  /** Most points to gain first, then most failing pages, then check id. */
  issues: SiteIssue[];
  /** Every check met on a counted page, in the order the pages list them, also where it passes or never applies. */
  checks: SiteCheck[];
}

export const MAX_ISSUE_EXAMPLES = 10;

/**
 * How one check came out on a site's counted pages: page counts and the first examples of
 * failing and warning pages, in page order. reportSite counts them from the pages; a crawl has
 * PostgreSQL count them.
 */
export interface SiteCheckCount {
  checkId: string;
  category: CheckCategory;
  weight: number;
  applicablePages: number;
  failingPages: number;
  warningPages: number;
  failingExamples: string[];
  warningExamples: string[];
}

/** Adds one counted page's checks to the counts. */
function countPage(counts: Map<string, SiteCheckCount>, page: { url: string; checks: CheckResult[] }): void {
  for (const check of page.checks) {
    let count = counts.get(check.id);
    // An origin-level check judges the same files on every page: the first page's outcome stands.
    if (count && ORIGIN_LEVEL_CHECK_IDS.has(check.id)) continue;
    if (!count) {
      const { id: checkId, category, weight } = check;
      count = { checkId, category, weight, applicablePages: 0, failingPages: 0, warningPages: 0, failingExamples: [], warningExamples: [] };
      counts.set(check.id, count);
    }
    if (check.outcome === 'NOT_APPLICABLE') continue;
    count.applicablePages++;
    if (check.outcome === 'FAIL') {
      count.failingPages++;
      if (count.failingExamples.length < MAX_ISSUE_EXAMPLES) count.failingExamples.push(page.url);
    } else if (check.outcome === 'WARN') {
      count.warningPages++;
      if (count.warningExamples.length < MAX_ISSUE_EXAMPLES) count.warningExamples.push(page.url);
    }
  }
}

function toSiteCheck({ checkId, category, weight, applicablePages, failingPages, warningPages }: SiteCheckCount): SiteCheck {
  return { checkId, category, weight, applicablePages, passingPages: applicablePages - failingPages - warningPages, warningPages, failingPages };
}

/** A check's weight and mean credit over the pages where it applies; null when it applies nowhere. */
function siteContribution(count: SiteCheckCount): Contribution | null {
  const { passingPages, warningPages, failingPages, applicablePages } = toSiteCheck(count);
  if (applicablePages === 0) return null;
  const credit = passingPages * OUTCOME_CREDIT.PASS + warningPages * OUTCOME_CREDIT.WARN + failingPages * OUTCOME_CREDIT.FAIL;
  return { category: count.category, earned: (count.weight * credit) / applicablePages, possible: count.weight };
}

function byGainThenFailingPages(a: SiteIssue, b: SiteIssue): number {
  return b.estimatedGain - a.estimatedGain || b.failingPages - a.failingPages || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0);
}

/**
 * A site's scores and issues from its crawled pages. Only indexable, analysed pages count. Each
 * check adds its weight times its mean credit over the pages where it applies, so one page scores
 * as `scoreChecks` scores it; origin-level checks (robots.txt, llms.txt, sitemap, AI-crawler
 * access) count once, as the first page found them.
 */
export function reportSite(pages: readonly SitePage[]): SiteReport {
  const counts = new Map<string, SiteCheckCount>();
  let counted = 0;
  for (const page of pages) {
    if (!page.indexable || page.checks === null) continue;
    counted++;
    countPage(counts, { url: page.url, checks: page.checks });
  }
  return reportFromCounts([...counts.values()], { counted, excluded: pages.length - counted });
}

/** The report of a site from its checks' counts, in the order the pages first list the checks. */
export function reportFromCounts(counts: readonly SiteCheckCount[], pages: { counted: number; excluded: number }): SiteReport {
  const contributions = counts.map(siteContribution);
  const applicable = contributions.filter((contribution) => contribution !== null);
  // No page counted: nothing applies, and every score is 0.
  const scores = scoreContributions(applicable);

  const issues: SiteIssue[] = [];
  counts.forEach((count, index) => {
    const contribution = contributions[index];
    if (!contribution || count.failingPages + count.warningPages === 0) return;
    const passingEverywhere = applicable.map((other) => (other === contribution ? { ...other, earned: other.possible } : other));
    const { title, howToFix } = describeCheck(count.checkId);
    issues.push({
      checkId: count.checkId,
      title,
      category: count.category,
      failingPages: count.failingPages,
      warningPages: count.warningPages,
      applicablePages: count.applicablePages,
      examples: [...count.failingExamples, ...count.warningExamples].slice(0, MAX_ISSUE_EXAMPLES),
      estimatedGain: overallDifference(applicable, passingEverywhere),
      howToFix,
    });
  });

  return {
    overallScore: scores.overall,
    seoScore: scores.seo,
    aeoScore: scores.aeo,
    technicalScore: scores.technical,
    indexablePages: pages.counted,
    excludedPages: pages.excluded,
    issues: issues.sort(byGainThenFailingPages),
    checks: counts.map(toSiteCheck),
  };
}
