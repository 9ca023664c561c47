import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { BatchProgressSubscription, BatchQuery, CancelBatchMutation, RetryBatchMutation } from '../../api/operations';
import type { GraphQLRequestError } from '#shared/transport';
import type { BatchStatus, TargetStatus } from '../../gql/graphql';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, formatDuration } from '../../format/format';
import { isFinished } from '../../live/status';
import { useBatchProgress } from '../../live/useBatchProgress';
import { useScreenTitle } from '../useScreenTitle';
import { TargetRow } from './TargetRow';
import { crawlsSites } from './crawls';

export function BatchView() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const [generation, setGeneration] = useState(0);
  const [actionError, setActionError] = useState<GraphQLRequestError>();
  const [acting, setActing] = useState(false);
  const initial = useQuery(BatchQuery, { id });
  const live = useBatchProgress(BatchProgressSubscription, id, { generation });
  // Once the stream has spoken it is newer than any query answer.
  const batch = live.batch ?? initial.data?.batch;
  useScreenTitle(batch?.name ?? 'Batch');
  const now = useNow(batch !== undefined && batch !== null && !isFinished(batch.status));

  const act = async (action: 'cancel' | 'retry') => {
    setActing(true);
    setActionError(undefined);
    try {
      if (action === 'cancel') await request(CancelBatchMutation, { id });
      else await request(RetryBatchMutation, { id });
      setGeneration((count) => count + 1);
    } catch (error) {
      setActionError(error as GraphQLRequestError);
    } finally {
      setActing(false);
    }
  };

  if (!batch) {
    if (initial.data && initial.data.batch === null) return <p class="notice">No such batch.</p>;
    return (
      <>
        <ErrorNotice error={initial.error ?? live.error} context="Could not load the batch" />
        {!initial.error && <p class="loading">Loading…</p>}
      </>
    );
  }

  const finished = isFinished(batch.status);
  const crawls = crawlsSites(batch);
  // What retryBatch accepts: a cancelled batch stays cancelled.
  const canRetry = (batch.status === 'COMPLETED' || batch.status === 'FAILED') && batch.failedUrls > 0;
  return (
    <section aria-labelledby="batch-title">
      <div class="title-row">
        <h1 id="batch-title">{batch.name}</h1>
        <StatusBadge status={batch.status} />
      </div>
      <ProgressBar value={batch.progress} label="Batch progress" />
      <p class="summary" aria-live="polite">
        {pageCounts(batch.targets, crawls ? ' sites' : '')}
        {crawls && crawledPages(batch.targets)}
        {timing(batch, now)}
      </p>
      {batch.error && <p class={batch.status === 'CANCELLED' ? 'notice' : 'notice notice-error'}>{batch.error}</p>}
      <div class="actions">
        {batch.status === 'COMPLETED' && (
          <a class="button primary" href={`/batches/${encodeURIComponent(batch.id)}/comparison`}>
            View comparison
          </a>
        )}
        {/* What Batch.partialComparison offers: the pages analysed before the cancel, when two or more were. */}
        {batch.status === 'CANCELLED' && batch.targets.filter((target) => target.status === 'SUCCEEDED').length >= 2 && (
          <a class="button primary" href={`/batches/${encodeURIComponent(batch.id)}/comparison`}>
            View partial comparison
          </a>
        )}
        {!finished && (
          <button type="button" disabled={acting} onClick={() => act('cancel')}>
            Cancel batch
          </button>
        )}
        {canRetry && (
          <button type="button" disabled={acting} onClick={() => act('retry')}>
            Retry failed
          </button>
        )}
      </div>
      <ErrorNotice error={actionError} />
      <ErrorNotice error={live.batch ? live.error : undefined} context="Live updates" />
      <ul class="targets" aria-label={crawls ? 'Sites' : 'Targets'}>
        {batch.targets.map((target) => (
          <TargetRow key={target.id} batchId={batch.id} target={target} crawls={crawls} />
        ))}
      </ul>
    </section>
  );
}

type PageState = TargetStatus | 'INTERRUPTED';

const countWords: [PageState, string][] = [
  ['SUCCEEDED', 'analysed'],
  ['FAILED', 'failed'],
  ['CANCELLED', 'cancelled'],
  ['RUNNING', 'running'],
  ['INTERRUPTED', 'waiting to be retried'],
  ['PENDING', 'waiting'],
];

/** A RUNNING page whose worker stopped is not running: it waits for its retry. */
function pageState(target: { status: TargetStatus; waitingForRetry: boolean }): PageState {
  return target.waitingForRetry ? 'INTERRUPTED' : target.status;
}

/** "5 analysed, 1 failed, 5 cancelled, of 11" (of 11 sites, in a crawl): each target counted once, under what became of it. */
function pageCounts(targets: readonly { status: TargetStatus; waitingForRetry: boolean }[], noun: '' | ' sites'): string {
  const parts = countWords
    .map(([state, word]) => [targets.filter((target) => pageState(target) === state).length, word] as const)
    .filter(([count], index) => count > 0 || index === 0)
    .map(([count, word]) => `${count} ${word}`);
  return `${parts.join(', ')} of ${targets.length}${noun}`;
}

/** " · 40 of 52 pages crawled": the crawls of all sites together. */
function crawledPages(targets: readonly { pagesDone: number; pagesDiscovered: number }[]): string {
  const done = targets.reduce((sum, target) => sum + target.pagesDone, 0);
  const discovered = targets.reduce((sum, target) => sum + target.pagesDiscovered, 0);
  return ` · ${done} of ${discovered} pages crawled`;
}

/** The time now, again every second while `ticking`, so that elapsed and remaining times move. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/** " · finished … after 2 min", or " · 1 min 5 s elapsed · about 40 s left" from the pace so far. */
function timing(
  batch: { status: BatchStatus; createdAt: string; startedAt?: string | null; finishedAt?: string | null; targets: readonly { status: TargetStatus }[] },
  now: number,
): string {
  const started = Date.parse(batch.startedAt ?? batch.createdAt);
  if (isFinished(batch.status)) {
    if (!batch.finishedAt) return '';
    return ` · finished ${formatDateTime(batch.finishedAt)} after ${formatDuration(Date.parse(batch.finishedAt) - started)}`;
  }
  const elapsed = now - started;
  const done = batch.targets.filter((target) => target.status === 'SUCCEEDED' || target.status === 'FAILED').length;
  const left = batch.targets.filter((target) => target.status === 'PENDING' || target.status === 'RUNNING').length;
  const estimate = done > 0 && left > 0 ? ` · about ${formatDuration((elapsed / done) * left)} left` : '';
  return ` · ${formatDuration(elapsed)} elapsed${estimate}`;
}
