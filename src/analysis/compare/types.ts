import type { CheckCategory, PageReport } from '../types';

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

export interface RankedEntry {
  /** Competition ranking: equal overall scores share a rank (1, 1, 3). */
  rank: number;
  targetId: string;
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
export interface GapEntry {
  checkId: string;
  category: CheckCategory;
  weight: number;
  subjectOutcome: GapOutcome;
  /** The subject's own finding for this check. */
  message: string;
  /** Competitors that pass the check, in submission order. */
  competitors: string[];
  /** weight × competitors.length: what gaps are ordered by. */
  priority: number;
}

export type ScoreCategory = 'OVERALL' | CheckCategory;

/** The best score of one category and every target that reaches it (ties in submission order). */
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
  /** Most telling first; empty without an analysed subject. */
  gaps: GapEntry[];
  /** One entry per category (OVERALL, SEO, AEO, TECHNICAL); empty when nothing was analysed. */
  leaders: CategoryLeader[];
  /** Null when the batch has no subject. */
  subject: SubjectStanding | null;
  /** Targets that could not be analysed, listed rather than dropped, in submission order. */
  notAnalysed: NotAnalysedEntry[];
}
