import type { CheckCategory, PageReport } from '../analysis';

/**
 * One target of a batch as the comparison sees it: analysed (`report`) or not (`report: null`
 * and `error`). Callers pass targets in submission order; every order-dependent choice of the
 * comparison (ties in the ranking, the order of target ids in lists) follows it.
 */
export interface ComparedTarget {
  targetId: string;
  url: string;
  isSubject: boolean;
  report: PageReport | null;
  error: string | null;
}

export type AnalysedTarget = ComparedTarget & { report: PageReport };

export function isAnalysed(target: ComparedTarget): target is AnalysedTarget {
  return target.report !== null;
}

/** Analysed and indexable: only these lead, count as competitors that pass or fail, or fill a gap. */
export function isIndexable(target: AnalysedTarget): boolean {
  return target.report.indexable;
}

/** Code-point order, for ties between check ids: the same on every machine, unlike localeCompare. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface RankedEntry {
  /**
   * Competition ranking: equal overall scores share a rank (1, 1, 3). Every indexable target
   * ranks above every target that is not, whatever the scores.
   */
  rank: number;
  targetId: string;
  indexable: boolean;
  /** Why the target's page is not indexable, in words; null when it is. */
  excludedReason: string | null;
  overallScore: number;
  seoScore: number;
  aeoScore: number;
  technicalScore: number;
}

/**
 * Who passes, warns on and fails one check. A WARN is neither a pass nor a fail, so it gets its
 * own list; NOT_APPLICABLE, or a target whose report lacks the check, appears in none.
 */
export interface CheckRow {
  checkId: string;
  category: CheckCategory;
  weight: number;
  passedBy: string[];
  warnedBy: string[];
  failedBy: string[];
}

export type GapOutcome = 'FAIL' | 'WARN';

/** A check the subject fails or only warns on while at least one competitor passes it. */
/** Only indexable competitors count: a 404 or noindex page passing a check is no example to follow. */
export interface GapEntry {
  checkId: string;
  category: CheckCategory;
  weight: number;
  subjectOutcome: GapOutcome;
  /** The subject's own finding for this check. */
  message: string;
  /** Indexable competitors that pass the check, in submission order. */
  competitors: string[];
  /** weight × competitors.length. */
  priority: number;
  /** Points of the subject's overall score gained by passing the check (scoring's overallGain): what gaps are ordered by. */
  estimatedGain: number;
  /** Pages of the subject affected: 1 while a target is one page. */
  pagesAffected: number;
}

export type ScoreCategory = 'OVERALL' | CheckCategory;

/** The best score of one category among indexable targets and every one that reaches it (ties in submission order). */
export interface CategoryLeader {
  category: ScoreCategory;
  score: number;
  targetIds: string[];
}

export interface SubjectStanding {
  targetId: string;
  /** Null when the subject could not be analysed (it is then listed in notAnalysed). */
  rank: number | null;
  /** How many analysed targets other than the subject there are. */
  analysedCompetitors: number;
}

export interface NotAnalysedEntry {
  targetId: string;
  error: string;
}

/** The stored comparison document: plain JSON, every target referred to by its targetId. */
export interface ComparisonCore {
  ranking: RankedEntry[];
  checks: CheckRow[];
  /** Most points to gain first; empty without an analysed subject. */
  gaps: GapEntry[];
  /** One entry per category (OVERALL, SEO, AEO, TECHNICAL); empty when nothing indexable was analysed. */
  leaders: CategoryLeader[];
  /** Null when the batch has no subject. */
  subject: SubjectStanding | null;
  /** Targets that could not be analysed, listed rather than dropped, in submission order. */
  notAnalysed: NotAnalysedEntry[];
}

export type InsightSeverity = 'INFO' | 'OPPORTUNITY' | 'CRITICAL';

export interface Insight {
  title: string;
  body: string;
  severity: InsightSeverity;
  /** "rules", or the name of the language model that wrote it. */
  source: string;
}

export interface InsightInput {
  comparison: ComparisonCore;
  /** The targets the comparison was made from, for their URLs and check messages. */
  targets: readonly ComparedTarget[];
}

export interface InsightProvider {
  readonly name: string;
  write(input: InsightInput): Promise<Insight[]>;
}

/** What is stored of a batch's comparison: the document and the insights written from it. */
export interface ComparisonReport extends ComparisonCore {
  insights: Insight[];
  /** Why a configured model's insights were not used; null when they were, or when none is configured. */
  llmFailure: string | null;
}
