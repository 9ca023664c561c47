import type { Job, PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { answerStored, auditRunning, cachedAnswer, storeAnswer, type AnswerRow } from '../projects/visibility/pipeline';
import type { AskJob } from '../queue';
import { RemoteApiError, type EngineClient, type EngineLimiter } from '../visibility';

const payloadSchema = z.object({ auditId: z.uuid(), engine: z.string().min(1), prompt: z.string().min(1), sample: z.int().min(1) });
export function assertVisibilityAskPayload(data: unknown): AskJob {
  return payloadSchema.parse(data);
}

export interface AskDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  /** The configured engines by name, each with this process's limiter. */
  engines: ReadonlyMap<string, { client: EngineClient; limiter: EngineLimiter }>;
  cacheTtlHours: number;
  log: Logger;
}

/** Thrown inside the limiter when the audit stopped running while the request waited its turn. */
class AuditStopped extends Error {}

/**
 * Asks one engine one prompt for one sample and stores the outcome: from the cache when it holds
 * the same engine, model, prompt and sample number (no request), else from the engine through
 * its limiter (concurrency, requests per minute; the client retries and honours Retry-After).
 * An engine's failure is stored as a failed request, not thrown: it fails that request only. The
 * audit is checked right before the request is sent, so none starts after a cancel.
 */
export async function askAnswerEngine(deps: AskDeps, job: Job<unknown>): Promise<void> {
  const ask = assertVisibilityAskPayload(job.data);
  if (!(await auditRunning(deps.prisma, ask.auditId)) || (await answerStored(deps.prisma, ask))) return;
  const engine = deps.engines.get(ask.engine);
  const fail = (error: string, model: string): AnswerRow => ({ model, text: '', citations: [], latencyMs: 0, tokensUsed: null, cached: false, error });
  if (!engine) {
    await storeAnswer(deps.prisma, deps.boss, ask, fail(`the engine "${ask.engine}" is no longer configured`, 'unknown'), null);
    return;
  }
  const cacheKey = { engine: ask.engine, model: engine.client.model, prompt: ask.prompt, sample: ask.sample };
  const cached = await cachedAnswer(deps.prisma, cacheKey, deps.cacheTtlHours);
  if (cached) {
    const row = { model: cached.answeredBy, text: cached.text, citations: cached.citations, latencyMs: cached.latencyMs, tokensUsed: cached.tokensUsed, cached: true, error: null };
    await storeAnswer(deps.prisma, deps.boss, ask, row, cacheKey);
    return;
  }
  let row: AnswerRow;
  try {
    const answer = await engine.limiter.run(async () => {
      if (!(await auditRunning(deps.prisma, ask.auditId))) throw new AuditStopped();
      return engine.client.ask(ask.prompt, { signal: job.signal });
    }, job.signal);
    row = { model: answer.model, text: answer.text, citations: answer.citations, latencyMs: answer.latencyMs, tokensUsed: answer.tokens, cached: false, error: null };
  } catch (error) {
    if (error instanceof AuditStopped) return;
    // The worker is stopping or lost its claim: the job runs again and asks again.
    if (error instanceof RemoteApiError && error.code === 'CANCELLED') throw error;
    if (!(error instanceof RemoteApiError)) throw error;
    deps.log.info({ auditId: ask.auditId, engine: ask.engine, code: error.code, reason: error.message }, 'an answer engine request failed');
    row = fail(`${error.code}: ${error.message}`, engine.client.model);
  }
  await storeAnswer(deps.prisma, deps.boss, ask, row, cacheKey);
}
