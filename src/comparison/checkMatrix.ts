import type { CheckOutcome } from '../analysis';
import type { CheckRow, Contender, SitePassRate } from './types';

const LIST_OF: Partial<Record<CheckOutcome, 'passedBy' | 'warnedBy' | 'failedBy'>> = {
  PASS: 'passedBy',
  WARN: 'warnedBy',
  FAIL: 'failedBy',
};

/**
 * One row per check id, in the order checks first appear across the targets (the analyser's
 * catalogue order). Category and weight come from the first report that has the check. With
 * `passRates` (sites are compared), each row also keeps every site's share of pages passing.
 */
export function buildCheckRows(contenders: readonly Contender[], { passRates = false } = {}): CheckRow[] {
  const rows = new Map<string, CheckRow>();
  for (const { targetId, checks } of contenders) {
    for (const check of checks) {
      let row = rows.get(check.id);
      if (!row) {
        row = { checkId: check.id, category: check.category, weight: check.weight, passedBy: [], warnedBy: [], failedBy: [] };
        if (passRates) row.passRates = [];
        rows.set(check.id, row);
      }
      const list = LIST_OF[check.outcome];
      if (!list) continue;
      row[list].push(targetId);
      row.passRates?.push({ targetId, rate: check.passRate });
    }
  }
  return [...rows.values()];
}

/**
 * Each target's pass rate of a row, for every target the check applies to: the stored rates of a
 * site comparison; for pages (and comparisons stored before rates were kept), 1 for a pass and 0
 * for a warning or failure, which is what a one-page site's rate is.
 */
export function passRatesOf(row: CheckRow): SitePassRate[] {
  if (row.passRates) return row.passRates;
  return [
    ...row.passedBy.map((targetId) => ({ targetId, rate: 1 })),
    ...[...row.warnedBy, ...row.failedBy].map((targetId) => ({ targetId, rate: 0 })),
  ];
}
