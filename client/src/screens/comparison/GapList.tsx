import { shortUrl } from '#shared/format';
import type { ReportComparison } from './report';

export function GapList({ gaps, subject }: Pick<ReportComparison, 'gaps' | 'subject'>) {
  if (!subject) return <p class="empty">Mark one URL as your site when you start an analysis to see its gaps.</p>;
  // Its reason is in the Not ranked notice above; without this, no gaps would read as a clean pass.
  if (subject.rank === null) return <p class="empty">Your site could not be analysed, so it has no gaps to list.</p>;
  if (gaps.length === 0) return <p class="empty">Your site passes every check that a competitor passes.</p>;
  return (
    <ul class="gaps">
      {gaps.map((gap) => (
        <li key={gap.checkId} data-check-id={gap.checkId}>
          <strong>{gap.checkId}</strong>
          <span class="gap-message">{gap.message}</span>
          <span class="gap-competitors">Passed by {gap.competitors.map((target) => shortUrl(target.url)).join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}
