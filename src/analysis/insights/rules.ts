import type { Insight, InsightInput, InsightProvider } from './provider';

/** Deterministic insights drawn only from the comparison's own evidence. */
export const ruleInsights: InsightProvider = {
  name: 'rules',
  async write({ comparison, targets }: InsightInput): Promise<Insight[]> {
    const urlOf = new Map(targets.map((target) => [target.targetId, target.url]));
    const insights: Insight[] = comparison.gaps.map((gap) => ({
      title: `Competitors pass ${gap.checkId}; you do not`,
      body: `${gap.competitors.length} of ${targets.length - 1} competitors pass ${gap.checkId} (${gap.competitors
        .map((id) => urlOf.get(id))
        .join(', ')}). Yours: ${gap.message}`,
      severity: 'OPPORTUNITY',
      source: 'rules',
    }));
    const leader = comparison.ranking[0];
    if (leader) {
      insights.push({
        title: 'Leader of the field',
        body: `${urlOf.get(leader.targetId)} leads with an overall score of ${leader.overallScore}.`,
        severity: 'INFO',
        source: 'rules',
      });
    }
    return insights;
  },
};
