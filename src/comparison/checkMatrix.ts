import type { CheckOutcome } from '../analysis';
import type { AnalysedTarget, CheckRow } from './types';

const LIST_OF: Partial<Record<CheckOutcome, 'passedBy' | 'warnedBy' | 'failedBy'>> = {
  PASS: 'passedBy',
  WARN: 'warnedBy',
  FAIL: 'failedBy',
};

/**
 * One row per check id, in the order checks first appear across the targets (the analyser's
 * catalogue order). Category and weight come from the first report that has the check.
 */
export function buildCheckRows(analysed: readonly AnalysedTarget[]): CheckRow[] {
  const rows = new Map<string, CheckRow>();
  for (const { targetId, report } of analysed) {
    for (const check of report.checks) {
      let row = rows.get(check.id);
      if (!row) {
        row = { checkId: check.id, category: check.category, weight: check.weight, passedBy: [], warnedBy: [], failedBy: [] };
        rows.set(check.id, row);
      }
      const list = LIST_OF[check.outcome];
      if (list) row[list].push(targetId);
    }
  }
  return [...rows.values()];
}
