import { byCodePoint, type AnalysedTarget, type CheckRow, type GapEntry, type GapOutcome } from './types';

const OUTCOME_ORDER: Record<GapOutcome, number> = { FAIL: 0, WARN: 1 };

/**
 * Checks the subject fails or only warns on that at least one indexable competitor passes
 * (`indexable`: their target ids). Most telling first: highest weight × passing competitors;
 * then a FAIL before a WARN; then by check id.
 */
export function findGaps(subject: AnalysedTarget, rows: readonly CheckRow[], indexable: ReadonlySet<string>): GapEntry[] {
  const rowOf = new Map(rows.map((row) => [row.checkId, row]));
  const gaps: GapEntry[] = [];
  for (const check of subject.report.checks) {
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
    });
  }
  return gaps.sort(
    (a, b) =>
      b.priority - a.priority ||
      OUTCOME_ORDER[a.subjectOutcome] - OUTCOME_ORDER[b.subjectOutcome] ||
      byCodePoint(a.checkId, b.checkId),
  );
}
