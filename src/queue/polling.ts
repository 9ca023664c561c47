import type { Config } from '../config';

const ANALYZE_BATCH = 2;

/** How often a worker looks for jobs; a queued job's NOTIFY wakes it sooner. */
export function pollingOptions(config: Config) {
  return { pollingIntervalSeconds: config.queue.pollSeconds, notifyPollingIntervalSeconds: config.queue.pollSeconds };
}

/**
 * pg-boss waits a polling interval after every fetch unless the fetch came back full and
 * burstWhenBatchFull is on, which it honours only for batches above one. So each poller takes
 * up to two jobs and keeps fetching while the backlog lasts; half as many pollers keep the
 * number of jobs in flight at WORKER_CONCURRENCY. The handler settles each job on its own.
 *
 * Jobs are grouped by host. The database-wide groupConcurrency counts a host's active jobs
 * without a lock, so pollers fetching at once each see room and together overfill the host,
 * filling worker slots with jobs that can only wait. The per-process limit is exact (pg-boss
 * hands the extra jobs straight back); the host slots bound requests across processes.
 * pg-boss allows no more jobs per group than pollers, so a worker runs at most half its
 * WORKER_CONCURRENCY jobs of one host.
 */
export function analyzeWorkOptions(config: Config) {
  const pollers = Math.ceil(config.workerConcurrency / ANALYZE_BATCH);
  return {
    ...pollingOptions(config),
    localConcurrency: pollers,
    batchSize: ANALYZE_BATCH,
    burstWhenBatchFull: true,
    perJobResults: true,
    localGroupConcurrency: Math.min(config.maxFetchesPerHost, pollers),
  } as const;
}

/**
 * A job's priority is minus its owner's pages queued ahead of it (sendAnalyzeJobs), so 0 marks
 * the first job of an owner that had nothing waiting. These pollers take only such jobs: however
 * many jobs one owner's backlog keeps running, another owner's first page starts at once. One
 * owner has at most one such job at a time, so no one owner can take both pollers. They keep no
 * per-host count (the host slots still bound the requests), leaving the pollers above theirs.
 */
export function firstPagesWorkOptions(config: Config) {
  return { ...pollingOptions(config), localConcurrency: 2, minPriority: 0, perJobResults: true } as const;
}
