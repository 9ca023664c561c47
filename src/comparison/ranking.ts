import type { CategoryScores } from '../analysis';
import type { CategoryLeader, Contender, RankedEntry, ScoreCategory } from './types';

/**
 * Indexable targets first, whatever the scores: a page search engines drop (404, noindex), or a
 * site whose entry page they drop, is no rival however well it scores. Then best overallScore
 * first. Equal scores share a rank (competition ranking: 1, 1, 3) and keep the order of the
 * input, which is the order the URLs were submitted in.
 */
export function rankTargets(contenders: readonly Contender[]): RankedEntry[] {
  // Array.prototype.sort is stable, so equal scores keep their submission order.
  const sorted = [...contenders].sort((a, b) => Number(b.indexable) - Number(a.indexable) || b.scores.overall - a.scores.overall);
  const ranking: RankedEntry[] = [];
  for (const [index, { targetId, indexable, excludedReason, scores }] of sorted.entries()) {
    const previous = ranking[index - 1];
    const tiesPrevious = previous !== undefined && previous.indexable === indexable && previous.overallScore === scores.overall;
    ranking.push({
      rank: tiesPrevious ? previous.rank : index + 1,
      targetId,
      indexable,
      excludedReason,
      overallScore: scores.overall,
      seoScore: scores.seo,
      aeoScore: scores.aeo,
      technicalScore: scores.technical,
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
export function findLeaders(indexable: readonly Contender[]): CategoryLeader[] {
  if (indexable.length === 0) return [];
  return Object.entries(SCORE_KEYS).map(([category, key]) => {
    const score = Math.max(...indexable.map((contender) => contender.scores[key]));
    return {
      category: category as ScoreCategory,
      score,
      targetIds: indexable.filter((contender) => contender.scores[key] === score).map((contender) => contender.targetId),
    };
  });
}
