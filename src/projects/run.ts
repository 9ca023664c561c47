import type { PgBoss } from 'pg-boss';
import type { Caller } from '../auth/caller';
import { createBatch, type BatchLimits, type NewBatchInput } from '../batches/create';
import { Prisma, type PrismaClient } from '../db/prisma';
import { notFound } from '../errors';
import type { AnalyzeJobPlan } from '../queue';
import { siteUrlOf } from './domains';

/** The batch a site audit of the project is: each brand's first domain, crawled up to the project's pages per site, the project's own brand the subject. */
export function siteAuditInput(project: {
  id: string;
  name: string;
  maxPagesPerSite: number;
  brands: readonly { domains: readonly string[] }[];
}): NewBatchInput {
  const urls = project.brands.map((brand) => siteUrlOf(brand.domains[0]!));
  return { name: `${project.name}: site audit`, urls, subjectUrl: urls[0], maxPagesPerSite: project.maxPagesPerSite, projectId: project.id };
}

/**
 * Starts a site audit of the caller's project: an ordinary batch of each brand's first domain,
 * the project's own brand as its subject, linked to the project. It is created like any batch,
 * so it counts against the owner's limits and is audited as BATCH_CREATED.
 */
export async function runSiteAudit(
  prisma: PrismaClient,
  boss: PgBoss,
  projectId: string,
  limits: BatchLimits,
  caller: Caller,
  jobPlan: AnalyzeJobPlan,
) {
  const project = await prisma.project.findFirst({
    where: { id: projectId, ownerId: caller.ownerId },
    include: { brands: { orderBy: { position: 'asc' } } },
  });
  if (!project) throw notFound('project');
  try {
    return await createBatch(prisma, boss, siteAuditInput(project), limits, caller, jobPlan);
  } catch (error) {
    // The project was deleted since it was read: the batch's link to it cannot be written.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') throw notFound('project');
    throw error;
  }
}
