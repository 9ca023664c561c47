import type { PageModel } from '../page';
import type { CheckCategory, CheckOutcome, CheckResult } from '../types';

export interface Verdict {
  outcome: CheckOutcome;
  message: string;
}

export interface Check {
  id: string;
  category: CheckCategory;
  /** Relative importance inside its category. */
  weight: number;
  evaluate(page: PageModel): Verdict;
}

export function runChecks(checks: readonly Check[], page: PageModel): CheckResult[] {
  return checks.map(({ id, category, weight, evaluate }) => ({ id, category, weight, ...evaluate(page) }));
}
