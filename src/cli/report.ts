import type { CliBatchComparisonQuery } from './gql/graphql';
import { renderTable } from './table';

export type CliComparison = NonNullable<NonNullable<CliBatchComparisonQuery['batch']>['comparison']>;

const textWidth = 60;

function siteName(target: { url: string; isSubject?: boolean }) {
  return target.isSubject ? `${target.url} (my site)` : target.url;
}

/** Ranking, the subject's gaps, and the insights, as plain-text tables. */
export function renderReport(comparison: CliComparison): string {
  const sections: string[] = [];

  sections.push(
    `Ranking\n${renderTable(
      [
        { header: '#', align: 'right' },
        { header: 'Site', maxWidth: textWidth },
        { header: 'Overall', align: 'right' },
        { header: 'SEO', align: 'right' },
        { header: 'AEO', align: 'right' },
        { header: 'Technical', align: 'right' },
      ],
      comparison.ranking.map((site) => [
        String(site.rank),
        siteName(site.target),
        String(site.overallScore),
        String(site.seoScore),
        String(site.aeoScore),
        String(site.technicalScore),
      ]),
    )}`,
  );

  const subject = comparison.ranking.find((site) => site.target.isSubject)?.target;
  if (!subject) sections.push('Gaps\nNo site was marked as yours (--subject), so there are no gaps to list.');
  else if (comparison.gaps.length === 0) sections.push(`Gaps of ${subject.url}\nNone: it passes every check a competitor passes.`);
  else {
    sections.push(
      `Gaps of ${subject.url}\n${renderTable(
        [{ header: 'Check' }, { header: 'What was found', maxWidth: textWidth }, { header: 'Passed by', maxWidth: 40 }],
        comparison.gaps.map((gap) => [gap.checkId, gap.message, gap.competitors.map((target) => target.url).join(' ')]),
      )}`,
    );
  }

  sections.push(
    comparison.insights.length === 0
      ? 'Insights\nNone.'
      : `Insights\n${renderTable(
          [{ header: 'Severity' }, { header: 'Insight', maxWidth: textWidth }, { header: 'Source', maxWidth: 24 }],
          comparison.insights.map((insight) => [insight.severity, `${insight.title}: ${insight.body}`, insight.source]),
        )}`,
  );

  return `${sections.join('\n\n')}\n`;
}
