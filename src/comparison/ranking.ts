import type { CategoryScores } from '../analysis';
import type { AnalysedTarget, CategoryLeader, RankedEntry, ScoreCategory } from './types';

/**
 * Indexable targets first, whatever the scores: a page search engines drop (404, noindex) is no
 * rival however well it scores. Then best overallScore first. Equal scores share a rank
 * (competition ranking: 1, 1, 3) and keep the order of the input, which is the order the URLs
 * were submitted in.
 */
export function rankTargets(analysed: readonly AnalysedTarget[]): RankedEntry[] {
  // Array.prototype.sort is stable, so equal scores keep their submission order.
  const sorted = [...analysed].sort(
    (a, b) => Number(b.report.indexable) - Number(a.report.indexable) || b.report.scores.overall - a.report.scores.overall,
  );
  const ranking: RankedEntry[] = [];
  for (const [index, { targetId, report }] of sorted.entries()) {
    const previous = ranking[index - 1];
    const tiesPrevious =
      previous !== undefined && previous.indexable === report.indexable && previous.overallScore === report.scores.overall;
    ranking.push({
      rank: tiesPrevious ? previous.rank : index + 1,
      targetId,
      indexable: report.indexable,
      excludedReason: report.excludedReason,
      overallScore: report.scores.overall,
      seoScore: report.scores.seo,
      aeoScore: report.scores.aeo,
      technicalScore: report.scores.technical,
    });
  }
  return ranking;
}

const SCORE_KEYS: Record<ScoreCategory, keyof CategoryScores> = {
  OVERALL: 'overall',
  SEO: 'seo',
  AEO: 'aeo',
  TECHNICAL: 'technical',
};

/** Every indexable target that reaches the best score of a category leads it; none when nothing indexable was analysed. */
export function findLeaders(indexable: readonly AnalysedTarget[]): CategoryLeader[] {
  if (indexable.length === 0) return [];
  return Object.entries(SCORE_KEYS).map(([category, key]) => {
    const score = Math.max(...indexable.map((target) => target.report.scores[key]));
    return {
      category: category as ScoreCategory,
      score,
      targetIds: indexable.filter((target) => target.report.scores[key] === score).map((target) => target.targetId),
    };
  });
}
