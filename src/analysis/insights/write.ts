import { createLlmInsights } from './llm/provider';
import type { LlmOptions } from './llm/options';
import type { Insight, InsightInput } from './provider';
import { writeRuleInsights } from './rules';

export interface WriteInsightsOptions {
  /** When set, a model writes the insights and the rules are the fallback. */
  llm?: LlmOptions | null;
}

export interface WrittenInsights {
  insights: Insight[];
  /** Why the model's insights were not used; null when they were, or when no model is configured. */
  llmFailure: string | null;
}

/**
 * The insights of a comparison: the model's when one is configured and gives a valid answer,
 * otherwise the rule-based ones. Never throws for the model's trouble (timeout, HTTP error,
 * invalid answer): it falls back to the rules and says why in `llmFailure`.
 */
export async function writeInsights(input: InsightInput, options: WriteInsightsOptions = {}): Promise<WrittenInsights> {
  if (!options.llm) return { insights: writeRuleInsights(input), llmFailure: null };
  const model = createLlmInsights(options.llm);
  try {
    return { insights: await model.write(input), llmFailure: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { insights: writeRuleInsights(input), llmFailure: `${model.name}: ${reason}` };
  }
}
