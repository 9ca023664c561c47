import type { GapEntry, Insight } from '../../types';
import { insight, type RuleContext } from './context';
import { agree, countOf, listOf, quoted } from './wording';

/** The most telling gaps get an insight each; the rest are summed up in one. */
const DETAILED_GAPS = 5;

/** The subject's gaps, most telling first: a FAIL that most competitors pass is CRITICAL. */
export function gapInsights(context: RuleContext): Insight[] {
  const { comparison, subject, indexableCompetitors: competitors } = context;
  if (!subject || !comparison.subject) return [];
  const { targetId } = comparison.subject;
  const detailed = comparison.gaps
    .slice(0, DETAILED_GAPS)
    .map((gap) => gapInsight(context, gap, { subjectId: targetId, competitors }));
  const rest = comparison.gaps.slice(DETAILED_GAPS);
  if (rest.length === 0) return detailed;
  return [
    ...detailed,
    insight(
      'OPPORTUNITY',
      `${rest.length} more ${rest.length === 1 ? 'gap' : 'gaps'}`,
      `Competitors also pass ${listOf(rest.map((gap) => `${gap.checkId} (${countOf(gap.competitors.length, competitors, 'competitor')})`))}.`,
    ),
  ];
}

function gapInsight(
  { name, messageOf }: RuleContext,
  gap: GapEntry,
  { subjectId, competitors }: { subjectId: string; competitors: number },
): Insight {
  const passing = countOf(gap.competitors.length, competitors, 'competitor');
  const fails = gap.subjectOutcome === 'FAIL';
  const example = gap.competitors[0] as string;
  const many = gap.competitors.length > 1;
  const severity = fails && gap.competitors.length * 2 > competitors ? 'CRITICAL' : 'OPPORTUNITY';
  return insight(
    severity,
    `${passing} ${agree(gap.competitors.length, 'passes', 'pass')} ${gap.checkId}; you ${fails ? 'fail it' : 'only get a warning'}`,
    `${listOf(gap.competitors.map(name))} ${agree(gap.competitors.length, 'passes', 'pass')} ${gap.checkId} ` +
      `(${gap.category}, weight ${gap.weight}); ${many ? `for example ${name(example)}` : 'it reports'}: ` +
      `${quoted(messageOf(example, gap.checkId))}. ` +
      `${name(subjectId)} ${fails ? 'fails' : 'only warns'}: ${quoted(gap.message)}.`,
  );
}
