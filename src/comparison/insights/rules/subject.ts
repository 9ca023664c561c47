import { listOf } from '#shared/format';
import type { Insight, RankedEntry } from '../../types';
import { insight, type RuleContext } from './context';
import { agree, clause } from './wording';

const CATEGORY_SCORES = [
  ['SEO', 'seoScore'],
  ['AEO', 'aeoScore'],
  ['technical', 'technicalScore'],
] as const satisfies readonly (readonly [string, keyof RankedEntry])[];

/** A category score this far behind the best competitor is worth its own insight. */
const TRAILING_POINTS = 20;

/**
 * Where the subject stands: not analysed, not indexable, or its overall rank; and the categories
 * it leads or trails against indexable competitors.
 */
export function standingInsights(context: RuleContext): Insight[] {
  const { comparison, subject } = context;
  const standing = comparison.subject;
  if (!standing) return [];
  if (!subject) return [notAnalysedInsight(context, standing.targetId, standing.analysedCompetitors)];
  const mine = comparison.ranking.find((entry) => entry.targetId === standing.targetId);
  if (!mine) return [];
  const competitors = comparison.ranking.filter((entry) => entry.targetId !== standing.targetId && entry.indexable);
  if (!mine.indexable) return [notIndexableInsight(context, mine), ...categoryInsights(context, mine, competitors)];
  if (competitors.length === 0) return [];
  return [rankInsight(context, mine, competitors), ...categoryInsights(context, mine, competitors)];
}

/** A site is judged by its entry page: the page search engines and visitors reach first. */
function notIndexableInsight({ comparison, name, sites }: RuleContext, mine: RankedEntry): Insight {
  return insight(
    'CRITICAL',
    sites ? "Search engines will not index your site's entry page" : 'Search engines will not index your page',
    `${name(mine.targetId)}${sites ? ', entry page' : ''}: ${clause(mine.excludedReason ?? 'not indexable')}. ` +
      `${sites ? 'The site' : 'It'} ranks ${mine.rank} of ${comparison.ranking.length}, below every indexable site whatever its score ` +
      `(${mine.overallScore} overall); fix this first.`,
  );
}

function notAnalysedInsight({ comparison, name }: RuleContext, subjectId: string, competitors: number): Insight {
  const error = comparison.notAnalysed.find((entry) => entry.targetId === subjectId)?.error;
  return insight(
    'CRITICAL',
    'Your site could not be analysed',
    `${name(subjectId)}: ${clause(error ?? 'no error was recorded')}. Fix this first; until then ` +
      (competitors >= 2
        ? `the ${competitors} analysed competitors can only be compared among themselves.`
        : 'there is nothing to compare.'),
  );
}

/** `competitors` are the other indexable ranking entries, best first; `mine` is indexable. */
function rankInsight({ comparison, name }: RuleContext, mine: RankedEntry, competitors: readonly RankedEntry[]): Insight {
  const best = competitors[0] as RankedEntry;
  const field = comparison.ranking.length;
  if (mine.rank === 1) {
    return insight(
      'INFO',
      best.rank === 1 ? 'You share the lead' : 'You lead the field',
      `${name(mine.targetId)} ranks 1 of ${field} analysed sites with an overall score of ${mine.overallScore}; ` +
        `the best competitor, ${name(best.targetId)}, scores ${best.overallScore}.`,
    );
  }
  const leaders = competitors.filter((entry) => entry.rank === 1).map((entry) => name(entry.targetId));
  return insight(
    'OPPORTUNITY',
    `You rank ${mine.rank} of ${field}`,
    `${name(mine.targetId)} scores ${mine.overallScore} overall; ${listOf(leaders)} ${agree(leaders.length, 'leads', 'lead')} with ${best.overallScore}.`,
  );
}

function categoryInsights({ name }: RuleContext, mine: RankedEntry, competitors: readonly RankedEntry[]): Insight[] {
  const insights: Insight[] = [];
  if (competitors.length === 0) return insights;
  for (const [label, key] of CATEGORY_SCORES) {
    const bestInCategory = competitors.reduce((top, entry) => (entry[key] > top[key] ? entry : top));
    const score = mine[key];
    const bestScore = bestInCategory[key];
    const rival = name(bestInCategory.targetId);
    if (score > bestScore) {
      insights.push(
        insight('INFO', `You lead on ${label}`, `Your score is ${score}; the best competitor, ${rival}, has ${bestScore}.`),
      );
    } else if (bestScore - score >= TRAILING_POINTS) {
      insights.push(
        insight('OPPORTUNITY', `You trail on ${label}`, `Your score is ${score}; ${rival} has ${bestScore}, ${bestScore - score} points more.`),
      );
    }
  }
  return insights;
}
