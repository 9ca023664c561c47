import { shortUrl } from '../../format/format';
import type { ReportComparison } from './report';

export function GapList({ gaps, hasSubject }: { gaps: ReportComparison['gaps']; hasSubject: boolean }) {
  if (!hasSubject) return <p class="empty">Mark one URL as your site when you start an analysis to see its gaps.</p>;
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
