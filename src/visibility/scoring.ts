import type { AnswerAnalysis, BrandSpec } from './mentions';

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval of a proportion: honest at the small sample sizes of a visibility audit
 * (a few answers per engine), where the normal approximation gives intervals outside 0..1.
 * With no trials nothing is known: 0..1.
 */
export function wilson(successes: number, trials: number, z = Z_95): Interval {
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** True when the intervals share no value: the only difference between two runs a change alert reports. */
export function intervalsDisjoint(a: Interval, b: Interval): boolean {
  return a.high < b.low || b.high < a.low;
}

/** The ChangeKind a brand's mention rate moving from `before` to `after` is, or null when the intervals overlap. */
export function mentionChange(before: Interval, after: Interval): 'MENTION_GAINED' | 'MENTION_LOST' | null {
  if (!intervalsDisjoint(before, after)) return null;
  return after.low > before.high ? 'MENTION_GAINED' : 'MENTION_LOST';
}

/** One answer an engine gave (failed requests are not answers and count nowhere). */
export interface ScoredAnswer {
  engine: string;
  prompt: string;
  analysis: AnswerAnalysis;
}

export interface EngineVisibility {
  engine: string;
  mentionRate: number;
  mentionRateLow: number;
  mentionRateHigh: number;
  shareOfVoice: number;
  citationShare: number;
}

/** The contract's BrandVisibility, with the brand by name. */
export interface BrandVisibility {
  brand: string;
  isSubject: boolean;
  mentionRate: number;
  mentionRateLow: number;
  mentionRateHigh: number;
  shareOfVoice: number;
  citationShare: number;
  averagePosition: number | null;
  sentiment: number | null;
  recommendationRate: number;
  byEngine: EngineVisibility[];
}

export interface PromptResult {
  prompt: string;
  /** Brands named in at least half of the prompt's answers, most often first. */
  named: string[];
  subjectMentionRate: number;
  /** A competitor named in at least half of the answers and the brand in none. */
  lost: boolean;
}

export interface CitedDomain {
  domain: string;
  citations: number;
  share: number;
  brand: string | null;
}

export interface VisibilityScores {
  /** The subject first, then the competitors in the order given. */
  brands: BrandVisibility[];
  /** In the order the prompts first appear in the answers. */
  promptResults: PromptResult[];
  /** Most cited first, then by domain. */
  citedDomains: CitedDomain[];
}

/** The project's history metrics (HistoryMetric) a visibility audit yields per brand. */
export const VISIBILITY_METRICS = {
  MENTION_RATE: (brand: BrandVisibility) => brand.mentionRate,
  SHARE_OF_VOICE: (brand: BrandVisibility) => brand.shareOfVoice,
  CITATION_SHARE: (brand: BrandVisibility) => brand.citationShare,
} as const;

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

interface Tally {
  answers: number;
  citations: number;
  /** Per brand: answers naming it, citations on its domains. */
  named: number[];
  cited: number[];
}

function tally(answers: readonly ScoredAnswer[], brandIndex: ReadonlyMap<string, number>): Tally {
  const result: Tally = { answers: answers.length, citations: 0, named: Array(brandIndex.size).fill(0), cited: Array(brandIndex.size).fill(0) };
  for (const { analysis } of answers) {
    for (const mention of analysis.mentions) result.named[brandIndex.get(mention.brand)!]!++;
    result.citations += analysis.citations.length;
    for (const citation of analysis.citations) {
      if (citation.brand !== null) result.cited[brandIndex.get(citation.brand)!]!++;
    }
  }
  return result;
}

function groupBy<K>(answers: readonly ScoredAnswer[], key: (answer: ScoredAnswer) => K): Map<K, ScoredAnswer[]> {
  const groups = new Map<K, ScoredAnswer[]>();
  for (const answer of answers) {
    const group = groups.get(key(answer));
    if (group) group.push(answer);
    else groups.set(key(answer), [answer]);
  }
  return groups;
}

/**
 * Scores an audit's answers. A brand is *named* by an answer that mentions it at least once, so
 * an answer repeating a name counts once: mention rate is answers naming the brand over answers;
 * share of voice is answers naming it over the sum of that count for every brand; citation share
 * is cited URLs on its domains over all cited URLs (each URL once per answer); recommendation
 * rate is answers recommending it over answers; average position and sentiment are means over
 * the answers that name it.
 */
export function scoreVisibility(input: {
  subject: BrandSpec;
  competitors: readonly BrandSpec[];
  answers: readonly ScoredAnswer[];
  /** Order of byEngine; default: the order engines first appear in the answers. */
  engines?: readonly string[];
}): VisibilityScores {
  const brands = [input.subject, ...input.competitors];
  const brandIndex = new Map(brands.map((brand, index) => [brand.name, index]));
  const all = tally(input.answers, brandIndex);
  const byEngine = groupBy(input.answers, (answer) => answer.engine);
  const engines = input.engines ?? [...byEngine.keys()];
  const engineTallies = engines.map((engine) => ({ engine, tally: tally(byEngine.get(engine) ?? [], brandIndex) }));
  const totalNamed = (t: Tally) => t.named.reduce((sum, count) => sum + count, 0);

  const brandScores = brands.map((brand, index): BrandVisibility => {
    const mentions = input.answers.flatMap(({ analysis }) => analysis.mentions.filter((mention) => mention.brand === brand.name));
    const interval = wilson(all.named[index]!, all.answers);
    return {
      brand: brand.name,
      isSubject: index === 0,
      mentionRate: share(all.named[index]!, all.answers),
      mentionRateLow: interval.low,
      mentionRateHigh: interval.high,
      shareOfVoice: share(all.named[index]!, totalNamed(all)),
      citationShare: share(all.cited[index]!, all.citations),
      averagePosition: mentions.length === 0 ? null : mentions.reduce((sum, mention) => sum + mention.position, 0) / mentions.length,
      sentiment: mentions.length === 0 ? null : mentions.reduce((sum, mention) => sum + mention.sentimentScore, 0) / mentions.length,
      recommendationRate: share(mentions.filter((mention) => mention.recommended).length, all.answers),
      byEngine: engineTallies.map(({ engine, tally: t }) => {
        const engineInterval = wilson(t.named[index]!, t.answers);
        return {
          engine,
          mentionRate: share(t.named[index]!, t.answers),
          mentionRateLow: engineInterval.low,
          mentionRateHigh: engineInterval.high,
          shareOfVoice: share(t.named[index]!, totalNamed(t)),
          citationShare: share(t.cited[index]!, t.citations),
        };
      }),
    };
  });

  const promptResults = [...groupBy(input.answers, (answer) => answer.prompt)].map(([prompt, answers]): PromptResult => {
    const t = tally(answers, brandIndex);
    const inHalf = (index: number) => t.named[index]! > 0 && 2 * t.named[index]! >= t.answers;
    const named = brands
      .map((brand, index) => ({ brand: brand.name, index, count: t.named[index]! }))
      .filter(({ index }) => inHalf(index))
      .sort((a, b) => b.count - a.count || a.index - b.index)
      .map(({ brand }) => brand);
    return {
      prompt,
      named,
      subjectMentionRate: share(t.named[0]!, t.answers),
      lost: t.named[0] === 0 && brands.some((_, index) => index > 0 && inHalf(index)),
    };
  });

  const domains = new Map<string, CitedDomain>();
  for (const { analysis } of input.answers) {
    for (const citation of analysis.citations) {
      const entry = domains.get(citation.domain);
      if (entry) {
        entry.citations++;
        entry.brand ??= citation.brand;
      } else {
        domains.set(citation.domain, { domain: citation.domain, citations: 1, share: 0, brand: citation.brand });
      }
    }
  }
  const citedDomains = [...domains.values()]
    .map((entry) => ({ ...entry, share: share(entry.citations, all.citations) }))
    .sort((a, b) => b.citations - a.citations || a.domain.localeCompare(b.domain));

  return { brands: brandScores, promptResults, citedDomains };
}
