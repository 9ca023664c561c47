import type { Job, PgBoss } from 'pg-boss';
import { z } from 'zod';
import { toComparedTarget } from '../batches/analysisRows';
import { comparisonJson } from '../batches/jsonColumns';
import { BATCH, batchLogFields, leaves, lockBatch, recordBatchChange } from '../batches/transitions';
import { compareTargets, contenderOf, writeInsights, type ComparedTarget, type LlmOptions } from '../comparison';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { recordSiteAudit } from '../projects/record';
import { queueRunDeliveries } from '../projects/webhooks';

const payloadSchema = z.object({ batchId: z.uuid() });
export function assertCompareBatchPayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data);
}

export interface CompareBatchDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  llm: LlmOptions | null;
  log: Logger;
  metrics: Pick<Metrics, 'llmSeconds' | 'llmTokens'>;
}

/**
 * Compares the analysed targets, stores the comparison and ends the batch: COMPLETED, or
 * FAILED when no target could be analysed; a project's site audit is recorded as its run
 * (history and changes) in the same transaction. Running twice changes nothing the second time.
 */
export async function compareBatch(deps: CompareBatchDeps, job: Job<unknown>): Promise<void> {
  const { batchId } = assertCompareBatchPayload(job.data);
  const batch = await deps.prisma.batch.findUnique({
    where: { id: batchId },
    include: { targets: { include: { analysis: true }, orderBy: { position: 'asc' } } },
  });
  if (!batch || !leaves(BATCH.compare, batch.status) || batch.completedUrls < batch.totalUrls) return;

  const targets: ComparedTarget[] = batch.targets.map(toComparedTarget);
  const allFailed = batch.failedUrls === batch.totalUrls;
  const core = compareTargets(targets);
  // Outside the transaction: a language model may take seconds, and no row needs to wait for it.
  const llm = deps.llm && { ...deps.llm, observe: observeLlm(deps.metrics) };
  const written = allFailed ? null : await writeInsights({ comparison: core, targets }, { llm });
  if (written?.llmFailure) deps.log.warn({ batchId, llmFailure: written.llmFailure }, 'using rule insights');

  const ended = await deps.prisma.$transaction(async (tx) => {
    const locked = await lockBatch(tx, batchId);
    if (!locked || !leaves(BATCH.compare, locked.status)) return null;
    if (written) {
      const report = comparisonJson.report.write({ ...core, ...written });
      await tx.comparison.upsert({
        where: { batchId },
        create: { batchId, report },
        update: { report, createdAt: new Date() },
      });
    }
    const status = allFailed ? 'FAILED' : 'COMPLETED';
    const finishedAt = new Date();
    // A project's run is recorded before its end is announced: listeners read the run's rows then.
    if (batch.projectId) {
      // A crawled site's history and changes follow its site-level outcomes, as its ranking does.
      const asCompared = targets.map((target) => (target.report ? { ...target, report: { checks: contenderOf({ ...target, report: target.report }).checks } } : target));
      await recordSiteAudit(tx, { ...batch, projectId: batch.projectId, status, finishedAt }, { targets: asCompared, ranking: core.ranking });
    }
    const ended = await recordBatchChange(tx, batchId, {
      status,
      finishedAt,
      error: allFailed ? 'Every target failed; see each target for why.' : null,
    });
    // A project's webhooks hear of the end (and its changes) exactly when it commits.
    if (ended.projectId) await queueRunDeliveries(tx, deps.boss, { id: ended.id, type: 'Batch', projectId: ended.projectId, status: ended.status });
    return ended;
  });
  if (ended) deps.log.info(batchLogFields(ended), 'batch ended');
}

function observeLlm(metrics: CompareBatchDeps['metrics']): NonNullable<LlmOptions['observe']> {
  return ({ seconds, ok, usage }) => {
    metrics.llmSeconds.observe({ outcome: ok ? 'ok' : 'failed' }, seconds);
    if (usage) {
      metrics.llmTokens.inc({ kind: 'prompt' }, usage.prompt);
      metrics.llmTokens.inc({ kind: 'completion' }, usage.completion);
    }
  };
}
