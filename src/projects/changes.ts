import type { RunBrand, RunSummary } from '../batches/jsonColumns';
import { inSentence } from '#shared/format';
import { describeCheck } from '../analysis';

/*
 * What a finished site audit keeps of its comparison (its summary) and what changed since the
 * project's previous one, with the sentence an alert shows. Pure: the writing is in ./record.ts.
 */

/** A brand as the run saw it: its id, the URL its site was audited at, and whether it is the project's own. */
export interface RunBrandRef {
  id: string;
  name: string;
  url: string;
  isSubject: boolean;
}

/** The parts of a batch's targets and comparison a summary reads (src/comparison's shapes). */
export interface SummaryInput {
  targets: readonly {
    targetId: string;
    url: string;
    report: { checks: readonly { id: string; category: 'SEO' | 'AEO' | 'TECHNICAL'; weight: number; outcome: string; message: string }[] } | null;
    error: string | null;
  }[];
  ranking: readonly { targetId: string; rank: number; overallScore: number; seoScore: number; aeoScore: number; technicalScore: number }[];
}

export const SCORE_METRICS = ['OVERALL_SCORE', 'SEO_SCORE', 'AEO_SCORE', 'TECHNICAL_SCORE'] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];

/** The smallest move of a score, in points, that is a change worth an alert. */
export const SCORE_CHANGE_POINTS = 5;
const MAX_DETAIL_LENGTH = 160;

type Outcome = 'PASS' | 'WARN' | 'FAIL' | 'NOT_APPLICABLE';
type Analysed = Extract<RunBrand, { rank: number }>;

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * Per brand id, the brand's scores, rank and check verdicts from the batch, or why its site was
 * not analysed. A brand is found by its site's URL; one the batch did not audit is left out.
 */
export function summarizeRun(brands: readonly RunBrandRef[], input: SummaryInput): RunSummary {
  const summary: RunSummary = {};
  for (const brand of brands) {
    const target = input.targets.find((each) => each.url === brand.url);
    if (!target) continue;
    const ranked = input.ranking.find((entry) => entry.targetId === target.targetId);
    if (!target.report || !ranked) {
      summary[brand.id] = { url: target.url, error: target.error ?? 'not analysed' };
      continue;
    }
    const checks: Analysed['checks'] = {};
    for (const check of target.report.checks) {
      const { category, weight } = check;
      checks[check.id] = { category, weight, outcome: check.outcome as Outcome, message: cut(check.message, MAX_DETAIL_LENGTH) };
    }
    summary[brand.id] = {
      url: target.url,
      rank: ranked.rank,
      overall: ranked.overallScore,
      seo: ranked.seoScore,
      aeo: ranked.aeoScore,
      technical: ranked.technicalScore,
      checks,
    };
  }
  return summary;
}

/** The brand's scores by metric, for history points; none when its site was not analysed. */
export function scoresOf(entry: RunBrand): Record<ScoreMetric, number> | null {
  if (!('rank' in entry)) return null;
  return { OVERALL_SCORE: entry.overall, SEO_SCORE: entry.seo, AEO_SCORE: entry.aeo, TECHNICAL_SCORE: entry.technical };
}

export type ChangeKind = 'CHECK_FIXED' | 'CHECK_BROKEN' | 'SCORE_UP' | 'SCORE_DOWN' | 'RANK_CHANGED';

export interface DetectedChange {
  brandId: string;
  kind: ChangeKind;
  /** The check id, or the metric's name. */
  subject: string;
  before: string;
  after: string;
  message: string;
}

const METRIC_LABELS: Record<ScoreMetric, string> = {
  OVERALL_SCORE: 'overall score',
  SEO_SCORE: 'SEO score',
  AEO_SCORE: 'AEO score',
  TECHNICAL_SCORE: 'technical score',
};
const METRIC_CATEGORY: Record<ScoreMetric, string | null> = { OVERALL_SCORE: null, SEO_SCORE: 'SEO', AEO_SCORE: 'AEO', TECHNICAL_SCORE: 'TECHNICAL' };

/** How the alert names the brand: "You"/"Your" for the project's own, else its name. */
function names(brand: RunBrandRef) {
  if (brand.isSubject) return { who: 'You', whose: 'Your' };
  return { who: brand.name, whose: brand.name.endsWith('s') ? `${brand.name}'` : `${brand.name}'s` };
}

/** A check's finding as the end of a sentence: "The page has …." becomes "the page has …". */
function detail(message: string): string {
  return inSentence(message.trim().replace(/\.$/, ''));
}

function ordinal(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** Newly passing after failing or warning, or newly failing after passing or warning; WARN and NOT_APPLICABLE alone are no change. */
function checkMove(before: Outcome, after: Outcome): 'CHECK_FIXED' | 'CHECK_BROKEN' | null {
  if (after === 'PASS' && (before === 'FAIL' || before === 'WARN')) return 'CHECK_FIXED';
  if (after === 'FAIL' && (before === 'PASS' || before === 'WARN')) return 'CHECK_BROKEN';
  return null;
}

function checkChanges(brand: RunBrandRef, previous: Analysed, current: Analysed) {
  const { who, whose } = names(brand);
  const moves: (DetectedChange & { weight: number; category: string; detail: string })[] = [];
  for (const [checkId, now] of Object.entries(current.checks)) {
    const then = previous.checks[checkId];
    const kind = then && checkMove(then.outcome, now.outcome);
    if (!kind) continue;
    const { title, added } = describeCheck(checkId);
    const message =
      kind === 'CHECK_FIXED'
        ? added
          ? `${who} added ${added}.`
          : `${whose} site now passes the ${inSentence(title)} check: ${detail(now.message)}.`
        : `${whose} site now fails the ${inSentence(title)} check: ${detail(now.message)}.`;
    const change = { brandId: brand.id, kind, subject: checkId, before: then.outcome, after: now.outcome, message };
    moves.push({ ...change, weight: now.weight, category: now.category, detail: detail(now.message) });
  }
  return moves;
}

/**
 * What changed for each brand between the previous run and this one: checks fixed and broken,
 * score moves of SCORE_CHANGE_POINTS or more (a drop names its weightiest broken check of the
 * score's category, a rise its weightiest fixed one), and rank moves. Brands whose site was not
 * analysed in either run are left out. `brands` in the project's order, the project's own first.
 */
export function detectChanges(brands: readonly RunBrandRef[], previous: RunSummary, current: RunSummary): DetectedChange[] {
  const changes: DetectedChange[] = [];
  for (const brand of brands) {
    const then = previous[brand.id];
    const now = current[brand.id];
    if (!then || !now || !('rank' in then) || !('rank' in now)) continue;
    const { who, whose } = names(brand);
    const checks = checkChanges(brand, then, now);
    changes.push(...checks.map(({ weight: _weight, category: _category, detail: _detail, ...change }) => change));
    const beforeScores = scoresOf(then)!;
    const afterScores = scoresOf(now)!;
    for (const metric of SCORE_METRICS) {
      const [before, after] = [beforeScores[metric], afterScores[metric]];
      const points = Math.abs(after - before);
      if (points < SCORE_CHANGE_POINTS) continue;
      const kind = after > before ? 'SCORE_UP' : 'SCORE_DOWN';
      const category = METRIC_CATEGORY[metric];
      const cause = checks
        .filter((check) => check.kind === (kind === 'SCORE_UP' ? 'CHECK_FIXED' : 'CHECK_BROKEN'))
        .filter((check) => category === null || check.category === category)
        .reduce<(typeof checks)[number] | undefined>((best, check) => (best && best.weight >= check.weight ? best : check), undefined);
      const move = `${whose} ${METRIC_LABELS[metric]} ${kind === 'SCORE_UP' ? 'rose' : 'fell'} ${points} point${points === 1 ? '' : 's'} to ${after}`;
      const message = cause ? `${move}: ${cause.detail}.` : `${move}.`;
      changes.push({ brandId: brand.id, kind, subject: metric, before: String(before), after: String(after), message });
    }
    if (then.rank !== now.rank) {
      const direction = now.rank < then.rank ? 'up' : 'down';
      const message = `${who} moved ${direction} from ${ordinal(then.rank)} to ${ordinal(now.rank)} place.`;
      changes.push({ brandId: brand.id, kind: 'RANK_CHANGED', subject: 'RANK', before: String(then.rank), after: String(now.rank), message });
    }
  }
  return changes;
}
