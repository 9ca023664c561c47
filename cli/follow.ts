import { createSequenceGate } from '#shared/sequenceGate';
import type { Api } from './api';
import { BatchComparisonQuery, BatchProgressSubscription } from './operations';
import type { ProgressBatch, ProgressView } from './progress';
import type { CliComparison } from './report';

/** Follows batchProgress until the server completes the stream, and returns the last state seen. */
export async function followBatch(api: Api, batchId: string, view: ProgressView): Promise<ProgressBatch | undefined> {
  const accept = createSequenceGate();
  let latest: ProgressBatch | undefined;
  for await (const { batchProgress } of api.subscribe(BatchProgressSubscription, { id: batchId })) {
    if (!accept(batchProgress.sequence)) continue;
    latest = batchProgress.batch;
    view.update(latest);
  }
  return latest;
}

export async function fetchComparison(api: Api, batchId: string): Promise<CliComparison | null> {
  const { batch } = await api.request(BatchComparisonQuery, { id: batchId });
  return batch?.comparison ?? null;
}
