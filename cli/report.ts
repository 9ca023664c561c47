import { formatGain } from '#shared/format';
import { PARTIAL_NOTE } from '#shared/reportHtml';
import type { CliBatchComparisonQuery } from './gql/graphql';
import { renderTable } from './table';

export type CliComparison = NonNullable<NonNullable<CliBatchComparisonQuery['batch']>['comparison']>;

const textWidth = 60;

function siteName(target: { url: string; isSubject?: boolean }) {
  return target.isSubject ? `${target.url} (my site)` : target.url;
}

/** Says why a site ranks below the indexable ones whatever its score; empty for an indexable one. */
function indexability(site: CliComparison['ranking'][number]): string {
  return site.indexable ? '' : `Not indexable: ${site.excludedReason ?? 'no reason recorded'}`;
}

function rankingSection(comparison: CliComparison): string {
  // The column is there only when a site needs it: most comparisons have none.
  const noted = comparison.ranking.some((site) => !site.indexable);
  return `Ranking\n${renderTable(
    [
      { header: '#', align: 'right' },
      { header: 'Site', maxWidth: textWidth },
      { header: 'Overall', align: 'right' },
      { header: 'SEO', align: 'right' },
      { header: 'AEO', align: 'right' },
      { header: 'Technical', align: 'right' },
      ...(noted ? [{ header: 'Note', maxWidth: 40 }] : []),
    ],
    comparison.ranking.map((site) => [
      String(site.rank),
      siteName(site.target),
      String(site.overallScore),
      String(site.seoScore),
      String(site.aeoScore),
      String(site.technicalScore),
      ...(noted ? [indexability(site)] : []),
    ]),
  )}`;
}

function notAnalysedSection(comparison: CliComparison): string {
  return `Not analysed\n${renderTable(
    [{ header: 'Site', maxWidth: textWidth }, { header: 'Why', maxWidth: textWidth }],
    comparison.notAnalysed.map((entry) => [siteName(entry.target), entry.error]),
  )}`;
}

/** The subject's gaps as a short to-do list, most points of overall score first (as the API orders them). */
function fixFirstSection(comparison: CliComparison): string {
  const { subject, gaps } = comparison;
  if (!subject) return 'Fix first\nNo site was marked as yours (--subject), so there is nothing to fix first.';
  const url = subject.target.url;
  if (subject.rank === null) {
    const why = comparison.notAnalysed.find((entry) => entry.target.id === subject.target.id)?.error;
    return `Fix first on ${url}\nNothing to list: it could not be analysed${why ? ` (${why})` : ''}.`;
  }
  if (gaps.length === 0) return `Fix first on ${url}\nNothing: it passes every check a competitor passes.`;
  return `Fix first on ${url}\n${renderTable(
    [{ header: '#', align: 'right' }, { header: 'Fix', maxWidth: 28 }, { header: 'Gain', align: 'right' }, { header: 'How to fix', maxWidth: textWidth }],
    gaps.map((gap, index) => [String(index + 1), gap.title, formatGain(gap.estimatedGain), gap.howToFix]),
  )}`;
}

/** A title as the first sentence of the insight: "You trail on AEO. Your AEO score is 41…". */
function sentence(title: string): string {
  return /[.!?]$/.test(title) ? title : `${title}.`;
}

/** Insights of a comparison or a visibility audit. */
export function insightsSection(insights: CliComparison['insights']): string {
  if (insights.length === 0) return 'Insights\nNone.';
  return `Insights\n${renderTable(
    [{ header: 'Severity' }, { header: 'Insight', maxWidth: textWidth }, { header: 'Source', maxWidth: 24 }],
    insights.map((insight) => [insight.severity, `${sentence(insight.title)} ${insight.body}`, insight.source]),
  )}`;
}

/** Ranking, the targets left out of it, what the subject should fix first, and the insights, as plain-text tables. */
export function renderReport(comparison: CliComparison): string {
  const sections = [
    ...(comparison.partial ? [PARTIAL_NOTE] : []),
    rankingSection(comparison),
    ...(comparison.notAnalysed.length > 0 ? [notAnalysedSection(comparison)] : []),
    fixFirstSection(comparison),
    insightsSection(comparison.insights),
  ];
  return `${sections.join('\n\n')}\n`;
}
