import type { CategoryScores, CheckCategory, CheckResult } from './types';

/** How much each category counts in the overall score. */
export const CATEGORY_WEIGHTS: Record<CheckCategory, number> = { SEO: 0.4, AEO: 0.4, TECHNICAL: 0.2 };

export const OUTCOME_CREDIT = { PASS: 1, WARN: 0.5, FAIL: 0 } as const;

type Scored = Pick<CheckResult, 'id' | 'category' | 'weight' | 'outcome'>;

/**
 * What one check adds to its category's weighted pass rate: `earned` of `possible` weight. A page's
 * check adds weight × credit of weight; a site's, the mean of that over its pages.
 */
export interface Contribution {
  category: CheckCategory;
  earned: number;
  possible: number;
}

/** Null when the check does not apply: it is left out of the score. */
export function contributionOf(check: Scored): Contribution | null {
  if (check.outcome === 'NOT_APPLICABLE') return null;
  return { category: check.category, earned: check.weight * OUTCOME_CREDIT[check.outcome], possible: check.weight };
}

function contributionsOf(checks: readonly Scored[]): Contribution[] {
  return checks.map(contributionOf).filter((contribution) => contribution !== null);
}

/** Weighted pass rate of one category, 0..100 unrounded; null when nothing of it applies. */
function categoryScore(contributions: readonly Contribution[], category: CheckCategory): number | null {
  let earned = 0;
  let possible = 0;
  for (const contribution of contributions) {
    if (contribution.category !== category) continue;
    earned += contribution.earned;
    possible += contribution.possible;
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

/** The scores shown: each category rounded, and the overall score of the rounded categories. */
export function scoreContributions(contributions: readonly Contribution[]): CategoryScores {
  const seo = round(categoryScore(contributions, 'SEO'));
  const aeo = round(categoryScore(contributions, 'AEO'));
  const technical = round(categoryScore(contributions, 'TECHNICAL'));
  return { seo: seo ?? 0, aeo: aeo ?? 0, technical: technical ?? 0, overall: Math.round(overallOf(seo, aeo, technical)) };
}

export function scoreChecks(checks: readonly CheckResult[]): CategoryScores {
  return scoreContributions(contributionsOf(checks));
}

/**
 * The overall score of unrounded categories, what gains are measured on: rounding would make many
 * small fixes worth 0 and others 1 by where the score happens to fall, while several fixes together add up.
 */
function exactOverall(contributions: readonly Contribution[]): number {
  return overallOf(
    categoryScore(contributions, 'SEO'),
    categoryScore(contributions, 'AEO'),
    categoryScore(contributions, 'TECHNICAL'),
  );
}

/** Points of the exact overall score `after` has over `before`, to one decimal. */
export function overallDifference(before: readonly Contribution[], after: readonly Contribution[]): number {
  return Math.round(10 * (exactOverall(after) - exactOverall(before))) / 10;
}

/** Points of the overall score a page gains when `checkId` passes and every other check stays as it is, to one decimal. */
export function overallGain(checks: readonly Scored[], checkId: string): number {
  const fixed = checks.map((check) => (check.id === checkId ? { ...check, outcome: 'PASS' as const } : check));
  return overallDifference(contributionsOf(checks), contributionsOf(fixed));
}
