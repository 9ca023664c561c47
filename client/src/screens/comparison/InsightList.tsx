import { titleCase } from '../../format/format';
import type { InsightSeverity } from '../../gql/graphql';

const severityOrder: Record<InsightSeverity, number> = { CRITICAL: 0, OPPORTUNITY: 1, INFO: 2 };

interface Insight {
  title: string;
  body: string;
  severity: InsightSeverity;
  source: string;
}

/** A batch comparison's or a visibility audit's insights, the most severe first. */
export function InsightList({ insights, empty = 'No insights for this batch.' }: { insights: readonly Insight[]; empty?: string }) {
  if (insights.length === 0) return <p class="empty">{empty}</p>;
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
