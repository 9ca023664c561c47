import { CHECKS, describeCheck, ORIGIN_LEVEL_CHECK_IDS } from './checks/catalogue';
import { contributionOf, overallDifference, scoreContributions, type Contribution } from './scoring';
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

/** What one pass over the pages gathers of one check. */
interface CheckTally {
  id: string;
  category: CheckCategory;
  weight: number;
  earned: number;
  possible: number;
  applicablePages: number;
  failing: string[];
  warning: string[];
  failingPages: number;
  warningPages: number;
}

/** Adds one counted page's checks to the tallies. */
function tallyPage(tallies: Map<string, CheckTally>, page: { url: string; checks: CheckResult[] }): void {
  for (const check of page.checks) {
    let tally = tallies.get(check.id);
    // An origin-level check judges the same files on every page: the first page's outcome stands.
    if (tally && ORIGIN_LEVEL_CHECK_IDS.has(check.id)) continue;
    if (!tally) {
      tally = {
        id: check.id,
        category: check.category,
        weight: check.weight,
        earned: 0,
        possible: 0,
        applicablePages: 0,
        failing: [],
        warning: [],
        failingPages: 0,
        warningPages: 0,
      };
      tallies.set(check.id, tally);
    }
    const contribution = contributionOf(check);
    if (!contribution) continue;
    tally.earned += contribution.earned;
    tally.possible += contribution.possible;
    tally.applicablePages++;
    if (check.outcome === 'FAIL') {
      tally.failingPages++;
      if (tally.failing.length < MAX_ISSUE_EXAMPLES) tally.failing.push(page.url);
    } else if (check.outcome === 'WARN') {
      tally.warningPages++;
      if (tally.warning.length < MAX_ISSUE_EXAMPLES) tally.warning.push(page.url);
    }
  }
}

/** A check's weight and mean credit over the pages where it applies; null when it applies nowhere. */
function siteContribution(tally: CheckTally): Contribution | null {
  if (tally.applicablePages === 0) return null;
  return { category: tally.category, earned: tally.earned / tally.applicablePages, possible: tally.possible / tally.applicablePages };
}

function toSiteCheck(tally: CheckTally): SiteCheck {
  const { id, category, weight, applicablePages, failingPages, warningPages } = tally;
  return {
    checkId: id,
    category,
    weight,
    applicablePages,
    passingPages: applicablePages - failingPages - warningPages,
    warningPages,
    failingPages,
  };
}

/**
 * The per-check counts of a report stored before they were kept, from its issues: exact for every
 * check that fails or warns somewhere; a check that passed on every page was not recorded then.
 */
export function siteChecksFromIssues(issues: readonly SiteIssue[]): SiteCheck[] {
  return issues.map(({ checkId, category, applicablePages, failingPages, warningPages }) => ({
    checkId,
    category,
    weight: CHECKS.find((check) => check.id === checkId)?.weight ?? 0,
    applicablePages,
    passingPages: applicablePages - failingPages - warningPages,
    warningPages,
    failingPages,
  }));
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
  const tallies = new Map<string, CheckTally>();
  let counted = 0;
  for (const page of pages) {
    if (!page.indexable || page.checks === null) continue;
    counted++;
    tallyPage(tallies, { url: page.url, checks: page.checks });
  }
  return reportFromTallies([...tallies.values()], counted, pages.length - counted);
}

/**
 * How one check came out on a site's counted pages, as a database can count it: page counts and
 * the first examples of failing and warning pages, in page order.
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

/**
 * reportSite from counts made elsewhere (a crawl counts thousands of pages in SQL), in the order
 * the pages first list the checks, origin-level checks already counted once: the same report.
 */
export function reportFromCounts(counts: readonly SiteCheckCount[], pages: { counted: number; excluded: number }): SiteReport {
  const tallies = counts.map(
    (count): CheckTally => ({
      id: count.checkId,
      category: count.category,
      weight: count.weight,
      earned: count.weight * (count.applicablePages - count.failingPages - count.warningPages + count.warningPages / 2),
      possible: count.weight * count.applicablePages,
      applicablePages: count.applicablePages,
      failing: count.failingExamples.slice(0, MAX_ISSUE_EXAMPLES),
      warning: count.warningExamples.slice(0, MAX_ISSUE_EXAMPLES),
      failingPages: count.failingPages,
      warningPages: count.warningPages,
    }),
  );
  return reportFromTallies(tallies, pages.counted, pages.excluded);
}

function reportFromTallies(tallies: CheckTally[], counted: number, excluded: number): SiteReport {
  const contributions = tallies.map(siteContribution);
  const applicable = contributions.filter((contribution) => contribution !== null);
  // No page counted: nothing applies, and every score is 0.
  const scores = scoreContributions(applicable);

  const issues: SiteIssue[] = [];
  tallies.forEach((tally, index) => {
    const contribution = contributions[index];
    if (!contribution || tally.failingPages + tally.warningPages === 0) return;
    const passingEverywhere = applicable.map((other) => (other === contribution ? { ...other, earned: other.possible } : other));
    const { title, howToFix } = describeCheck(tally.id);
    issues.push({
      checkId: tally.id,
      title,
      category: tally.category,
      failingPages: tally.failingPages,
      warningPages: tally.warningPages,
      applicablePages: tally.applicablePages,
      examples: [...tally.failing, ...tally.warning].slice(0, MAX_ISSUE_EXAMPLES),
      estimatedGain: overallDifference(applicable, passingEverywhere),
      howToFix,
    });
  });

  return {
    overallScore: scores.overall,
    seoScore: scores.seo,
    aeoScore: scores.aeo,
    technicalScore: scores.technical,
    indexablePages: counted,
    excludedPages: excluded,
    issues: issues.sort(byGainThenFailingPages),
    checks: tallies.map(toSiteCheck),
  };
}
