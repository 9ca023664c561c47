import { PgBoss } from 'pg-boss';

export const ANALYZE_TARGET = 'analyze-target';
export const COMPARE_BATCH = 'compare-batch';
export const RECONCILE_BATCHES = 'reconcile-batches';
export const PURGE_BATCHES = 'purge-batches';
export const SCHEDULE_RUNS = 'schedule-runs';
export const DELIVER_WEBHOOK = 'deliver-webhook';
export type QueueName =
  | typeof ANALYZE_TARGET
  | typeof COMPARE_BATCH
  | typeof RECONCILE_BATCHES
  | typeof PURGE_BATCHES
  | typeof SCHEDULE_RUNS
  | typeof DELIVER_WEBHOOK;

/** Every minute, the finest a five-field cron can name: a project's due run waits at most this long. */
const SCHEDULE_RUNS_CRON = '* * * * *';

/** Attempts of a webhook delivery after the first: with backoff from 60 s, 7 attempts over about an hour. */
export const WEBHOOK_RETRIES = 6;

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
  /** The first retry's delay of a webhook delivery, doubled for each one after (60 s in production). */
  webhookRetryDelaySeconds: number;
  /** A delivery attempt's timeout, in seconds, rounded up. */
  webhookTimeoutSeconds: number;
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
    // singleton too, though passes running at once would still start each due run once (SKIP LOCKED).
    [SCHEDULE_RUNS]: { ...heartbeat, policy: 'singleton', retryLimit: 0, expireInSeconds: 300 },
    // One job per delivery (its id the delivery's), retried with exponential backoff.
    [DELIVER_WEBHOOK]: {
      ...heartbeat,
      retryLimit: WEBHOOK_RETRIES,
      retryDelay: policy.webhookRetryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: policy.webhookRetryDelaySeconds * 2 ** WEBHOOK_RETRIES,
      expireInSeconds: policy.webhookTimeoutSeconds + 60,
    },
  } as const;
  await upsertQueues(boss, queues);
  await boss.schedule(RECONCILE_BATCHES, policy.reconcileCron);
  await boss.schedule(SCHEDULE_RUNS, SCHEDULE_RUNS_CRON);
  if (policy.retentionDays !== null) await boss.schedule(PURGE_BATCHES, '17 3 * * *', { days: policy.retentionDays });
  else await boss.unschedule(PURGE_BATCHES);
}

/** Creates each queue, or updates an existing one with the options that may change after creation (not its policy). */
export async function upsertQueues(boss: PgBoss, queues: Record<string, Parameters<PgBoss['createQueue']>[1]>): Promise<void> {
  for (const [name, options] of Object.entries(queues)) {
    if (await boss.getQueue(name)) {
      const { policy: _fixedAtCreation, ...changeable } = options ?? {};
      await boss.updateQueue(name, changeable);
    } else {
      await boss.createQueue(name, options);
    }
  }
}
