import { randomUUID } from 'node:crypto';
import { PgBoss, fromPrisma, type Db } from 'pg-boss';
import type { Config } from '../config';
import type { Transaction } from '../db/prisma';

export const ANALYZE_TARGET = 'analyze-target';
export const COMPARE_BATCH = 'compare-batch';
export const RECONCILE_BATCHES = 'reconcile-batches';
export const PURGE_BATCHES = 'purge-batches';

/** Runs of a page whose worker stopped with it in hand that are tried again; one more ends the target FAILED. */
export const WORKER_STOPS_ALLOWED = 2;

export interface QueuePolicy {
  /** Attempts per target before it ends FAILED. */
  analyzeMaxAttempts: number;
  /** Most targets of one analyze-target job. */
  targetsPerJob: number;
  /** Seconds a job may stay active before pg-boss hands it to another worker (each job sets its own). */
  analyzeExpireSeconds: number;
  /** Long enough for the language model's attempts, when one writes the insights. */
  compareExpireSeconds: number;
  heartbeatSeconds: number;
  reconcileCron: string;
  retentionDays: number | null;
}

export function createBoss(connectionString: string, options: { superviseSeconds?: number; poolSize?: number } = {}): PgBoss {
  const superviseSeconds = options.superviseSeconds ?? 10;
  return new PgBoss({
    connectionString,
    max: options.poolSize ?? 10,
    schema: 'pgboss',
    // Workers wake on NOTIFY within milliseconds instead of waiting for the next poll.
    useListenNotify: true,
    application_name: 'vantage-queue',
    // The pass that retries jobs whose heartbeat stopped (a killed worker) or that expired.
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
  });
}

/** Idempotent: every process declares the queues at start with the same policy. */
export async function declareQueues(boss: PgBoss, policy: QueuePolicy): Promise<void> {
  // Every job beats: one whose worker died is retried (or, for maintenance, let go) within the
  // crash-recovery bound, however long its expiry lets a live worker take.
  const heartbeat = { heartbeatSeconds: policy.heartbeatSeconds } as const;
  const common = { ...heartbeat, notify: true, retryDelay: 1, retryBackoff: true, retryDelayMax: 30 } as const;
  const queues = {
    // Each run of a job uses up an attempt or a worker stop of one of its pages (a hand-back on
    // shutdown sends a fresh job instead), and the pages end FAILED when theirs run out: so
    // this only stops a job whose runs fail before they touch a page.
    [ANALYZE_TARGET]: {
      ...common,
      retryLimit: policy.targetsPerJob * (policy.analyzeMaxAttempts + WORKER_STOPS_ALLOWED + 1),
      expireInSeconds: policy.analyzeExpireSeconds,
    },
    // stately: at most one queued and one running comparison per batch (singletonKey).
    [COMPARE_BATCH]: { ...common, policy: 'stately', retryLimit: 5, expireInSeconds: policy.compareExpireSeconds },
    // singleton: one maintenance pass at a time across every process.
    [RECONCILE_BATCHES]: { ...heartbeat, policy: 'singleton', retryLimit: 0, expireInSeconds: 300 },
    [PURGE_BATCHES]: { ...heartbeat, policy: 'singleton', retryLimit: 0, expireInSeconds: 600 },
  } as const;
  for (const [name, options] of Object.entries(queues)) {
    if (await boss.getQueue(name)) {
      const { policy: _fixedAtCreation, ...changeable } = options as typeof options & { policy?: string };
      await boss.updateQueue(name, changeable);
    } else {
      await boss.createQueue(name, options);
    }
  }
  await boss.schedule(RECONCILE_BATCHES, policy.reconcileCron);
  if (policy.retentionDays !== null) await boss.schedule(PURGE_BATCHES, '17 3 * * *', { days: policy.retentionDays });
  else await boss.unschedule(PURGE_BATCHES);
}

export interface AnalyzeJobPlan {
  targetsPerJob: number;
  maxFetchesPerHost: number;
  /** The longest one page may take; a job may stay active this long for each of its targets. */
  expireSecondsPerTarget: number;
}

/** pg-boss refuses longer expirations. */
const MAX_EXPIRE_SECONDS = 24 * 3600;
/** Per page, for the waits no setting bounds: a host slot another worker holds, the database. */
const UNTIMED_SECONDS_PER_TARGET = 60;

/**
 * A job expires (and pg-boss hands it to another worker) only after its pages' worst case, so
 * a page still being fetched or analysed is never run twice while its worker lives; a worker
 * that dies is noticed by its stopped heartbeat instead, within seconds. The worst case of a
 * page: its origin files (robots.txt and llms.txt at once, then the sitemap) and the page itself,
 * each hop of each using the connect, headers and body timeouts in full, then the analysis's
 * time limit.
 */
export function analyzeJobPlan(config: Config): AnalyzeJobPlan {
  const { timeoutMs, maxRedirects } = config.crawl;
  const fetchMs = (maxRedirects + 1) * 3 * timeoutMs;
  const pageMs = 3 * fetchMs + config.analysisTimeoutMs;
  return {
    targetsPerJob: config.targetsPerJob,
    maxFetchesPerHost: config.maxFetchesPerHost,
    expireSecondsPerTarget: Math.min(Math.ceil(pageMs / 1000) + UNTIMED_SECONDS_PER_TARGET, MAX_EXPIRE_SECONDS),
  };
}

export interface AnalyzeJob {
  jobId: string;
  host: string;
  targetIds: string[];
  expireInSeconds: number;
}

/**
 * A job's targets share one host and are analysed one after another (the job's group is its
 * host). Each host's targets are dealt round-robin over enough jobs to keep as many of its
 * pages in flight as the per-host limit allows, each holding at most `targetsPerJob`: a queue
 * job costs about as much CPU as analysing a page, so a batch with many pages per host runs a
 * fraction of the jobs.
 */
export function planAnalyzeJobs(targets: { id: string; url: string }[], plan: AnalyzeJobPlan): AnalyzeJob[] {
  const byHost = Map.groupBy(targets, (target) => new URL(target.url).host);
  return [...byHost].flatMap(([host, ofHost]) => {
    const count = Math.max(Math.ceil(ofHost.length / plan.targetsPerJob), Math.min(ofHost.length, plan.maxFetchesPerHost));
    return Array.from({ length: count }, (_, job) => {
      const targetIds = ofHost.filter((_, i) => i % count === job).map((target) => target.id);
      const expireInSeconds = Math.min(targetIds.length * plan.expireSecondsPerTarget, MAX_EXPIRE_SECONDS);
      return { jobId: randomUUID(), host, targetIds, expireInSeconds };
    });
  });
}

/**
 * Queues the jobs inside the caller's transaction, grouped by host for the workers' per-host
 * limit. Each job's priority is minus the owner's pages queued ahead of it (pg-boss takes higher
 * priorities first, then older jobs): an owner with nothing waiting goes before another owner's
 * backlog, and a worker keeps pollers for such first pages alone (see startWorkers).
 */
export async function sendAnalyzeJobs(boss: PgBoss, tx: Transaction, jobs: AnalyzeJob[], owner: { ownerId: string; queuedPages: number }) {
  let pagesAhead = owner.queuedPages;
  await boss.insert(
    ANALYZE_TARGET,
    jobs.map(({ jobId, host, targetIds, expireInSeconds }) => {
      const priority = -pagesAhead;
      pagesAhead += targetIds.length;
      return { id: jobId, data: { targetIds, ownerId: owner.ownerId }, group: { id: host }, expireInSeconds, priority };
    }),
    { db: fromPrisma(tx) },
  );
}

/**
 * At most one queued comparison per batch, however many ask for it; compareBatch itself acts
 * only on a RUNNING batch, so asking again after it ran changes nothing. With `db`, the job is
 * queued in that transaction.
 */
export async function sendCompareJob(boss: PgBoss, batchId: string, db?: Db) {
  await boss.send(COMPARE_BATCH, { batchId }, { singletonKey: batchId, ...(db && { db }) });
}

/** Targets share jobs, so the ids may repeat. */
export async function cancelAnalyzeJobs(boss: PgBoss, tx: Transaction, jobIds: string[]) {
  if (jobIds.length > 0) await boss.cancel(ANALYZE_TARGET, [...new Set(jobIds)], { db: fromPrisma(tx) });
}
