import type { CheckCategory, PageReport } from '../types';

/** One target of a batch as the comparison sees it: analysed (report) or not (error). */
export interface ComparedTarget {
  targetId: string;
  url: string;
  isSubject: boolean;
  report: PageReport | null;
  error: string | null;
}

export interface RankedEntry {
  rank: number;
  targetId: string;
  overallScore: number;
  seoScore: number;
  aeoScore: number;
  technicalScore: number;
}

export interface CheckRow {
  checkId: string;
  category: CheckCategory;
  passedBy: string[];
  failedBy: string[];
}

export interface GapEntry {
  checkId: string;
  message: string;
  competitors: string[];
}

export interface ComparisonCore {
  ranking: RankedEntry[];
  checks: CheckRow[];
  gaps: GapEntry[];
  /** Targets that could not be analysed, listed rather than dropped. */
  notAnalysed: { targetId: string; error: string }[];
}

/**
 * Ranks by overallScore, best first; ties share a rank (competition ranking: 1, 1, 3) and keep
 * the order in which the URLs were submitted.
 */
export function compareTargets(targets: readonly ComparedTarget[]): ComparisonCore {
  const analysed = targets.filter((target): target is ComparedTarget & { report: PageReport } => target.report !== null);
  const sorted = [...analysed].sort((a, b) => b.report.scores.overall - a.report.scores.overall);
  const ranking = sorted.map(
    (target): RankedEntry => ({
      rank: 0,
      targetId: target.targetId,
      overallScore: target.report.scores.overall,
      seoScore: target.report.scores.seo,
      aeoScore: target.report.scores.aeo,
      technicalScore: target.report.scores.technical,
    }),
  );
  ranking.forEach((entry, index) => {
    const previous = ranking[index - 1];
    entry.rank = previous && previous.overallScore === entry.overallScore ? previous.rank : index + 1;
  });

  const rows = new Map<string, CheckRow>();
  for (const target of analysed) {
    for (const check of target.report.checks) {
      const row = rows.get(check.id) ?? { checkId: check.id, category: check.category, passedBy: [], failedBy: [] };
      rows.set(check.id, row);
      if (check.outcome === 'PASS') row.passedBy.push(target.targetId);
      if (check.outcome === 'FAIL' || check.outcome === 'WARN') row.failedBy.push(target.targetId);
    }
  }

  const subject = analysed.find((target) => target.isSubject);
  const gaps: GapEntry[] = [];
  if (subject) {
    for (const check of subject.report.checks) {
      if (check.outcome !== 'FAIL' && check.outcome !== 'WARN') continue;
      const competitors = rows.get(check.id)?.passedBy.filter((id) => id !== subject.targetId) ?? [];
      if (competitors.length > 0) gaps.push({ checkId: check.id, message: check.message, competitors });
    }
  }

  return {
    ranking,
    checks: [...rows.values()],
    gaps,
    notAnalysed: targets
      .filter((target) => target.report === null)
      .map((target) => ({ targetId: target.targetId, error: target.error ?? 'not analysed' })),
  };
}
