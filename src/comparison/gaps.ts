import { overallGain, type CheckOutcome } from '../analysis';
import { byCodePoint, type CheckRow, type ComparisonCore, type Contender, type GapEntry } from './types';

/** Most points first; equal gains by check id, so the order is the same on every run. */
function byGain(a: GapEntry, b: GapEntry): number {
  return b.estimatedGain - a.estimatedGain || byCodePoint(a.checkId, b.checkId);
}

/**
 * Checks the subject fails or only warns on that at least one indexable competitor passes
 * (`indexable`: their target ids), with the points of the subject's overall score that passing
 * each on every affected page would gain; most points first.
 */
export function findGaps(subject: Contender, rows: readonly CheckRow[], indexable: ReadonlySet<string>): GapEntry[] {
  const rowOf = new Map(rows.map((row) => [row.checkId, row]));
  const gaps: GapEntry[] = [];
  for (const check of subject.checks) {
    if (check.outcome !== 'FAIL' && check.outcome !== 'WARN') continue;
    const row = rowOf.get(check.id);
    const competitors = row ? row.passedBy.filter((id) => id !== subject.targetId && indexable.has(id)) : [];
    if (competitors.length === 0) continue;
    gaps.push({
      checkId: check.id,
      category: check.category,
      weight: check.weight,
      subjectOutcome: check.outcome,
      message: check.message,
      competitors,
      priority: check.weight * competitors.length,
      estimatedGain: subject.gainOf(check.id),
      pagesAffected: check.pagesAffected,
    });
  }
  return gaps.sort(byGain);
}

function outcomeIn(row: CheckRow, targetId: string): CheckOutcome {
  if (row.passedBy.includes(targetId)) return 'PASS';
  if (row.warnedBy.includes(targetId)) return 'WARN';
  return row.failedBy.includes(targetId) ? 'FAIL' : 'NOT_APPLICABLE';
}

/** A gap as comparisons stored before gains were computed kept it. */
export type StoredGap = Omit<GapEntry, 'estimatedGain' | 'pagesAffected'> & Partial<GapEntry>;

/**
 * The gaps of a comparison stored before gains were computed, with them and in their order. The
 * check rows hold the subject's outcome of every check with its category and weight: all the
 * rescoring needs.
 */
export function completeStoredGaps(comparison: Omit<ComparisonCore, 'gaps'> & { gaps: StoredGap[] }): GapEntry[] {
  const subjectId = comparison.subject?.targetId;
  const subjectChecks = subjectId
    ? comparison.checks.map((row) => ({ id: row.checkId, category: row.category, weight: row.weight, outcome: outcomeIn(row, subjectId) }))
    : [];
  const complete = (gap: StoredGap): GapEntry =>
    gap.estimatedGain === undefined || gap.pagesAffected === undefined
      ? { ...gap, estimatedGain: overallGain(subjectChecks, gap.checkId), pagesAffected: 1 }
      : { ...gap, estimatedGain: gap.estimatedGain, pagesAffected: gap.pagesAffected };
  return comparison.gaps.map(complete).sort(byGain);
}
