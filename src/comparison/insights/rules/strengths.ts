import { listOf } from '#shared/format';
import { byCodePoint, type CheckRow, type Insight } from '../../types';
import { insight, type RuleContext } from './context';
import { agree, checkName, countOf, quoted } from './wording';

const STRENGTHS = 3;

/**
 * Checks the subject passes that indexable competitors fail or only warn on, most telling first
 * (weight × competitors behind, then check id). A competitor for which the check does not apply
 * is not behind, nor is one search engines do not index (no rival to be ahead of).
 */
export function strengthInsights({ comparison, name, messageOf, inSubmissionOrder, isIndexable, indexableCompetitors }: RuleContext): Insight[] {
  const standing = comparison.subject;
  if (!standing || standing.rank === null || indexableCompetitors === 0) return [];
  const strengths = comparison.checks
    .filter((row) => row.passedBy.includes(standing.targetId))
    .map((row) => ({ row, behind: inSubmissionOrder([...row.failedBy, ...row.warnedBy].filter(isIndexable)) }))
    .filter(({ behind }) => behind.length > 0)
    .sort((a, b) => priority(b.row, b.behind) - priority(a.row, a.behind) || byCodePoint(a.row.checkId, b.row.checkId));
  return strengths.slice(0, STRENGTHS).map(({ row, behind }) => {
    const counted = countOf(behind.length, indexableCompetitors, 'competitor');
    return insight(
      'INFO',
      `You pass ${checkName(row.checkId)}; ${counted} ${agree(behind.length, 'does', 'do')} not`,
      `${name(standing.targetId)}: ${quoted(messageOf(standing.targetId, row.checkId))}. ` +
        `${listOf(behind.map(name))} ${agree(behind.length, 'fails or only warns', 'fail or only warn')} on it.`,
    );
  });
}

function priority(row: CheckRow, behind: readonly string[]): number {
  return row.weight * behind.length;
}
