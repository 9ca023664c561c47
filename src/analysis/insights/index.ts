export type { Insight, InsightInput, InsightProvider, InsightSeverity } from './provider';
export { ruleInsights, writeRuleInsights } from './rules';
export { createLlmInsights } from './llm/provider';
export type { LlmOptions } from './llm/options';
export { writeInsights, type WriteInsightsOptions, type WrittenInsights } from './write';
