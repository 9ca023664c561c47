import { comparesSites, isAnalysed, isIndexable, type ComparedTarget, type ComparisonCore, type SubjectStanding } from './types';
import { buildCheckRows } from './checkMatrix';
import { contenderOf } from './contenders';
import { findGaps } from './gaps';
import { findLeaders, rankTargets } from './ranking';

/*
 * The one door into the comparison of a batch's analysed pages and the insights written from it:
 * nothing outside src/comparison imports anything else of it. Like src/analysis below it, it
 * knows no database, queue or GraphQL; the job stores what it returns.
 */
export type * from './types';
export { completeStoredGaps, type StoredGap } from './gaps';
export { passRatesOf } from './checkMatrix';
export { contenderOf, siteOutcome } from './contenders';
export { ruleInsights, writeRuleInsights } from './insights/rules';
export type { LlmOptions } from './insights/llm/options';
export { writeInsights, type WriteInsightsOptions, type WrittenInsights } from './insights/write';

const NO_ERROR_RECORDED = 'not analysed (no error was recorded)';

/**
 * The comparison of a batch, from its targets in submission order. Pure and deterministic: the
 * same targets in the same order give the same document. The first target flagged isSubject is
 * the subject. Targets with a site report (the batch crawls) are compared as sites: by the
 * site's scores and per-check page counts, with pass rates in the check rows.
 */
export function compareTargets(targets: readonly ComparedTarget[]): ComparisonCore {
  const analysed = targets.filter(isAnalysed);
  const contenders = analysed.map(contenderOf);
  const indexable = contenders.filter(isIndexable);
  const ranking = rankTargets(contenders);
  const checks = buildCheckRows(contenders, { passRates: comparesSites(targets) });
  const subjectTarget = targets.find((target) => target.isSubject);
  const analysedSubject = contenders.find((contender) => contender.targetId === subjectTarget?.targetId);

  let subject: SubjectStanding | null = null;
  if (subjectTarget) {
    subject = {
      targetId: subjectTarget.targetId,
      rank: ranking.find((entry) => entry.targetId === subjectTarget.targetId)?.rank ?? null,
      analysedCompetitors: analysed.filter((target) => target !== subjectTarget).length,
    };
  }

  return {
    ranking,
    checks,
    gaps: analysedSubject ? findGaps(analysedSubject, checks, new Set(indexable.map((target) => target.targetId))) : [],
    leaders: findLeaders(indexable),
    subject,
    notAnalysed: targets
      .filter((target) => !isAnalysed(target))
      .map((target) => ({ targetId: target.targetId, error: target.error ?? NO_ERROR_RECORDED })),
  };
}
