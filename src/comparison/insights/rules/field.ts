import { byCodePoint, type CategoryLeader, type CheckRow, type Insight } from '../../types';
import { insight, type RuleContext } from './context';
import { agree, checkName, clause, countOf, listOf, plural } from './wording';

const COMMON_WEAKNESSES = 3;

const CATEGORY_LABELS: Record<CategoryLeader['category'], string> = {
  OVERALL: 'overall',
  SEO: 'SEO',
  AEO: 'AEO',
  TECHNICAL: 'technical',
};

/** The field as a whole: who leads, what most sites miss, what all get right, who is missing. */
export function fieldInsights(context: RuleContext): Insight[] {
  return [...leaderInsights(context), ...weaknessInsights(context), ...tableStakes(context), ...notAnalysed(context)];
}

function leaderInsights({ comparison, name }: RuleContext): Insight[] {
  const { ranking, leaders } = comparison;
  const overall = leaders.find((leader) => leader.category === 'OVERALL');
  const [first] = ranking;
  const last = ranking[ranking.length - 1];
  if (!overall || !first || !last) return [];
  if (ranking.length === 1) {
    return [
      insight(
        'INFO',
        `Only ${name(first.targetId)} could be analysed`,
        `It scores ${first.overallScore} overall (SEO ${first.seoScore}, AEO ${first.aeoScore}, technical ${first.technicalScore}); ` +
          'there is nothing to compare it with.',
      ),
    ];
  }
  const names = overall.targetIds.map(name);
  const perCategory = leaders
    .filter((leader) => leader.category !== 'OVERALL')
    .map((leader) => `${CATEGORY_LABELS[leader.category]} ${leader.score} (${listOf(leader.targetIds.map(name))})`);
  return [
    insight(
      'INFO',
      `${listOf(names)} ${agree(names.length, 'leads', 'share the lead')}`,
      `Overall scores run from ${last.overallScore} to ${overall.score} across ${plural(ranking.length, 'analysed site')}. ` +
        `Best per category: ${listOf(perCategory)}.`,
    ),
  ];
}

/**
 * Checks most analysed sites fail or only warn on: an opening for whoever fixes them first.
 * Most telling first (weight × sites missing it, then check id).
 */
function weaknessInsights({ comparison, name, subject }: RuleContext): Insight[] {
  const analysed = comparison.ranking.length;
  if (analysed < 2) return [];
  const missing = (row: CheckRow) => row.failedBy.length + row.warnedBy.length;
  return comparison.checks
    .filter((row) => missing(row) * 2 > analysed)
    .sort((a, b) => b.weight * missing(b) - a.weight * missing(a) || byCodePoint(a.checkId, b.checkId))
    .slice(0, COMMON_WEAKNESSES)
    .map((row) => {
      const yoursToo =
        subject && [...row.failedBy, ...row.warnedBy].includes(subject.targetId) ? `${name(subject.targetId)} is one of them. ` : '';
      const passing =
        row.passedBy.length === 0 ? 'No analysed site passes it' : `Only ${listOf(row.passedBy.map(name))} ${agree(row.passedBy.length, 'passes', 'pass')} it`;
      return insight(
        'OPPORTUNITY',
        `${countOf(missing(row), analysed, 'analysed site')} miss ${checkName(row.checkId)}`,
        `${yoursToo}${passing}; whoever fixes it first stands out.`,
      );
    });
}

function tableStakes({ comparison }: RuleContext): Insight[] {
  const analysed = comparison.ranking.length;
  if (analysed < 2) return [];
  const passedByAll = comparison.checks
    .filter((row) => row.passedBy.length === analysed)
    .map((row) => checkName(row.checkId));
  if (passedByAll.length === 0) return [];
  return [
    insight(
      'INFO',
      'What every site gets right',
      `All ${analysed} analysed sites pass ${plural(passedByAll.length, 'check')}: ${listOf(passedByAll)}. These are table stakes, not an edge.`,
    ),
  ];
}

function notAnalysed({ comparison, name }: RuleContext): Insight[] {
  const missing = comparison.notAnalysed;
  if (missing.length === 0) return [];
  const total = comparison.ranking.length + missing.length;
  const nothingAnalysed = comparison.ranking.length === 0;
  return [
    insight(
      nothingAnalysed ? 'CRITICAL' : 'INFO',
      `${countOf(missing.length, total, 'site')} could not be analysed`,
      `${nothingAnalysed ? 'There is nothing to compare' : `${agree(missing.length, 'It is', 'They are')} left out of the ranking and the check comparison`}: ` +
        `${missing.map((entry) => `${name(entry.targetId)} (${clause(entry.error)})`).join('; ')}.`,
    ),
  ];
}
