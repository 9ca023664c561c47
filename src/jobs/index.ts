import type { Job, PgBoss } from 'pg-boss';
import { AnalysisError, createAnalyzer } from '../analysis';
import { batchLimitsOf } from '../batches/create';
import { markInterruptedTargets, targetTransitions } from '../batches/targets';
import type { Config } from '../config';
import type { PrismaClient, Queryable } from '../db/prisma';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import {
  ANALYZE_TARGET,
  analyzeJobPlan,
  analyzeWorkOptions,
  COMPARE_BATCH,
  createHostSlots,
  createJobClaims,
  DELIVER_WEBHOOK,
  firstPagesWorkOptions,
  JOB_CLAIMS_NAMESPACE,
  pollingOptions,
  PURGE_BATCHES,
  RECONCILE_BATCHES,
  SCHEDULE_RUNS,
} from '../queue';
import { analyzeTarget } from './analyzeTarget';
import { createWebhookSender } from '../projects/webhookSender';
import { compareBatch } from './compareBatch';
import { deliverWebhook, DeliveryFailed } from './deliverWebhook';
import { purgeBatches } from './purgeBatches';
import { reconcileBatches } from './reconcileBatches';
import { scheduleRuns } from './scheduleRuns';
import { startVisibilityWorkers } from './visibility';

export interface Workers {
  /**
   * Running jobs finish the page in hand and hand the rest back to the queue; a page still in
   * hand after `graceMs` is handed back too. Call it before pg-boss's graceful stop, and give
   * that stop longer than `graceMs`, so that it finds every job handed back, not running.
   */
  handBack(graceMs: number): void;
  /** Closes the analysis pool and the host slots' and job claims' sessions; call it after pg-boss's graceful stop has drained the running jobs. */
  stop(): Promise<void>;
}

/** Registers the job handlers of this process; only processes with the worker role call it. */
export async function startWorkers(deps: {
  prisma: PrismaClient;
  pool: Queryable;
  databaseUrl: string;
  boss: PgBoss;
  config: Config;
  log: Logger;
  metrics: Metrics;
}) {
  const { prisma, pool, boss, config, metrics } = deps;
  const log = deps.log.child({ role: 'worker' });
  const hostSlots = createHostSlots(deps.databaseUrl, config.maxFetchesPerHost, log);
  const analyzer = createAnalyzer({ ...config.crawl, analysisTimeoutMs: config.analysisTimeoutMs, throttle: hostSlots.during });
  const transitions = targetTransitions(pool, boss);
  const sender = createWebhookSender(prisma, { allowPrivate: config.crawl.allowPrivate, timeoutMs: config.webhooks.timeoutMs });
  const stopping = new AbortController();
  const abandon = new AbortController();
  const analyzeDeps = {
    prisma,
    pool,
    boss,
    analyzer,
    maxAttempts: config.analyzeMaxAttempts,
    log,
    metrics,
    transitions,
    pagesInFlight: config.maxFetchesPerHost,
    stopping: stopping.signal,
    abandon: abandon.signal,
  };
  const polling = pollingOptions(config);
  const jobClaims = createJobClaims(deps.databaseUrl, log);
  // Before this worker takes any job: pages RUNNING now with no claim were left by a worker that is gone.
  const interrupted = await markInterruptedTargets(pool, JOB_CLAIMS_NAMESPACE);
  if (interrupted > 0) log.info({ targets: interrupted }, 'pages interrupted by a stopped worker wait for their retry');
  const analyzeJobs = (jobs: Job<unknown>[]) =>
    Promise.all(
      jobs.map((job) =>
        runJob(log, metrics, job, (one) => jobClaims.during(one.id, () => analyzeTarget(analyzeDeps, one))).then(
          () => ({ id: job.id, status: 'completed' as const }),
          (error: unknown) => ({ id: job.id, status: 'failed' as const, output: { message: String(error) } }),
        ),
      ),
    );
  await boss.work(ANALYZE_TARGET, analyzeWorkOptions(config), analyzeJobs);
  await boss.work(ANALYZE_TARGET, firstPagesWorkOptions(config), analyzeJobs);
  const limits = batchLimitsOf(config);
  const answerEngines = config.answerEngines.map((engine) => engine.name);
  const schedulerDeps = { prisma, boss, limits, jobPlan: analyzeJobPlan(config), answerEngines, log };
  const handlers: [string, Parameters<PgBoss['work']>[1], (job: Job<unknown>) => Promise<unknown>][] = [
    [COMPARE_BATCH, { ...polling, localConcurrency: 2 }, (job) => compareBatch({ prisma, boss, llm: config.llm, log, metrics }, job)],
    [DELIVER_WEBHOOK, { ...polling, localConcurrency: 4 }, (job) => deliverWebhook({ sender }, job)],
    [RECONCILE_BATCHES, {}, () => reconcileBatches({ prisma, pool, boss, log })],
    [PURGE_BATCHES, {}, (job) => purgeBatches({ prisma, log }, job)],
    [SCHEDULE_RUNS, {}, (job) => scheduleRuns(schedulerDeps, job)],
  ];
  for (const [name, options, handle] of handlers) {
    await boss.work(name, options as object, ([job]: Job<unknown>[]) => runJob(log, metrics, job, handle));
  }
  await startVisibilityWorkers({ prisma, boss, config, log }, (job, run) => runJob(log, metrics, job, run));
  return {
    handBack(graceMs) {
      stopping.abort();
      setTimeout(() => abandon.abort(), graceMs).unref();
    },
    async stop() {
      await analyzer.close();
      await hostSlots.close();
      await jobClaims.close();
      await sender.close();
    },
  } satisfies Workers;
}

/** pg-boss records a thrown error on the job and retries it; the log should say so too. */
async function runJob(log: Logger, metrics: Metrics, job: Job<unknown> | undefined, run: (job: Job<unknown>) => Promise<unknown>) {
  if (!job) return;
  const timer = metrics.jobSeconds.startTimer({ queue: job.name });
  try {
    await run(job);
    metrics.jobs.inc({ queue: job.name, outcome: 'completed' });
  } catch (error) {
    metrics.jobs.inc({ queue: job.name, outcome: 'failed' });
    const fields = { job: job.name, jobId: job.id, retryCount: job.retryCount };
    // A site's or a webhook receiver's failure is theirs; only Vantage's own failures get a stack.
    if (error instanceof AnalysisError || error instanceof DeliveryFailed) log.info({ ...fields, reason: error.message }, 'job failed on a site\'s error; pg-boss will retry it');
    else log.warn({ ...fields, err: error }, 'job failed; pg-boss will retry it');
    throw error;
  } finally {
    timer();
  }
}
