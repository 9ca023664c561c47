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

function gapsSection(comparison: CliComparison): string {
  const { subject, gaps } = comparison;
  if (!subject) return 'Gaps\nNo site was marked as yours (--subject), so there are no gaps to list.';
  const url = subject.target.url;
  if (subject.rank === null) {
    const why = comparison.notAnalysed.find((entry) => entry.target.id === subject.target.id)?.error;
    return `Gaps of ${url}\nNone to list: it could not be analysed${why ? ` (${why})` : ''}.`;
  }
  if (gaps.length === 0) return `Gaps of ${url}\nNone: it passes every check a competitor passes.`;
  return `Gaps of ${url}\n${renderTable(
    [{ header: 'Check' }, { header: 'What was found', maxWidth: textWidth }, { header: 'Passed by', maxWidth: 40 }],
    gaps.map((gap) => [gap.checkId, gap.message, gap.competitors.map((target) => target.url).join(' ')]),
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

/** Ranking, the targets left out of it, the subject's gaps, and the insights, as plain-text tables. */
export function renderReport(comparison: CliComparison): string {
  const sections = [
    rankingSection(comparison),
    ...(comparison.notAnalysed.length > 0 ? [notAnalysedSection(comparison)] : []),
    gapsSection(comparison),
    insightsSection(comparison.insights),
  ];
  return `${sections.join('\n\n')}\n`;
}
