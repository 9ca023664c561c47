import { StatusBadge } from '../../components/StatusBadge';
import type { TargetRowFieldsFragment } from '../../gql/graphql';

export function TargetRow({ batchId, target }: { batchId: string; target: TargetRowFieldsFragment }) {
  const score = target.analysis?.overallScore;
  return (
    <li class="target" data-target-id={target.id} data-status={target.status}>
      <span class="target-url">
        {target.status === 'SUCCEEDED' ? (
          <a href={`/batches/${encodeURIComponent(batchId)}/pages/${encodeURIComponent(target.id)}`}>{target.url}</a>
        ) : (
          target.url
        )}
        {target.isSubject && <span class="tag">my site</span>}
      </span>
      <StatusBadge status={target.status} />
      <span class="target-score" aria-label={score === undefined ? undefined : `Overall score ${score}`}>
        {score ?? ''}
      </span>
      <span class="target-error" title={target.error ?? undefined}>
        {target.error ?? (target.attempts > 1 ? `attempt ${target.attempts}` : '')}
      </span>
    </li>
  );
}
