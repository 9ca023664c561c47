import { contenderOf } from '../../contenders';
import {
  comparesSites,
  isAnalysed,
  type AnalysedTarget,
  type ComparisonCore,
  type ContenderCheck,
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
  /** True when the batch crawls: the targets are sites of many pages, and the wording says so. */
  sites: boolean;
  /** How a target came out on a check: its page's result, or its site's counts. */
  checkOf(targetId: string, checkId: string): ContenderCheck | null;
  /** The finding a target's page (or site) gives for a check. */
  messageOf(targetId: string, checkId: string): string | null;
  /** Target ids in submission order. */
  inSubmissionOrder(targetIds: readonly string[]): string[];
}

export function ruleContext({ comparison, targets }: InsightInput): RuleContext {
  const byId = new Map(targets.map((target) => [target.targetId, target]));
  const position = new Map(targets.map((target, index) => [target.targetId, index]));
  const subjectTarget = comparison.subject ? byId.get(comparison.subject.targetId) : undefined;
  const indexable = new Set(comparison.ranking.filter((entry) => entry.indexable).map((entry) => entry.targetId));
  const checks = new Map(
    targets.filter(isAnalysed).map((target) => [target.targetId, new Map(contenderOf(target).checks.map((check) => [check.id, check]))]),
  );
  const checkOf = (targetId: string, checkId: string) => checks.get(targetId)?.get(checkId) ?? null;
  return {
    comparison,
    name: siteNames(targets),
    subject: subjectTarget && isAnalysed(subjectTarget) ? subjectTarget : null,
    isIndexable: (targetId) => indexable.has(targetId),
    indexableCompetitors: [...indexable].filter((targetId) => targetId !== comparison.subject?.targetId).length,
    sites: comparesSites(targets),
    checkOf,
    messageOf: (targetId, checkId) => checkOf(targetId, checkId)?.message ?? null,
    inSubmissionOrder: (targetIds) =>
      [...targetIds].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity)),
  };
}

export function insight(severity: InsightSeverity, title: string, body: string): Insight {
  return { title, body, severity, source: RULES_SOURCE };
}
