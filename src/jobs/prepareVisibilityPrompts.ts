import type { Job, PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { auditBrands } from '../projects/visibility/columns';
import { beginAsking, finishAudit, startPromptsStage } from '../projects/visibility/pipeline';
import { generatePrompts, templatePrompts, type PromptSubject } from '../visibility';

const payloadSchema = z.object({ auditId: z.uuid() });
export function assertVisibilityPromptsPayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data);
}

export interface PromptsDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  llm: Config['llm'];
  log: Logger;
}

/**
 * The prompts stage: the project's own prompts; when it has none, prompts the insight model
 * writes from the market and language (when LLM_* is set), or the templates when it is not set
 * or its answer cannot be used. Then queues every prompt × engine × sample. A project deleted
 * before the audit started ends it FAILED.
 */
export async function prepareVisibilityPrompts(deps: PromptsDeps, job: Job<unknown>): Promise<void> {
  const { auditId } = assertVisibilityPromptsPayload(job.data);
  if (!(await startPromptsStage(deps.prisma, auditId))) return;
  const audit = await deps.prisma.visibilityAudit.findUniqueOrThrow({ where: { id: auditId }, include: { project: true } });
  const project = audit.project;
  if (!project) {
    await finishAudit(deps, auditId, { status: 'FAILED', error: 'The project was deleted before the audit could start.' });
    return;
  }
  if (project.prompts.length > 0) {
    await beginAsking(deps.prisma, deps.boss, auditId, project.prompts, 'PROJECT');
    return;
  }
  const [brand, ...competitors] = auditBrands.read(audit.brands, `audit ${auditId}`);
  const subject: PromptSubject = { brand: brand!, competitors, market: project.market, language: project.language };
  if (deps.llm) {
    try {
      const prompts = await generatePrompts(deps.llm, subject, job.signal);
      await beginAsking(deps.prisma, deps.boss, auditId, prompts, 'MODEL');
      return;
    } catch (error) {
      deps.log.warn({ auditId, reason: error instanceof Error ? error.message : String(error) }, 'the insight model wrote no usable prompts; using the templates');
    }
  }
  await beginAsking(deps.prisma, deps.boss, auditId, templatePrompts(subject), 'TEMPLATES');
}
