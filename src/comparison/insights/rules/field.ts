import { listOf } from '#shared/format';
import { byCodePoint, type CategoryLeader, type CheckRow, type Insight } from '../../types';
import { insight, type RuleContext } from './context';
import { agree, checkName, clause, countOf, everywhere, plural } from './wording';

const COMMON_WEAKNESSES = 3;

const CATEGORY_LABELS: Record<CategoryLeader['category'], string> = {
  OVERALL: 'overall',
  SEO: 'SEO',
  AEO: 'AEO',
  TECHNICAL: 'technical',
};

/**
 * The field as a whole: who leads, what most sites miss, what all get right, who is not indexed,
 * who is missing. Leaders, misses and table stakes are counted over indexable sites only.
 */
export function fieldInsights(context: RuleContext): Insight[] {
  return [
    ...leaderInsights(context),
    ...weaknessInsights(context),
    ...tableStakes(context),
    ...notIndexable(context),
    ...notAnalysed(context),
  ];
}

/** The ranking's indexable entries, and the noun that counts them: "analysed site" when that is all of them. */
function indexableField({ comparison }: RuleContext) {
  const entries = comparison.ranking.filter((entry) => entry.indexable);
  return { entries, noun: entries.length === comparison.ranking.length ? 'analysed site' : 'indexable site' };
}

function leaderInsights(context: RuleContext): Insight[] {
  const { comparison, name } = context;
  const { ranking, leaders } = comparison;
  const { entries, noun } = indexableField(context);
  const overall = leaders.find((leader) => leader.category === 'OVERALL');
  const [first] = entries;
  const last = entries[entries.length - 1];
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
  if (entries.length === 1) {
    return [
      insight(
        'INFO',
        `${name(first.targetId)} leads`,
        `It is the only indexable site of ${plural(ranking.length, 'analysed site')}; it scores ${first.overallScore} overall ` +
          `(SEO ${first.seoScore}, AEO ${first.aeoScore}, technical ${first.technicalScore}).`,
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
      `Overall scores run from ${last.overallScore} to ${overall.score} across ${plural(entries.length, noun)}. ` +
        `Best per category: ${listOf(perCategory)}.`,
    ),
  ];
}

/**
 * Checks most indexable sites fail or only warn on: an opening for whoever fixes them first.
 * Most telling first (weight × sites missing it, then check id).
 */
function weaknessInsights(context: RuleContext): Insight[] {
  const { comparison, name, subject, isIndexable, sites } = context;
  const { entries, noun } = indexableField(context);
  const analysed = entries.length;
  if (analysed < 2) return [];
  const missing = (row: CheckRow) => [...row.failedBy, ...row.warnedBy].filter(isIndexable).length;
  return comparison.checks
    .filter((row) => missing(row) * 2 > analysed)
    .sort((a, b) => b.weight * missing(b) - a.weight * missing(a) || byCodePoint(a.checkId, b.checkId))
    .slice(0, COMMON_WEAKNESSES)
    .map((row) => {
      const yoursToo =
        subject && [...row.failedBy, ...row.warnedBy].includes(subject.targetId) ? `${name(subject.targetId)} is one of them. ` : '';
      const passedBy = row.passedBy.filter(isIndexable);
      const passing =
        passedBy.length === 0
          ? `No ${noun} passes it${everywhere(sites)}`
          : `Only ${listOf(passedBy.map(name))} ${agree(passedBy.length, 'passes', 'pass')} it${everywhere(sites)}`;
      return insight(
        'OPPORTUNITY',
        `${countOf(missing(row), analysed, noun)} miss ${checkName(row.checkId)}`,
        `${yoursToo}${passing}; whoever fixes it first stands out.`,
      );
    });
}

function tableStakes(context: RuleContext): Insight[] {
  const { comparison, isIndexable, sites } = context;
  const { entries, noun } = indexableField(context);
  const analysed = entries.length;
  if (analysed < 2) return [];
  const passedByAll = comparison.checks
    .filter((row) => row.passedBy.filter(isIndexable).length === analysed)
    .map((row) => checkName(row.checkId));
  if (passedByAll.length === 0) return [];
  return [
    insight(
      'INFO',
      'What every site gets right',
      `All ${plural(analysed, noun)} pass ${plural(passedByAll.length, 'check')}${everywhere(sites)}: ${listOf(passedByAll)}. ` +
        'These are table stakes, not an edge.',
    ),
  ];
}

/** Competitors search engines do not index (a site: its entry page); the subject's own case is its standing insight. */
function notIndexable({ comparison, name, sites }: RuleContext): Insight[] {
  const excluded = comparison.ranking.filter((entry) => !entry.indexable && entry.targetId !== comparison.subject?.targetId);
  if (excluded.length === 0) return [];
  return [
    insight(
      'INFO',
      `${countOf(excluded.length, comparison.ranking.length, 'analysed site')} ${agree(excluded.length, 'is', 'are')} not indexable`,
      `${agree(excluded.length, 'It ranks', 'They rank')} below every indexable site whatever the score, and ` +
        `${agree(excluded.length, 'is', 'are')} left out of the leaders, the gaps and the counts of sites that pass or miss a check: ` +
        `${excluded.map((entry) => `${name(entry.targetId)} (${sites ? 'entry page: ' : ''}${clause(entry.excludedReason ?? 'not indexable')})`).join('; ')}.`,
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
