import { isAnalysed } from './analysed';
import { buildCheckRows } from './checkMatrix';
import { findGaps } from './gaps';
import { findLeaders, rankTargets } from './ranking';
import type { ComparedTarget, ComparisonCore, SubjectStanding } from './types';

export type * from './types';

const NO_ERROR_RECORDED = 'not analysed (no error was recorded)';

/**
 * The comparison of a batch, from its targets in submission order. Pure and deterministic: the
 * same targets in the same order give the same document. The first target flagged isSubject is
 * the subject.
 */
export function compareTargets(targets: readonly ComparedTarget[]): ComparisonCore {
  const analysed = targets.filter(isAnalysed);
  const ranking = rankTargets(analysed);
  const checks = buildCheckRows(analysed);
  const subjectTarget = targets.find((target) => target.isSubject);
  const analysedSubject = subjectTarget && isAnalysed(subjectTarget) ? subjectTarget : undefined;

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
    gaps: analysedSubject ? findGaps(analysedSubject, checks) : [],
    leaders: findLeaders(analysed),
    subject,
    notAnalysed: targets
      .filter((target) => !isAnalysed(target))
      .map((target) => ({ targetId: target.targetId, error: target.error ?? NO_ERROR_RECORDED })),
  };
}
