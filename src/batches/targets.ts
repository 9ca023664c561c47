import type { PgBoss } from 'pg-boss';
import type { PageReport } from '../analysis';
import type { PrismaClient } from '../db/prisma';
import { sendCompareJob } from '../jobs/queues';
import { toAnalysisRow } from './analysisRows';
import { recordBatchChange } from './changes';
import { lockBatchOfTarget } from './progress';

export type TargetOutcome = { report: PageReport } | { error: string };

/** Marks a PENDING or RUNNING target RUNNING for one more attempt; null when there is nothing to do. */
export async function startTarget(prisma: PrismaClient, targetId: string) {
  return prisma.$transaction(async (tx) => {
    const batch = await lockBatchOfTarget(tx, targetId);
    if (!batch) return null;
    const target = await tx.target.findUniqueOrThrow({ where: { id: targetId } });
    if (target.status !== 'PENDING' && target.status !== 'RUNNING') return null;
    const now = new Date();
    const running = await tx.target.update({
      where: { id: targetId },
      data: { status: 'RUNNING', attempts: { increment: 1 }, startedAt: target.startedAt ?? now, error: null },
    });
    await recordBatchChange(
      tx,
      batch.id,
      running,
      batch.status === 'PENDING' ? { status: 'RUNNING', startedAt: now } : {},
    );
    return running;
  });
}

/**
 * Stores the result and counts the target once: a target that is no longer PENDING or RUNNING
 * (counted by an earlier run, or cancelled) is left as it is. The transaction that counts the
 * last target asks for the comparison.
 */
export async function finishTarget(prisma: PrismaClient, boss: PgBoss, targetId: string, outcome: TargetOutcome) {
  return prisma.$transaction(async (tx) => {
    const batch = await lockBatchOfTarget(tx, targetId);
    if (!batch) return false;
    const failed = 'error' in outcome;
    const [finished] = await tx.target.updateManyAndReturn({
      where: { id: targetId, status: { in: ['PENDING', 'RUNNING'] } },
      data: { status: failed ? 'FAILED' : 'SUCCEEDED', error: failed ? outcome.error : null, finishedAt: new Date() },
    });
    if (!finished) return false;
    if ('report' in outcome) await tx.pageAnalysis.create({ data: toAnalysisRow(targetId, outcome.report) });
    const counted = await recordBatchChange(tx, batch.id, finished, {
      completedUrls: { increment: 1 },
      failedUrls: { increment: failed ? 1 : 0 },
    });
    if (counted.completedUrls === counted.totalUrls) await sendCompareJob(boss, tx, batch.id);
    return true;
  });
}
