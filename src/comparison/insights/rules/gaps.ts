import { formatGain, listOf } from '#shared/format';
import type { Insight } from '../../types';
import { insight, type RuleContext } from './context';
import { agree, checkName, competitorNoun, countOf, everywhere, plural } from './wording';

/**
 * What the subject's gaps are worth. The gaps themselves are listed one by one with their findings
 * and fixes ("what to fix first"); the insights say only what that list does not: which one gains
 * the most, and where closing them all would put the subject.
 */
export function gapInsights(context: RuleContext): Insight[] {
  const { comparison, subject } = context;
  if (!subject || !comparison.subject) return [];
  if (comparison.gaps.length === 0) return [];
  return [biggestGap(context), ...(comparison.gaps.length > 1 ? [allGaps(context)] : [])];
}

/**
 * The gap worth the most points: CRITICAL when the subject fails what most competitors pass. For
 * a site, how many of its pages it affects; a site passes only on every page.
 */
function biggestGap({ comparison, name, indexableCompetitors: competitors, sites, checkOf }: RuleContext): Insight {
  const gap = comparison.gaps[0]!;
  const tied = comparison.gaps[1]?.estimatedGain === gap.estimatedGain;
  const severity = gap.subjectOutcome === 'FAIL' && gap.competitors.length * 2 > competitors ? 'CRITICAL' : 'OPPORTUNITY';
  const applicable = checkOf(comparison.subject!.targetId, gap.checkId)?.applicablePages ?? 1;
  // A site-wide file (robots.txt, llms.txt) counts as one page: "1 of your 1 page" says nothing.
  const affects = sites && applicable > 1 ? `It affects ${gap.pagesAffected} of your ${applicable} pages and is worth` : 'It is worth';
  return insight(
    severity,
    `Fix ${checkName(gap.checkId)} first`,
    `${affects} ${formatGain(gap.estimatedGain)} of overall score, ${tied ? 'as much as any' : 'the most'} of your ${plural(comparison.gaps.length, 'gap')}; ` +
      `${countOf(gap.competitors.length, competitors, competitorNoun(sites))} already ${agree(gap.competitors.length, 'passes', 'pass')} it${everywhere(sites)}: ` +
      `${listOf(gap.competitors.map(name))}.`,
  );
}

/** The score and rank the subject would reach by passing every check a competitor passes. */
function allGaps({ comparison, name }: RuleContext): Insight {
  const { gaps, ranking } = comparison;
  const subjectId = comparison.subject!.targetId;
  const mine = ranking.find((entry) => entry.targetId === subjectId)!;
  // Gains add up: each changes its own category's pass rate and nothing else.
  const total = Math.round(10 * gaps.reduce((sum, gap) => sum + gap.estimatedGain, 0)) / 10;
  const reached = Math.min(100, Math.round(mine.overallScore + total));
  // Non-indexable sites rank below every indexable one, whatever their score.
  const ahead = ranking.filter((entry) => entry.targetId !== subjectId && entry.indexable && entry.overallScore > reached);
  const standing = !mine.indexable
    ? 'but it stays below every indexable site until search engines may index it'
    : ahead.length === 0
      ? `enough to rank 1 of ${ranking.length}`
      : `which would rank ${ahead.length + 1} of ${ranking.length}, behind ${listOf(ahead.map((entry) => `${name(entry.targetId)} (${entry.overallScore})`))}`;
  return insight(
    'OPPORTUNITY',
    `Closing all ${gaps.length} gaps is worth about ${formatGain(total)}`,
    `Your overall score would go from ${mine.overallScore} to about ${reached}, ${standing}.`,
  );
}
