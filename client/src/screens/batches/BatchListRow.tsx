import { BatchSummaryProgressSubscription } from '../../api/operations';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/format';
import type { BatchSummaryFieldsFragment } from '../../gql/graphql';
import { isFinished } from '../../live/status';
import { useBatchProgress } from '../../live/useBatchProgress';

/** A running batch in the list follows its own progress stream. */
export function BatchListRow({ initial }: { initial: BatchSummaryFieldsFragment }) {
  const live = useBatchProgress(BatchSummaryProgressSubscription, initial.id, { enabled: !isFinished(initial.status) });
  const batch = live.batch ?? initial;
  return (
    <tr data-batch-id={batch.id}>
      <th scope="row">
        <a href={`/batches/${encodeURIComponent(batch.id)}`}>{batch.name}</a>
      </th>
      <td>
        <StatusBadge status={batch.status} />
      </td>
      <td>
        <ProgressBar value={batch.progress} label={`Progress of ${batch.name}`} />
        <span class="counts">
          {batch.completedUrls}/{batch.totalUrls}
          {batch.failedUrls > 0 && `, ${batch.failedUrls} failed`}
        </span>
      </td>
      <td>
        <time dateTime={batch.createdAt}>{formatDateTime(batch.createdAt)}</time>
      </td>
    </tr>
  );
}
