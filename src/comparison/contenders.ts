import { ORIGIN_LEVEL_CHECK_IDS, overallGain, type CheckOutcome, type CheckResult, type SiteCheck, type SiteReport } from '../analysis';
import type { AnalysedTarget, Contender, ContenderCheck } from './types';

/**
 * What is compared of an analysed target: its crawled site when the batch crawls (it has a site
 * report), otherwise its page. Either way indexability is the entry page's.
 */
export function contenderOf(target: AnalysedTarget): Contender {
  return target.site ? siteContender(target, target.site) : pageContender(target);
}

function pageContender({ targetId, report }: AnalysedTarget): Contender {
  return {
    targetId,
    indexable: report.indexable,
    excludedReason: report.excludedReason,
    scores: report.scores,
    checks: report.checks.map(pageCheck),
    gainOf: (checkId) => overallGain(report.checks, checkId),
  };
}

function pageCheck({ id, category, weight, outcome, message }: CheckResult): ContenderCheck {
  const affected = outcome === 'FAIL' || outcome === 'WARN';
  return {
    id,
    category,
    weight,
    outcome,
    message,
    applicablePages: outcome === 'NOT_APPLICABLE' ? 0 : 1,
    pagesAffected: affected ? 1 : 0,
    passRate: outcome === 'PASS' ? 1 : 0,
  };
}

function siteContender({ targetId, report }: AnalysedTarget, site: SiteReport): Contender {
  const gains = new Map(site.issues.map((issue) => [issue.checkId, issue.estimatedGain]));
  const entryChecks = new Map(report.checks.map((check) => [check.id, check]));
  return {
    targetId,
    indexable: report.indexable,
    excludedReason: report.excludedReason,
    scores: { overall: site.overallScore, seo: site.seoScore, aeo: site.aeoScore, technical: site.technicalScore },
    checks: site.checks.map((check) => {
      const outcome = siteOutcome(check);
      const entry = entryChecks.get(check.checkId);
      // An origin-level check judges the site's files, which the entry page's finding describes.
      const fromEntry = ORIGIN_LEVEL_CHECK_IDS.has(check.checkId) && entry?.outcome === outcome;
      return {
        id: check.checkId,
        category: check.category,
        weight: check.weight,
        outcome,
        message: fromEntry ? entry.message : siteFinding(check),
        applicablePages: check.applicablePages,
        pagesAffected: check.failingPages + check.warningPages,
        passRate: check.applicablePages === 0 ? 0 : check.passingPages / check.applicablePages,
      };
    }),
    gainOf: (checkId) => gains.get(checkId) ?? 0,
  };
}

/**
 * A site's outcome of a check, from its pages' outcomes: PASS when every page where it applies
 * passes, FAIL when more pages fail than pass, else WARN. The same as asking whether the pages'
 * mean credit (PASS 1, WARN 0.5, FAIL 0, as scores count) is below one half: warnings count
 * half each way.
 */
export function siteOutcome({ applicablePages, passingPages, failingPages }: SiteCheck): CheckOutcome {
  if (applicablePages === 0) return 'NOT_APPLICABLE';
  if (passingPages === applicablePages) return 'PASS';
  return failingPages > passingPages ? 'FAIL' : 'WARN';
}

/** "Passes on all 25 pages.", "Fails on 7 and warns on 2 of 25 pages." */
function siteFinding({ applicablePages, passingPages, warningPages, failingPages }: SiteCheck): string {
  const pages = `${applicablePages} page${applicablePages === 1 ? '' : 's'}`;
  if (applicablePages === 0) return 'Applies to none of its pages.';
  if (passingPages === applicablePages) return applicablePages === 1 ? 'Passes on its 1 page.' : `Passes on all ${pages}.`;
  const parts = [...(failingPages > 0 ? [`fails on ${failingPages}`] : []), ...(warningPages > 0 ? [`warns on ${warningPages}`] : [])];
  const said = parts.join(' and ');
  return `${said[0]!.toUpperCase()}${said.slice(1)} of ${pages}.`;
}
