import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { finishAudit, storeAnswer } from '../projects/visibility/pipeline';
import { VISIBILITY_AUDIT_QUEUES } from '../queue';

export interface VisibilityReconcileReport {
  requestsFailed: number;
  auditsFailed: number;
}

/**
 * The safety net under a visibility audit's jobs, like reconcileBatches for batches: finds
 * running audits none of whose jobs is queued, waiting to retry or running (pg-boss gave up on
 * them), and ends what nothing else will. Requests whose job gave up are stored as failed (the
 * last one queues the scoring as usual); an audit stuck in another stage ends FAILED with the
 * reason. Jobs are looked for before answers are read: with none live, every answer a job
 * stored is committed and seen.
 */
export async function reconcileVisibilityAudits(deps: { prisma: PrismaClient; boss: PgBoss; log: Logger }): Promise<VisibilityReconcileReport> {
  const report: VisibilityReconcileReport = { requestsFailed: 0, auditsFailed: 0 };
  const stuck = await deps.prisma.$queryRaw<{ id: string; stage: string; requestsDone: number; requestsTotal: number }[]>`
    SELECT a.id, a.stage::text AS stage, a."requestsDone", a."requestsTotal" FROM "VisibilityAudit" a
    WHERE a.status = 'RUNNING' AND NOT EXISTS (
      SELECT 1 FROM pgboss.job j
      WHERE j.name = ANY(${[...VISIBILITY_AUDIT_QUEUES]}::text[]) AND j.data->>'auditId' = a.id::text AND j.state IN ('created', 'retry', 'active'))`;
  for (const audit of stuck) {
    if (audit.stage === 'ASKING' && audit.requestsDone < audit.requestsTotal) {
      const row = await deps.prisma.visibilityAudit.findUniqueOrThrow({ where: { id: audit.id }, include: { answers: { select: { engine: true, prompt: true, sample: true } } } });
      const stored = new Set(row.answers.map((answer) => `${answer.engine}\n${answer.prompt}\n${answer.sample}`));
      for (const prompt of row.prompts) {
        for (const engine of row.engines) {
          for (let sample = 1; sample <= row.samplesPerPrompt; sample++) {
            if (stored.has(`${engine}\n${prompt}\n${sample}`)) continue;
            const failed = { model: 'unknown', text: '', citations: [], latencyMs: 0, tokensUsed: null, cached: false, error: 'its job gave up after its retries (see the worker log)' };
            if (await storeAnswer(deps.prisma, deps.boss, { auditId: audit.id, engine, prompt, sample }, failed, null)) report.requestsFailed++;
          }
        }
      }
    } else {
      const stage = audit.stage === 'ASKING' ? 'SCORING' : audit.stage;
      const ended = await finishAudit(deps, audit.id, { status: 'FAILED', error: `The ${stage.toLowerCase().replace('_', ' ')} stage's job gave up after its retries (see the worker log).` });
      if (ended) report.auditsFailed++;
    }
  }
  if (report.requestsFailed + report.auditsFailed > 0) deps.log.warn({ ...report }, 'reconciled visibility audits whose jobs gave up');
  return report;
}
