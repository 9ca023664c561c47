import { createSequenceGate } from '#shared/sequenceGate';
import type { Api } from './api';
import { BatchComparisonQuery, BatchProgressSubscription, BatchSitesQuery } from './operations';
import type { ProgressBatch, ProgressView } from './progress';
import type { CliComparison } from './report';
import type { CliSite } from './siteReport';

/**
 * Follows a progress stream (snapshot first, then changes) until the server completes it, showing
 * each state newer than the last, and returns the last state seen.
 */
export async function followProgress<Event, State>(
  events: AsyncIterable<Event>,
  read: (event: Event) => { sequence: number; state: State },
  update: (state: State) => void,
): Promise<State | undefined> {
  const accept = createSequenceGate();
  let latest: State | undefined;
  for await (const event of events) {
    const { sequence, state } = read(event);
    if (!accept(sequence)) continue;
    latest = state;
    update(latest);
  }
  return latest;
}

/** Follows batchProgress until the server completes the stream, and returns the last state seen. */
export function followBatch(api: Api, batchId: string, view: ProgressView): Promise<ProgressBatch | undefined> {
  return followProgress(
    api.subscribe(BatchProgressSubscription, { id: batchId }),
    ({ batchProgress }) => ({ sequence: batchProgress.sequence, state: batchProgress.batch }),
    (batch) => view.update(batch),
  );
}

/** The comparison of a completed batch, or of the pages a cancelled batch analysed before it was cancelled. */
export async function fetchComparison(api: Api, batchId: string): Promise<CliComparison | null> {
  const { batch } = await api.request(BatchComparisonQuery, { id: batchId });
  return batch?.comparison ?? batch?.partialComparison ?? null;
}

/** The batch's crawled sites with their reports, in the batch's order. */
export async function fetchSites(api: Api, batchId: string): Promise<CliSite[]> {
  const { batch } = await api.request(BatchSitesQuery, { id: batchId });
  return batch?.targets ?? [];
}
