import { z } from 'zod';
import type { VisibilityInsight } from './insights';
import { askInsightModel, type InsightModel } from './insightModel';
import type { VisibilityScores } from './scoring';

const answer = z.object({
  insights: z
    .array(z.object({ title: z.string().min(1).max(200), body: z.string().min(1).max(2000), severity: z.enum(['INFO', 'OPPORTUNITY', 'CRITICAL']) }))
    .min(1)
    .max(20),
});

function request(scores: VisibilityScores, findings: readonly VisibilityInsight[]): string {
  const facts = {
    brands: scores.brands,
    promptResults: scores.promptResults.slice(0, 50),
    citedDomains: scores.citedDomains.slice(0, 20),
    findings: findings.map(({ title, body }) => ({ title, body })),
  };
  return [
    'Write insights for a brand about its visibility in AI answer engines, from the scores below (the first brand is the client; rates are 0..1 with 95 % intervals).',
    'Say who wins which questions and why it matters, and what to do; do not claim more than the numbers show.',
    'Answer with JSON only: {"insights": [{"title": string, "body": string, "severity": "INFO" | "OPPORTUNITY" | "CRITICAL"}]}, 3 to 8 of them.',
    JSON.stringify(facts),
  ].join('\n');
}

/**
 * The audit's insights: the insight model's when one is set and gives a usable answer (source:
 * the model's name), otherwise the rule insights. Never throws for the model's trouble: it falls
 * back to the rules and says why in `failure`, as comparisons do.
 */
export async function writeVisibilityInsights(
  model: InsightModel | null,
  scores: VisibilityScores,
  rules: VisibilityInsight[],
  signal?: AbortSignal,
): Promise<{ insights: VisibilityInsight[]; failure: string | null }> {
  if (!model) return { insights: rules, failure: null };
  try {
    const written = answer.parse(JSON.parse(await askInsightModel(model, request(scores, rules), { json: true, signal }))).insights;
    return { insights: written.map((insight) => ({ ...insight, source: model.model })), failure: null };
  } catch (error) {
    signal?.throwIfAborted();
    return { insights: rules, failure: `${model.model}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
