import { StatusBadge } from '../../components/StatusBadge';
import { UrlText } from '../../components/UrlText';
import type { TargetRowFieldsFragment } from '../../gql/graphql';

export function TargetRow({ batchId, target }: { batchId: string; target: TargetRowFieldsFragment }) {
  const score = target.analysis?.overallScore;
  const note =
    target.error ??
    (target.waitingForRetry ? 'Its worker stopped mid-page; it will be retried shortly.' : target.attempts > 1 ? `attempt ${target.attempts}` : null);
  return (
    <li class="target" data-target-id={target.id} data-status={target.status}>
      <span class="target-url">
        {target.status === 'SUCCEEDED' ? (
          <a href={`/batches/${encodeURIComponent(batchId)}/pages/${encodeURIComponent(target.id)}`}>
            <UrlText url={target.url} />
          </a>
        ) : (
          <UrlText url={target.url} />
        )}
        {target.isSubject && <span class="tag">my site</span>}
        {target.analysis?.title && <span class="target-title">{target.analysis.title}</span>}
      </span>
      <StatusBadge status={target.status} label={target.waitingForRetry ? 'Waiting to be retried' : undefined} />
      <span class="target-score" aria-label={score === undefined ? undefined : `Overall score ${score}`}>
        {score ?? ''}
      </span>
      {note && (
        <span class={target.status === 'FAILED' ? 'target-note target-error' : 'target-note'} title={target.error ?? undefined}>
          {note}
        </span>
      )}
    </li>
  );
}
