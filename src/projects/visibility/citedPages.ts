import type { PgBoss } from 'pg-boss';
import { listOf } from '#shared/format';
import { describeCheck } from '../../analysis';
import { createBatch } from '../../batches/create';
import { comparisonJson } from '../../batches/jsonColumns';
import type { BatchLimits } from '../../batches/create';
import type { PrismaClient } from '../../db/prisma';
import { UserError } from '../../errors';
import type { AnalyzeJobPlan } from '../../queue';
import type { BrandSpec, VisibilityInsight } from '../../visibility';
import { siteUrlOf } from '../domains';
import { answerMentions, auditBrands, auditScores } from './columns';

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
  limits: BatchLimits,
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

/** The answers of one lost prompt from one engine, as the insights group them. */
export interface LostPromptCitations {
  prompt: string;
  engine: string;
  /** The URLs those answers cited (not on the brand's domains), each once. */
  urls: readonly string[];
}

/** What of the cited-pages comparison the insights read: who passes and fails each check. */
export interface CitedPagesComparison {
  /** The brand's page; null when it could not be analysed, and there is nothing to compare with. */
  subjectTargetId: string | null;
  checks: readonly { checkId: string; passedBy: readonly string[]; failedBy: readonly string[] }[];
  targets: readonly { id: string; url: string }[];
}

const LISTED_CHECKS = 4;
const LISTED_PAGES = 3;

/**
 * One insight per lost prompt and engine whose cited pages pass checks the brand's page fails:
 * "the pages perplexity cites for "best trail shoes" have FAQ schema (1 of 2: …) and statistics
 * (2 of 2: …); yours, https://acme.com/, has neither", most widely passed checks first. Only
 * checks for something a page has (those with an `added` phrase: FAQ schema, statistics, an
 * author) are named; how long a title is or how fast a page answers is no reason to be cited.
 */
export function citedPagesInsights(lost: readonly LostPromptCitations[], comparison: CitedPagesComparison): VisibilityInsight[] {
  const subjectId = comparison.subjectTargetId;
  const subjectUrl = comparison.targets.find((target) => target.id === subjectId)?.url;
  if (subjectId === null || subjectUrl === undefined) return [];
  const idOfUrl = new Map(comparison.targets.filter((target) => target.id !== subjectId).map((target) => [target.url, target.id]));
  const urlOfId = new Map(comparison.targets.map((target) => [target.id, target.url]));
  const lacking = comparison.checks.filter((row) => row.failedBy.includes(subjectId) && describeCheck(row.checkId).added !== undefined);
  const insights: VisibilityInsight[] = [];
  for (const { prompt, engine, urls } of lost) {
    const pages = [...new Set(urls.flatMap((url) => idOfUrl.get(url) ?? []))];
    if (pages.length === 0) continue;
    const had = lacking
      .map((row) => ({ feature: describeCheck(row.checkId).added!, passing: pages.filter((page) => row.passedBy.includes(page)) }))
      .filter((check) => check.passing.length > 0)
      // Stable: checks passed by as many pages stay in the catalogue's order.
      .sort((a, b) => b.passing.length - a.passing.length);
    if (had.length === 0) continue;
    const evidence = had.slice(0, LISTED_CHECKS).map(({ feature, passing }) => {
      const shown = passing.slice(0, LISTED_PAGES).map((page) => urlOfId.get(page)!);
      const more = passing.length > LISTED_PAGES ? ` and ${passing.length - LISTED_PAGES} more` : '';
      return pages.length === 1 ? feature : `${feature} (${passing.length} of ${pages.length}: ${shown.join(', ')}${more})`;
    });
    if (had.length > LISTED_CHECKS) evidence.push(`${had.length - LISTED_CHECKS} more`);
    const lacks = had.length === 1 ? 'does not' : had.length === 2 ? 'has neither' : 'has none of them';
    const cited =
      pages.length === 1 ? `The page ${engine} cites for "${prompt}", ${urlOfId.get(pages[0]!)!}, has` : `The pages ${engine} cites for "${prompt}" have`;
    insights.push({
      title: `What the pages ${engine} cites for "${prompt}" have`,
      body: `${cited} ${listOf(evidence)}; yours, ${subjectUrl}, ${lacks}.`,
      severity: 'OPPORTUNITY',
      source: 'rules',
    });
  }
  return insights;
}

/**
 * The insights of an audit's cited-pages batch, read from its stored comparison: nothing until
 * that batch is compared. Read when asked rather than written into the audit, so the audit needs
 * no word from the batch (which knows nothing of audits) and nothing is lost to a restart.
 */
export async function citedPagesInsightsOf(
  prisma: PrismaClient,
  audit: { id: string; citedPagesBatchId: string | null; prompts: readonly string[]; engines: readonly string[]; brands: unknown; scores: unknown },
): Promise<VisibilityInsight[]> {
  if (audit.citedPagesBatchId === null || audit.scores === null) return [];
  const batch = await prisma.batch.findUnique({
    where: { id: audit.citedPagesBatchId },
    select: { comparison: { select: { report: true } }, targets: { select: { id: true, url: true } } },
  });
  if (!batch?.comparison) return [];
  const report = comparisonJson.report.read(batch.comparison.report, `batch ${audit.citedPagesBatchId}`);
  const lostPrompts = auditScores.read(audit.scores, `audit ${audit.id}`).promptResults.filter((result) => result.lost).map((result) => result.prompt);
  const subject = auditBrands.read(audit.brands, `audit ${audit.id}`)[0]!.name;
  const answers = await prisma.visibilityAnswer.findMany({
    where: { auditId: audit.id, prompt: { in: lostPrompts }, error: null },
    select: { id: true, prompt: true, engine: true, mentions: true },
  });
  const urls = new Map<string, Set<string>>();
  const key = (prompt: string, engine: string) => JSON.stringify([prompt, engine]);
  for (const answer of answers) {
    if (answer.mentions === null) continue;
    const cited = answerMentions.read(answer.mentions, `answer ${answer.id}`).citations.filter((citation) => citation.brand !== subject);
    const entry = urls.get(key(answer.prompt, answer.engine)) ?? new Set();
    for (const citation of cited) entry.add(citation.url);
    urls.set(key(answer.prompt, answer.engine), entry);
  }
  // In the audit's order of prompts and engines.
  const lost = audit.prompts
    .filter((prompt) => lostPrompts.includes(prompt))
    .flatMap((prompt) => audit.engines.map((engine) => ({ prompt, engine, urls: [...(urls.get(key(prompt, engine)) ?? [])] })));
  return citedPagesInsights(lost, { subjectTargetId: report.subject?.rank === null ? null : (report.subject?.targetId ?? null), checks: report.checks, targets: batch.targets });
}
