import { fromPrisma, type PgBoss } from 'pg-boss';
import type { Config } from '../config';
import type { Transaction } from '../db/prisma';
import { upsertQueues } from './boss';
import { pollingOptions } from './polling';

// A visibility audit's jobs: its prompts, then one job per prompt × engine × sample, then one that
// analyses, scores and ends it.
export const VISIBILITY_PROMPTS = 'visibility-prompts';
export const VISIBILITY_ASK = 'visibility-ask';
export const VISIBILITY_SCORE = 'visibility-score';
export const VISIBILITY_RECONCILE = 'visibility-reconcile';
/** An audit's job queues, whose live jobs (queued, waiting to retry, running) reconciling looks for. */
export const VISIBILITY_AUDIT_QUEUES = [VISIBILITY_PROMPTS, VISIBILITY_ASK, VISIBILITY_SCORE] as const;

export interface AskJob {
  auditId: string;
  engine: string;
  prompt: string;
  /** 1..samplesPerPrompt. */
  sample: number;
}

/** Longest one request may take with its retries and the Retry-After waits it obeys (up to 120 s each), plus room to wait for the engine's limits. */
function askExpireSeconds(config: Config): number {
  const { timeoutMs, retries } = config.answerRequests;
  return Math.ceil((timeoutMs * (retries + 1)) / 1000) + retries * 120 + 600;
}

/** Idempotent, like declareQueues; every process declares them at start. */
export async function declareVisibilityQueues(boss: PgBoss, config: Config): Promise<void> {
  const common = { heartbeatSeconds: config.queue.heartbeatSeconds, notify: true, retryDelay: 1, retryBackoff: true, retryDelayMax: 30 } as const;
  const queues = {
    // stately: at most one queued and one running prompts stage and scoring per audit (singletonKey).
    [VISIBILITY_PROMPTS]: { ...common, policy: 'stately', retryLimit: 3, expireInSeconds: 300 + Math.ceil(((config.llm?.timeoutMs ?? 0) * ((config.llm?.retries ?? 0) + 1)) / 1000) },
    // An engine's failures are stored as failed requests by the job itself; retries are for the
    // job's own failures (the database), and a stored answer is never stored again.
    [VISIBILITY_ASK]: { ...common, retryLimit: 5, expireInSeconds: askExpireSeconds(config) },
    [VISIBILITY_SCORE]: { ...common, policy: 'stately', retryLimit: 5, expireInSeconds: 600 },
    // singleton: one pass at a time across every process, as for batches.
    [VISIBILITY_RECONCILE]: { heartbeatSeconds: config.queue.heartbeatSeconds, policy: 'singleton', retryLimit: 0, expireInSeconds: 300 },
  } as const;
  await upsertQueues(boss, queues);
  await boss.schedule(VISIBILITY_RECONCILE, config.queue.reconcileCron);
}

/**
 * Pollers take two jobs at a time and keep fetching while the backlog lasts (see
 * analyzeWorkOptions: pg-boss otherwise waits a polling interval after each job). Jobs come in
 * queue order, not per engine, and a poller fetches again only when both its jobs are done, so
 * as many jobs in flight as engine slots left engines idle while another's limiter held a queue
 * (bench/visibilityAudit.bench.ts: 1.4-1.7x an ideal client; 1.04x with two a slot). Two jobs
 * a slot keep each engine's next request at hand; the engines' own limiters hold the rest back.
 */
export function askWorkOptions(config: Config) {
  const slots = config.answerEngines.reduce((sum, engine) => sum + engine.concurrency, 0);
  return {
    ...pollingOptions(config),
    localConcurrency: Math.max(1, slots),
    batchSize: 2,
    burstWhenBatchFull: true,
    perJobResults: true,
  } as const;
}

export async function sendVisibilityPromptsJob(boss: PgBoss, tx: Transaction, auditId: string): Promise<void> {
  await boss.send(VISIBILITY_PROMPTS, { auditId }, { singletonKey: auditId, db: fromPrisma(tx) });
}

export async function sendAskJobs(boss: PgBoss, tx: Transaction, jobs: readonly AskJob[]): Promise<void> {
  if (jobs.length > 0) await boss.insert(VISIBILITY_ASK, jobs.map((data) => ({ data: { ...data } })), { db: fromPrisma(tx) });
}

export async function sendVisibilityScoreJob(boss: PgBoss, tx: Transaction, auditId: string): Promise<void> {
  await boss.send(VISIBILITY_SCORE, { auditId }, { singletonKey: auditId, db: fromPrisma(tx) });
}

/** Cancels the audit's jobs that have not started; running ones find the audit cancelled and store nothing. */
export async function cancelVisibilityJobs(boss: PgBoss, tx: Transaction, auditId: string): Promise<void> {
  const db = fromPrisma(tx);
  for (const name of [VISIBILITY_PROMPTS, VISIBILITY_ASK, VISIBILITY_SCORE]) {
    const queued = await boss.findJobs(name, { data: { auditId }, queued: true, limit: 100_000, db });
    if (queued.length > 0) await boss.cancel(name, queued.map((job) => job.id), { db });
  }
}
