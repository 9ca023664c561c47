import {
  isAnalysed,
  type AnalysedTarget,
  type ComparisonCore,
  type Insight,
  type InsightInput,
  type InsightSeverity,
} from '../../types';
import { siteNames, type SiteNames } from '../siteNames';

export const RULES_SOURCE = 'rules';

/** What every rule reads: the comparison, the site names, and the analysed subject if there is one. */
export interface RuleContext {
  comparison: ComparisonCore;
  name: SiteNames;
  subject: AnalysedTarget | null;
  /** Whether the target is analysed and indexable: only those count as sites that pass, fail or lead. */
  isIndexable(targetId: string): boolean;
  /** Indexable analysed targets other than the subject. */
  indexableCompetitors: number;
  /** The message a target's report gives for a check. */
  messageOf(targetId: string, checkId: string): string | null;
  /** Target ids in submission order. */
  inSubmissionOrder(targetIds: readonly string[]): string[];
}

export function ruleContext({ comparison, targets }: InsightInput): RuleContext {
  const byId = new Map(targets.map((target) => [target.targetId, target]));
  const position = new Map(targets.map((target, index) => [target.targetId, index]));
  const subjectTarget = comparison.subject ? byId.get(comparison.subject.targetId) : undefined;
  const indexable = new Set(comparison.ranking.filter((entry) => entry.indexable).map((entry) => entry.targetId));
  return {
    comparison,
    name: siteNames(targets),
    subject: subjectTarget && isAnalysed(subjectTarget) ? subjectTarget : null,
    isIndexable: (targetId) => indexable.has(targetId),
    indexableCompetitors: [...indexable].filter((targetId) => targetId !== comparison.subject?.targetId).length,
    messageOf: (targetId, checkId) =>
      byId.get(targetId)?.report?.checks.find((check) => check.id === checkId)?.message ?? null,
    inSubmissionOrder: (targetIds) =>
      [...targetIds].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity)),
  };
}

export function insight(severity: InsightSeverity, title: string, body: string): Insight {
  return { title, body, severity, source: RULES_SOURCE };
}
