import type { BatchReportQuery, CheckCategory, CheckOutcome } from '../../gql/graphql';

export type Report = NonNullable<BatchReportQuery['batch']>;
export type ReportComparison = NonNullable<Report['comparison']>;
export type ReportTarget = Report['targets'][number];
export type RankedSite = ReportComparison['ranking'][number];

export const categoryOrder: readonly CheckCategory[] = ['SEO', 'AEO', 'TECHNICAL'];

export interface MatrixCell {
  outcome: CheckOutcome;
  message: string;
}

export interface MatrixRow {
  checkId: string;
  category: CheckCategory;
  isGap: boolean;
  cells: MatrixCell[];
}

/**
 * Checks down, ranked sites across. The cell's outcome and message come from the site's own check
 * result (so WARN shows); the comparison's passedBy/failedBy fill in when a page lacks the check.
 */
export function buildMatrix(report: Report, comparison: ReportComparison): Map<CheckCategory, MatrixRow[]> {
  // Each site's results by check id, looked up once per cell rather than searched for.
  const results = new Map(report.targets.map((target) => [target.id, new Map(target.analysis?.checks.map((result) => [result.id, result]))]));
  const gapIds = new Set(comparison.gaps.map((gap) => gap.checkId));
  const rows = comparison.checks.map((check): MatrixRow => {
    const passed = new Set(check.passedBy.map((target) => target.id));
    const failed = new Set(check.failedBy.map((target) => target.id));
    const cells = comparison.ranking.map(({ target }): MatrixCell => {
      const result = results.get(target.id)?.get(check.checkId);
      if (result) return { outcome: result.outcome, message: result.message };
      if (passed.has(target.id)) return { outcome: 'PASS', message: 'Passes' };
      if (failed.has(target.id)) return { outcome: 'FAIL', message: 'Fails' };
      return { outcome: 'NOT_APPLICABLE', message: 'Not applicable' };
    });
    return { checkId: check.checkId, category: check.category, isGap: gapIds.has(check.checkId), cells };
  });

  const grouped = new Map<CheckCategory, MatrixRow[]>();
  for (const category of categoryOrder) {
    const inCategory = rows.filter((row) => row.category === category);
    // The subject's gaps lead each group: they are what the reader came for.
    inCategory.sort((a, b) => Number(b.isGap) - Number(a.isGap));
    if (inCategory.length) grouped.set(category, inCategory);
  }
  return grouped;
}
