import type { Insight, InsightInput, InsightProvider, InsightSeverity } from '../../types';
import { ruleContext, RULES_SOURCE } from './context';
import { fieldInsights } from './field';
import { gapInsights } from './gaps';
import { strengthInsights } from './strengths';
import { standingInsights } from './subject';

const SEVERITY_ORDER: Record<InsightSeverity, number> = { CRITICAL: 0, OPPORTUNITY: 1, INFO: 2 };

/**
 * Deterministic insights drawn only from the comparison's own evidence: the subject's standing,
 * gaps and strengths (when there is an analysed subject), then the field as a whole. Most severe
 * first; within a severity, in that order.
 */
export function writeRuleInsights(input: InsightInput): Insight[] {
  const context = ruleContext(input);
  const insights = [
    ...standingInsights(context),
    ...gapInsights(context),
    ...strengthInsights(context),
    ...fieldInsights(context),
  ];
  return insights.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export const ruleInsights: InsightProvider = {
  name: RULES_SOURCE,
  write: async (input) => writeRuleInsights(input),
};
