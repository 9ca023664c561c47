import type { Job } from 'pg-boss';
import { z } from 'zod';
import type { PgBoss } from 'pg-boss';
import type { BatchLimits } from '../batches/create';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { MAX_CITED_PAGES, startCitedPagesBatch } from '../projects/visibility/citedPages';
import { auditBrands } from '../projects/visibility/columns';
import { enterStage, finishAudit, linkCitedPagesBatch } from '../projects/visibility/pipeline';
import type { AnalyzeJobPlan } from '../queue';
import { citedPagesOfLostPrompts, compileBrands, judgeMentions, writeVisibilityInsights, scoreVisibility, visibilityInsights, type ScoredAnswer, type VisibilityInsight } from '../visibility';

const payloadSchema = z.object({ auditId: z.uuid() });
export function assertVisibilityScorePayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data);
}

function notAnalysed(reason: string): VisibilityInsight {
  return { title: 'The cited pages were not analysed', body: `The batch of the pages cited for the prompts the brand lost was refused: ${reason}`, severity: 'INFO', source: 'rules' };
}

/** "chatgpt: 6 of 6 failed (HTTP_STATUS: HTTP 500 …)" for each engine with failed requests. */
function failureSummary(failed: { engine: string; error: string | null }[], totals: Map<string, number>): string {
  const byEngine = new Map<string, { count: number; first: string }>();
  for (const { engine, error } of failed) {
    const entry = byEngine.get(engine);
    if (entry) entry.count++;
    else byEngine.set(engine, { count: 1, first: error ?? '' });
  }
  return [...byEngine].map(([engine, { count, first }]) => `${engine}: ${count} of ${totals.get(engine) ?? count} failed (${first.slice(0, 200)})`).join('; ');
}

export interface ScoreDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  log: Logger;
  /** For the cited-pages batch, created like any batch of the owner. */
  limits: BatchLimits;
  jobPlan: AnalyzeJobPlan;
  /** The insight model, which judges sentiment and recommendation when set (the lexicon does otherwise, and where it fails). */
  llm: Config['llm'];
}

/**
 * Once every request is stored: finds the brands in each answer (mentions, positions, context,
 * sentiment and recommendation, judged by the insight model when one is set, else or where it
 * fails by the lexicon; each mention says which), scores the audit, has the insight model write the insights (the rules do without one, or when it fails),
 * starts the batch of the pages cited for the prompts the brand lost, and ends it: COMPLETED with
 * what failed said in `error`, or FAILED with the reason when every request failed. A cancelled audit is left as it is.
 */
export async function scoreVisibilityAudit(deps: ScoreDeps, job: Job<unknown>): Promise<void> {
  const { auditId } = assertVisibilityScorePayload(job.data);
  const audit = await deps.prisma.visibilityAudit.findUnique({ where: { id: auditId } });
  if (!audit || audit.status !== 'RUNNING' || audit.requestsDone < audit.requestsTotal) return;
  const rows = await deps.prisma.visibilityAnswer.findMany({ where: { auditId }, orderBy: [{ prompt: 'asc' }, { engine: 'asc' }, { sample: 'asc' }] });
  const answered = rows.filter((row) => row.error === null);
  const failed = rows.filter((row) => row.error !== null);
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.engine, (totals.get(row.engine) ?? 0) + 1);
  if (answered.length === 0) {
    await finishAudit(deps, auditId, { status: 'FAILED', error: `Every request failed. ${failureSummary(failed, totals)}` });
    return;
  }
  if (!(await enterStage(deps.prisma, auditId, 'ANALYSING'))) return;
  const [subject, ...competitors] = auditBrands.read(audit.brands, `audit ${auditId}`);
  const matcher = compileBrands([subject!, ...competitors]);
  const analyses = await matcher.analyseAll(answered.map((row) => ({ text: row.text, citations: row.citations })), { signal: job.signal });
  if (deps.llm) {
    const judged = await judgeMentions(deps.llm, analyses, job.signal);
    if (judged.failed > 0) deps.log.warn({ auditId, failedRequests: judged.failed, reason: judged.reason }, 'the insight model judged not every mention; the lexicon judged the rest');
  }
  if (!(await enterStage(deps.prisma, auditId, 'SCORING'))) return;
  const scored: ScoredAnswer[] = answered.map((row, index) => ({ engine: row.engine, prompt: row.prompt, analysis: analyses[index]! }));
  // Prompts in the audit's order, not the rows' sort order.
  const order = new Map(audit.prompts.map((prompt, index) => [prompt, index]));
  scored.sort((a, b) => (order.get(a.prompt) ?? 0) - (order.get(b.prompt) ?? 0));
  const scores = scoreVisibility({ subject: subject!, competitors, answers: scored, engines: audit.engines });
  const { insights, failure: insightsFailure } = await writeVisibilityInsights(deps.llm, scores, visibilityInsights(scores, scored), job.signal);
  const pages = citedPagesOfLostPrompts(scores, scored, MAX_CITED_PAGES);
  if (pages.length > 0 && audit.citedPagesBatchId === null) {
    const started = await startCitedPagesBatch(deps.prisma, deps.boss, { id: auditId, ownerId: audit.ownerId, subject: subject! }, pages, deps.limits, deps.jobPlan);
    if ('batchId' in started) await linkCitedPagesBatch(deps.prisma, auditId, started.batchId);
    else insights.push(notAnalysed(started.refused));
  }
  await finishAudit(deps, auditId, {
    status: 'COMPLETED',
    error: failed.length === 0 ? null : `${failed.length} of ${rows.length} requests failed and count in no score. ${failureSummary(failed, totals)}`,
    analyses: answered.map((row, index) => ({ answerId: row.id, analysis: analyses[index]! })),
    scores,
    insights,
    insightsFailure,
  });
  deps.log.info({ auditId, answers: answered.length, failed: failed.length }, 'visibility audit scored');
}
