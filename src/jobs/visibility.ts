import { batchLimitsOf } from '../batches/create';
import type { Job, PgBoss } from 'pg-boss';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { analyzeJobPlan, askWorkOptions, pollingOptions, VISIBILITY_ASK, VISIBILITY_PROMPTS, VISIBILITY_RECONCILE, VISIBILITY_SCORE } from '../queue';
import { createEngineClient, createEngineLimiter } from '../visibility';
import { askAnswerEngine } from './askAnswerEngine';
import { prepareVisibilityPrompts } from './prepareVisibilityPrompts';
import { reconcileVisibilityAudits } from './reconcileVisibilityAudits';
import { scoreVisibilityAudit } from './scoreVisibilityAudit';

type RunJob = (job: Job<unknown> | undefined, run: (job: Job<unknown>) => Promise<unknown>) => Promise<void>;

/**
 * Registers a visibility audit's job handlers. Each configured engine gets one client and one
 * limiter per process (its concurrency and requests per minute hold within the process).
 */
export async function startVisibilityWorkers(deps: { prisma: PrismaClient; boss: PgBoss; config: Config; log: Logger }, runJob: RunJob): Promise<void> {
  const { prisma, boss, config, log } = deps;
  const engines = new Map(
    config.answerEngines.map((engine) => [
      engine.name,
      {
        client: createEngineClient(engine, config.answerRequests),
        limiter: createEngineLimiter({ key: engine.name, concurrency: engine.concurrency, requestsPerMinute: engine.requestsPerMinute }),
      },
    ]),
  );
  const askDeps = { prisma, boss, engines, cacheTtlHours: config.answerCacheTtlHours, log };
  await boss.work(VISIBILITY_ASK, askWorkOptions(config), (jobs: Job<unknown>[]) =>
    Promise.all(
      jobs.map((job) =>
        runJob(job, (one) => askAnswerEngine(askDeps, one)).then(
          () => ({ id: job.id, status: 'completed' as const }),
          (error: unknown) => ({ id: job.id, status: 'failed' as const, output: { message: String(error) } }),
        ),
      ),
    ),
  );
  const single = { ...pollingOptions(config), localConcurrency: 2 };
  await boss.work(VISIBILITY_PROMPTS, single, ([job]: Job<unknown>[]) => runJob(job, (one) => prepareVisibilityPrompts({ prisma, boss, llm: config.llm, log }, one)));
  const scoreDeps = { prisma, boss, log, limits: batchLimitsOf(config), jobPlan: analyzeJobPlan(config), llm: config.llm };
  await boss.work(VISIBILITY_SCORE, single, ([job]: Job<unknown>[]) => runJob(job, (one) => scoreVisibilityAudit(scoreDeps, one)));
  await boss.work(VISIBILITY_RECONCILE, {}, ([job]: Job<unknown>[]) => runJob(job, () => reconcileVisibilityAudits({ prisma, boss, log })));
}
