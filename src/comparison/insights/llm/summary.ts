import type { CheckCategory, CheckOutcome } from '../../../analysis';
import { contenderOf } from '../../contenders';
import { comparesSites, isAnalysed, type GapOutcome, type InsightInput } from '../../types';
import { siteNames } from '../siteNames';

/**
 * What the model is told: the comparison in site names and counts, small enough for any context
 * window (no HTML, no per-target check lists).
 */
export interface ComparisonSummary {
  /** "sites" when the batch crawls: every entry is a whole site, judged over its pages. */
  compares: 'sites' | 'pages';
  subject: { site: string; rank: number | null; analysedCompetitors: number } | null;
  ranking: {
    site: string;
    rank: number;
    indexable: boolean;
    excludedReason: string | null;
    overall: number;
    seo: number;
    aeo: number;
    technical: number;
  }[];
  gaps: {
    check: string;
    category: CheckCategory;
    weight: number;
    subjectOutcome: GapOutcome;
    subjectFinding: string;
    competitorsPassing: string[];
    estimatedGain: number;
    pagesAffected: number;
  }[];
  checks: {
    check: string;
    category: CheckCategory;
    weight: number;
    passed: number;
    warned: number;
    failed: number;
    subjectOutcome: CheckOutcome | null;
  }[];
  notAnalysed: { site: string; error: string }[];
}

export function summarize({ comparison, targets }: InsightInput): ComparisonSummary {
  const name = siteNames(targets);
  const subjectId = comparison.subject?.targetId;
  const subjectTarget = targets.find((target) => target.targetId === subjectId);
  const subjectChecks = subjectTarget && isAnalysed(subjectTarget) ? contenderOf(subjectTarget).checks : [];
  const indexable = new Set(comparison.ranking.filter((entry) => entry.indexable).map((entry) => entry.targetId));
  const indexableCount = (targetIds: readonly string[]) => targetIds.filter((targetId) => indexable.has(targetId)).length;
  return {
    compares: comparesSites(targets) ? 'sites' : 'pages',
    subject: comparison.subject && {
      site: name(comparison.subject.targetId),
      rank: comparison.subject.rank,
      analysedCompetitors: comparison.subject.analysedCompetitors,
    },
    ranking: comparison.ranking.map((entry) => ({
      site: name(entry.targetId),
      rank: entry.rank,
      indexable: entry.indexable,
      excludedReason: entry.excludedReason,
      overall: entry.overallScore,
      seo: entry.seoScore,
      aeo: entry.aeoScore,
      technical: entry.technicalScore,
    })),
    gaps: comparison.gaps.map((gap) => ({
      check: gap.checkId,
      category: gap.category,
      weight: gap.weight,
      subjectOutcome: gap.subjectOutcome,
      subjectFinding: gap.message,
      competitorsPassing: gap.competitors.map(name),
      estimatedGain: gap.estimatedGain,
      pagesAffected: gap.pagesAffected,
    })),
    checks: comparison.checks.map((row) => ({
      check: row.checkId,
      category: row.category,
      weight: row.weight,
      passed: indexableCount(row.passedBy),
      warned: indexableCount(row.warnedBy),
      failed: indexableCount(row.failedBy),
      subjectOutcome: subjectChecks.find((check) => check.id === row.checkId)?.outcome ?? null,
    })),
    notAnalysed: comparison.notAnalysed.map((entry) => ({ site: name(entry.targetId), error: entry.error })),
  };
}
