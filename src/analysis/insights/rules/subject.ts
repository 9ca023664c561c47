import type { RankedEntry } from '../../compare';
import type { Insight } from '../provider';
import { listOf } from '../siteNames';
import { agree, clause, insight, plural, type RuleContext } from './context';

const CATEGORY_SCORES = [
  ['SEO', 'seoScore'],
  ['AEO', 'aeoScore'],
  ['technical', 'technicalScore'],
] as const satisfies readonly (readonly [string, keyof RankedEntry])[];

/** A category score this far behind the best competitor is worth its own insight. */
const TRAILING_POINTS = 20;

/** Where the subject stands: not analysed, its overall rank, and the categories it leads or trails. */
export function standingInsights({ comparison, name, subject }: RuleContext): Insight[] {
  const standing = comparison.subject;
  if (!standing) return [];
  const me = name(standing.targetId);
  if (!subject) {
    const error = comparison.notAnalysed.find((entry) => entry.targetId === standing.targetId)?.error;
    return [
      insight(
        'CRITICAL',
        'Your site could not be analysed',
        `${me}: ${clause(error ?? 'no error was recorded')}. Fix this first; until then the ${plural(standing.analysedCompetitors, 'analysed competitor')} can only be compared among themselves.`,
      ),
    ];
  }
  const mine = comparison.ranking.find((entry) => entry.targetId === standing.targetId);
  const competitors = comparison.ranking.filter((entry) => entry.targetId !== standing.targetId);
  const best = competitors[0];
  if (!mine || !best) return [];

  const insights: Insight[] = [];
  const field = comparison.ranking.length;
  if (mine.rank === 1) {
    insights.push(
      insight(
        'INFO',
        best.rank === 1 ? 'You share the lead' : 'You lead the field',
        `${me} ranks 1 of ${field} analysed sites with an overall score of ${mine.overallScore}; the best competitor, ${name(best.targetId)}, scores ${best.overallScore}.`,
      ),
    );
  } else {
    const leaders = competitors.filter((entry) => entry.rank === 1).map((entry) => name(entry.targetId));
    insights.push(
      insight(
        'OPPORTUNITY',
        `You rank ${mine.rank} of ${field}`,
        `${me} scores ${mine.overallScore} overall; ${listOf(leaders)} ${agree(leaders.length, 'leads', 'lead')} with ${best.overallScore}.`,
      ),
    );
  }

  for (const [label, key] of CATEGORY_SCORES) {
    const bestInCategory = competitors.reduce((top, entry) => (entry[key] > top[key] ? entry : top));
    const score = mine[key];
    const bestScore = bestInCategory[key];
    const rival = name(bestInCategory.targetId);
    if (score > bestScore) {
      insights.push(
        insight('INFO', `You lead on ${label}`, `Your ${label} score is ${score}; the best competitor, ${rival}, has ${bestScore}.`),
      );
    } else if (bestScore - score >= TRAILING_POINTS) {
      insights.push(
        insight(
          'OPPORTUNITY',
          `You trail on ${label}`,
          `Your ${label} score is ${score}; ${rival} has ${bestScore}, ${bestScore - score} points more.`,
        ),
      );
    }
  }
  return insights;
}
