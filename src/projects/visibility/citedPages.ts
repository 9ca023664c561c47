import type { PgBoss } from 'pg-boss';
import { createBatch } from '../../batches/create';
import type { OwnerLimits } from '../../batches/limits';
import type { PrismaClient } from '../../db/prisma';
import { UserError } from '../../errors';
import type { AnalyzeJobPlan } from '../../queue';
import type { BrandSpec } from '../../visibility';
import { siteUrlOf } from '../domains';

/** The bound: the pages cited for lost prompts that one audit sends through page analysis. */
export const MAX_CITED_PAGES = 20;

/**
 * Starts the batch that shows why the cited pages win: the brand's site (its subject) and the
 * cited pages, analysed and compared by the normal pipeline (the SSRF guard applies), so its
 * comparison's gaps say what those pages have that the brand's lacks. Created like any batch of
 * the audit's owner, so it counts against the owner's limits; a refusal (the limits, a URL the
 * batch rules refuse) is returned as its reason, and the audit goes on without the batch.
 */
export async function startCitedPagesBatch(
  prisma: PrismaClient,
  boss: PgBoss,
  audit: { id: string; ownerId: string; subject: BrandSpec },
  pages: readonly string[],
  limits: { maxUrlsPerBatch: number } & OwnerLimits,
  jobPlan: AnalyzeJobPlan,
): Promise<{ batchId: string } | { refused: string }> {
  const subjectUrl = siteUrlOf(audit.subject.domains![0]!);
  const urls = [subjectUrl, ...pages.filter((url) => url !== subjectUrl)].slice(0, Math.min(MAX_CITED_PAGES + 1, limits.maxUrlsPerBatch));
  const input = { name: `${audit.subject.name}: pages cited where it is not named`, urls, subjectUrl };
  try {
    const batch = await createBatch(prisma, boss, input, limits, { ownerId: audit.ownerId, apiKeyId: null }, jobPlan);
    return { batchId: batch.id };
  } catch (error) {
    if (error instanceof UserError) return { refused: error.message };
    throw error;
  }
}
