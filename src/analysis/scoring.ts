import type { CategoryScores, CheckCategory, CheckResult } from './types';

/** How much each category counts in the overall score. */
export const CATEGORY_WEIGHTS: Record<CheckCategory, number> = { SEO: 0.4, AEO: 0.4, TECHNICAL: 0.2 };

const OUTCOME_CREDIT = { PASS: 1, WARN: 0.5, FAIL: 0 } as const;

type Scored = Pick<CheckResult, 'id' | 'category' | 'weight' | 'outcome'>;

/** Weighted pass rate of the applicable checks of one category, 0..100 unrounded; null when none apply. */
function categoryScore(checks: readonly Scored[], category: CheckCategory): number | null {
  let earned = 0;
  let possible = 0;
  for (const check of checks) {
    if (check.category !== category || check.outcome === 'NOT_APPLICABLE') continue;
    earned += check.weight * OUTCOME_CREDIT[check.outcome];
    possible += check.weight;
  }
  return possible === 0 ? null : (100 * earned) / possible;
}

/** Categories without an applicable check are left out of the overall score, not counted as 0. */
function overallOf(seo: number | null, aeo: number | null, technical: number | null): number {
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
  return totalWeight === 0 ? 0 : weighted / totalWeight;
}

function round(score: number | null): number | null {
  return score === null ? null : Math.round(score);
}

export function scoreChecks(checks: readonly CheckResult[]): CategoryScores {
  const seo = round(categoryScore(checks, 'SEO'));
  const aeo = round(categoryScore(checks, 'AEO'));
  const technical = round(categoryScore(checks, 'TECHNICAL'));
  return { seo: seo ?? 0, aeo: aeo ?? 0, technical: technical ?? 0, overall: Math.round(overallOf(seo, aeo, technical)) };
}

function exactOverall(checks: readonly Scored[]): number {
  return overallOf(categoryScore(checks, 'SEO'), categoryScore(checks, 'AEO'), categoryScore(checks, 'TECHNICAL'));
}

/**
 * Points of the overall score a page gains when `checkId` passes and every other check stays as it
 * is, to one decimal. Unrounded category scores: rounding would make many small fixes worth 0 and
 * others 1 by where the page's score happens to fall, while several fixes together add up.
 */
export function overallGain(checks: readonly Scored[], checkId: string): number {
  const fixed = checks.map((check) => (check.id === checkId ? { ...check, outcome: 'PASS' as const } : check));
  return Math.round(10 * (exactOverall(fixed) - exactOverall(checks))) / 10;
}
