import type { CategoryScores, CheckCategory, CheckOutcome, PageReport, SiteReport } from '../analysis';

/**
 * One target of a batch as the comparison sees it: analysed (`report`) or not (`report: null`
 * and `error`). Callers pass targets in submission order; every order-dependent choice of the
 * comparison (ties in the ranking, the order of target ids in lists) follows it.
 */
export interface ComparedTarget {
  targetId: string;
  url: string;
  isSubject: boolean;
  /** The entry page's report: the whole target in a batch that does not crawl. */
  report: PageReport | null;
  /** The crawled site's report, in a batch that crawls: the target is then compared as a site. */
  site?: SiteReport | null;
  error: string | null;
}

export type AnalysedTarget = ComparedTarget & { report: PageReport };

export function isAnalysed(target: ComparedTarget): target is AnalysedTarget {
  return target.report !== null;
}

/** Whether the comparison compares crawled sites (the batch crawls) rather than single pages. */
export function comparesSites(targets: readonly ComparedTarget[]): boolean {
  return targets.some((target) => target.site != null);
}

/**
 * What the comparison ranks and matches of one analysed target: its page, or its crawled site
 * (see contenders.ts). Indexability is always the entry page's: a site whose front door search
 * engines drop is no rival, however good its other pages.
 */
export interface Contender {
  targetId: string;
  indexable: boolean;
  excludedReason: string | null;
  scores: CategoryScores;
  checks: ContenderCheck[];
  /** Points of the overall score passing the check on every affected page would add, to one decimal. */
  gainOf(checkId: string): number;
}

export interface ContenderCheck {
  id: string;
  category: CheckCategory;
  weight: number;
  /** A page's own outcome; a site's is derived from its page counts (see contenders.ts). */
  outcome: CheckOutcome;
  /** What was found, in words: the page's finding, or the site's counts of pages. */
  message: string;
  /** Pages where the check applies: 1 or 0 for a page. */
  applicablePages: number;
  /** Pages that fail or warn on it. */
  pagesAffected: number;
  /** Share of the applicable pages that pass, 0..1; 0 where it applies nowhere. */
  passRate: number;
}

/** Analysed and indexable: only these lead, count as competitors that pass or fail, or fill a gap. */
export function isIndexable(target: Pick<Contender, 'indexable'>): boolean {
  return target.indexable;
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
  /**
   * When sites are compared: each site's share of pages passing, for every site the check applies
   * to, in submission order. Absent for pages, where the lists say it all (see passRatesOf).
   */
  passRates?: SitePassRate[];
}

export interface SitePassRate {
  targetId: string;
  /** Pages passing over pages where the check applies, 0..1. */
  rate: number;
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
  /** Pages of the subject that fail or warn on the check: 1 when the batch does not crawl. */
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
