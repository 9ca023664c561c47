import { createLlmInsights } from './llm/provider';
import type { LlmOptions } from './llm/options';
import type { ComparisonReport, InsightInput } from '../types';
import { writeRuleInsights } from './rules';

export interface WriteInsightsOptions {
  /** When set, a model writes the insights and the rules are the fallback. */
  llm?: LlmOptions | null;
}

export type WrittenInsights = Pick<ComparisonReport, 'insights' | 'llmFailure'>;

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
