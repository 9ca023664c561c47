import { titleCase } from '../../format/format';
import type { InsightSeverity } from '../../gql/graphql';
import type { ReportComparison } from './report';

const severityOrder: Record<InsightSeverity, number> = { CRITICAL: 0, OPPORTUNITY: 1, INFO: 2 };

export function InsightList({ insights }: { insights: ReportComparison['insights'] }) {
  if (insights.length === 0) return <p class="empty">No insights for this batch.</p>;
  const ordered = [...insights].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  return (
    <ul class="insights">
      {ordered.map((insight, index) => (
        <li key={index} class={`insight severity-${insight.severity.toLowerCase()}`}>
          <div class="insight-head">
            <span class="badge">{titleCase(insight.severity)}</span>
            <h3>{insight.title}</h3>
          </div>
          <p>{insight.body}</p>
          <p class="source">Source: {insight.source}</p>
        </li>
      ))}
    </ul>
  );
}
