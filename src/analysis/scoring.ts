import type { CategoryScores, CheckCategory, CheckResult } from './types';

/** How much each category counts in the overall score. */
export const CATEGORY_WEIGHTS: Record<CheckCategory, number> = { SEO: 0.4, AEO: 0.4, TECHNICAL: 0.2 };

const OUTCOME_CREDIT = { PASS: 1, WARN: 0.5, FAIL: 0 } as const;

/** Weighted pass rate of the applicable checks of one category, 0..100; null when none apply. */
function categoryScore(checks: readonly CheckResult[], category: CheckCategory): number | null {
  let earned = 0;
  let possible = 0;
  for (const check of checks) {
    if (check.category !== category || check.outcome === 'NOT_APPLICABLE') continue;
    earned += check.weight * OUTCOME_CREDIT[check.outcome];
    possible += check.weight;
  }
  return possible === 0 ? null : Math.round((100 * earned) / possible);
}

/** Categories without an applicable check are left out of the overall score, not counted as 0. */
export function scoreChecks(checks: readonly CheckResult[]): CategoryScores {
  const seo = categoryScore(checks, 'SEO');
  const aeo = categoryScore(checks, 'AEO');
  const technical = categoryScore(checks, 'TECHNICAL');
  let weighted = 0;
  let totalWeight = 0;
  for (const [score, weight] of [
    [seo, CATEGORY_WEIGHTS.SEO],
    [aeo, CATEGORY_WEIGHTS.AEO],
    [technical, CATEGORY_WEIGHTS.TECHNICAL],
  ] as const) {
    if (score === null) continue;
    weighted += score * weight;
    totalWeight += weight;
  }
  return {
    seo: seo ?? 0,
    aeo: aeo ?? 0,
    technical: technical ?? 0,
    overall: totalWeight === 0 ? 0 : Math.round(weighted / totalWeight),
  };
}
