import type { Job, PgBoss } from 'pg-boss';
import { z } from 'zod';
import { AnalysisError, type Analyzer, type OriginFiles } from '../analysis';
import { finishTarget, startTarget, type TargetOutcome } from '../batches/targets';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';

/** Old jobs outlive type changes: the payload is checked, never trusted. */
const payloadSchema = z.object({ targetId: z.uuid() });
export function assertAnalyzeTargetPayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data);
}

export interface AnalyzeTargetDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  analyzer: Analyzer;
  maxAttempts: number;
  log: Logger;
}

export async function analyzeTarget(deps: AnalyzeTargetDeps, job: Job<unknown>): Promise<void> {
  const { targetId } = assertAnalyzeTargetPayload(job.data);
  const target = await startTarget(deps.prisma, targetId);
  if (!target) return; // cancelled, or finished by an earlier run of this job
  let outcome: TargetOutcome;
  try {
    const originFiles = await originFilesFor(deps, target.batchId, target.url);
    outcome = { report: await deps.analyzer.analyze(target.url, originFiles) };
  } catch (error) {
    const retryable = !(error instanceof AnalysisError) || error.retryable;
    if (retryable && target.attempts < deps.maxAttempts) {
      throw error;
    }
    if (!(error instanceof AnalysisError)) deps.log.error({ targetId, err: error }, 'analysis crashed');
    outcome = { error: error instanceof AnalysisError ? error.message : 'The page could not be analysed.' };
  }
  await finishTarget(deps.prisma, deps.boss, targetId, outcome);
}

const inFlightOriginFiles = new Map<string, Promise<OriginFiles>>();

/**
 * robots.txt, llms.txt and the sitemap are fetched once per origin per batch and stored; every
 * target of that origin, in any process, reads the stored copy. Two processes racing on the
 * first fetch both fetch, and the first stored copy wins for everyone.
 */
async function originFilesFor(deps: AnalyzeTargetDeps, batchId: string, url: string): Promise<OriginFiles> {
  const origin = new URL(url).origin;
  const key = `${batchId} ${origin}`;
  let pending = inFlightOriginFiles.get(key);
  if (!pending) {
    pending = loadOrFetchOriginFiles(deps, batchId, origin).finally(() => inFlightOriginFiles.delete(key));
    inFlightOriginFiles.set(key, pending);
  }
  return pending;
}

async function loadOrFetchOriginFiles(deps: AnalyzeTargetDeps, batchId: string, origin: string) {
  const where = { batchId_origin: { batchId, origin } };
  const stored = await deps.prisma.originFiles.findUnique({ where });
  if (stored) return stored.files as unknown as OriginFiles;
  const files = await deps.analyzer.fetchOriginFiles(origin);
  await deps.prisma.originFiles.createMany({
    data: [{ batchId, origin, files: files as unknown as object }],
    skipDuplicates: true,
  });
  const winner = await deps.prisma.originFiles.findUniqueOrThrow({ where });
  return winner.files as unknown as OriginFiles;
}
