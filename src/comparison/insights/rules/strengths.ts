import { listOf } from '#shared/format';
import { byCodePoint, type CheckRow, type Insight } from '../../types';
import { insight, type RuleContext } from './context';
import { agree, checkName, competitorNoun, countOf, everywhere, percent, quoted } from './wording';

const STRENGTHS = 3;

/**
 * Checks the subject passes that indexable competitors fail or only warn on, most telling first
 * (weight × competitors behind, then check id). A competitor for which the check does not apply
 * is not behind, nor is one search engines do not index (no rival to be ahead of). Sites pass on
 * every page; those behind are named with their share of pages passing.
 */
export function strengthInsights(context: RuleContext): Insight[] {
  const { comparison, name, messageOf, inSubmissionOrder, isIndexable, indexableCompetitors, sites } = context;
  const standing = comparison.subject;
  if (!standing || standing.rank === null || indexableCompetitors === 0) return [];
  const strengths = comparison.checks
    .filter((row) => row.passedBy.includes(standing.targetId))
    .map((row) => ({ row, behind: inSubmissionOrder([...row.failedBy, ...row.warnedBy].filter(isIndexable)) }))
    .filter(({ behind }) => behind.length > 0)
    .sort((a, b) => priority(b.row, b.behind) - priority(a.row, a.behind) || byCodePoint(a.row.checkId, b.row.checkId));
  return strengths.slice(0, STRENGTHS).map(({ row, behind }) => {
    const counted = countOf(behind.length, indexableCompetitors, competitorNoun(sites));
    return insight(
      'INFO',
      `You pass ${checkName(row.checkId)}${everywhere(sites)}; ${counted} ${agree(behind.length, 'does', 'do')} not`,
      `${name(standing.targetId)}: ${quoted(messageOf(standing.targetId, row.checkId))}. ` +
        (sites ? passingElsewhere(context, row.checkId, behind) : `${listOf(behind.map(name))} ${agree(behind.length, 'fails or only warns', 'fail or only warn')} on it.`),
    );
  });
}

/** "Pages passing it elsewhere: rival-one.test 40 % and rival-two.test 0 %." */
function passingElsewhere({ name, checkOf }: RuleContext, checkId: string, behind: readonly string[]): string {
  return `Pages passing it elsewhere: ${listOf(behind.map((targetId) => `${name(targetId)} ${percent(checkOf(targetId, checkId)?.passRate ?? 0)}`))}.`;
}

function priority(row: CheckRow, behind: readonly string[]): number {
  return row.weight * behind.length;
}
