import { isAnalysed, type AnalysedTarget } from '../../compare/analysed';
import type { ComparisonCore } from '../../compare';
import type { Insight, InsightInput, InsightSeverity } from '../provider';
import { siteNames, type SiteNames } from '../siteNames';

export const RULES_SOURCE = 'rules';

/** What every rule reads: the comparison, the site names, and the analysed subject if there is one. */
export interface RuleContext {
  comparison: ComparisonCore;
  name: SiteNames;
  subject: AnalysedTarget | null;
  /** The message a target's report gives for a check. */
  messageOf(targetId: string, checkId: string): string | null;
  /** Target ids in submission order. */
  inSubmissionOrder(targetIds: readonly string[]): string[];
}

export function ruleContext({ comparison, targets }: InsightInput): RuleContext {
  const byId = new Map(targets.map((target) => [target.targetId, target]));
  const position = new Map(targets.map((target, index) => [target.targetId, index]));
  const subjectTarget = comparison.subject ? byId.get(comparison.subject.targetId) : undefined;
  return {
    comparison,
    name: siteNames(targets),
    subject: subjectTarget && isAnalysed(subjectTarget) ? subjectTarget : null,
    messageOf: (targetId, checkId) =>
      byId.get(targetId)?.report?.checks.find((check) => check.id === checkId)?.message ?? null,
    inSubmissionOrder: (targetIds) =>
      [...targetIds].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity)),
  };
}

export function insight(severity: InsightSeverity, title: string, body: string): Insight {
  return { title, body, severity, source: RULES_SOURCE };
}

/** "3 competitors", "1 competitor". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "2 of 3 competitors", "1 of 1 competitor". */
export function countOf(count: number, total: number, noun: string): string {
  return `${count} of ${plural(total, noun)}`;
}

/** The verb form that agrees with a count: "1 passes", "2 pass". */
export function agree(count: number, singular: string, pluralForm: string): string {
  return count === 1 ? singular : pluralForm;
}

/** An error message set inside a sentence, without its own closing full stop. */
export function clause(message: string): string {
  return message.replace(/\.\s*$/, '');
}

export function quoted(message: string | null): string {
  return message === null ? '(no finding recorded)' : `“${message}”`;
}
