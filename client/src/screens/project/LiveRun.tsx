import { BatchProgressSubscription } from '../../api/operations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import type { BatchSummaryFieldsFragment } from '../../gql/graphql';
import { useBatchProgress } from '../../live/useBatchProgress';
import { TargetRow } from '../batch/TargetRow';
import { crawlsSites } from '../batch/crawls';

/** The run going on now, followed through batchProgress like the batch screen does. */
export function LiveRun({ initial }: { initial: BatchSummaryFieldsFragment }) {
  const live = useBatchProgress(BatchProgressSubscription, initial.id);
  const batch = live.batch ?? { ...initial, targets: [] };

  return (
    <section class="live-run" aria-labelledby="live-run-title" data-batch-id={batch.id} data-status={batch.status}>
      <div class="title-row">
        <h2 id="live-run-title">
          <a href={`/batches/${encodeURIComponent(batch.id)}`}>{batch.name}</a>
        </h2>
        <StatusBadge status={batch.status} />
      </div>
      <ProgressBar value={batch.progress} label="Run progress" />
      <p class="summary" aria-live="polite">
        {batch.completedUrls} of {batch.totalUrls} sites analysed
        {batch.failedUrls > 0 && `, ${batch.failedUrls} failed`}
      </p>
      <ErrorNotice error={live.error} context="Live updates" />
      <ul class="targets" aria-label="Sites of this run">
        {batch.targets.map((target) => (
          <TargetRow key={target.id} batchId={batch.id} target={target} crawls={crawlsSites(batch)} />
        ))}
      </ul>
    </section>
  );
}
