import type { ScoredAnswer, VisibilityScores } from './scoring';

/** The shape of the contract's Insight, as comparisons write it. */
export interface VisibilityInsight {
  title: string;
  body: string;
  severity: 'INFO' | 'OPPORTUNITY' | 'CRITICAL';
  /** "rules": these are written by the rules below, never by a model. */
  source: string;
}

const LISTED = 5;
const percent = (share: number) => `${Math.round(share * 100)} %`;
const quotedList = (items: readonly string[]) =>
  items.slice(0, LISTED).map((item) => `"${item}"`).join(', ') + (items.length > LISTED ? ` and ${items.length - LISTED} more` : '');

/**
 * Rule-written insights of a scored audit: which competitor wins the prompts the brand loses,
 * which engines never name the brand, which sources the engines cite where the brand is missing
 * (the citation gap), and whether the brand's own sites are cited at all.
 */
export function visibilityInsights(scores: VisibilityScores, answers: readonly ScoredAnswer[]): VisibilityInsight[] {
  const insights: VisibilityInsight[] = [];
  const [subject, ...competitors] = scores.brands;
  if (!subject) return insights;
  const lost = scores.promptResults.filter((result) => result.lost);

  for (const competitor of competitors) {
    const won = lost.filter((result) => result.named.includes(competitor.brand)).map((result) => result.prompt);
    if (won.length === 0) continue;
    insights.push({
      title: `${competitor.brand} is named where ${subject.brand} is not`,
      body: `For ${won.length} of ${scores.promptResults.length} prompts the engines name ${competitor.brand} in at least half of their answers and ${subject.brand} in none: ${quotedList(won)}.`,
      severity: 2 * won.length >= scores.promptResults.length ? 'CRITICAL' : 'OPPORTUNITY',
      source: 'rules',
    });
  }

  for (const engine of subject.byEngine) {
    const rivals = competitors.filter((competitor) => (competitor.byEngine.find((entry) => entry.engine === engine.engine)?.mentionRate ?? 0) > 0);
    if (engine.mentionRate === 0 && rivals.length > 0) {
      insights.push({
        title: `${engine.engine} never names ${subject.brand}`,
        body: `None of ${engine.engine}'s answers names ${subject.brand} (95 % interval up to ${percent(engine.mentionRateHigh)}), while it names ${rivals.map((rival) => rival.brand).join(', ')}.`,
        severity: 'CRITICAL',
        source: 'rules',
      });
    }
  }

  const lostPrompts = new Set(lost.map((result) => result.prompt));
  const gapSources = new Map<string, number>();
  for (const answer of answers) {
    if (!lostPrompts.has(answer.prompt)) continue;
    for (const citation of answer.analysis.citations) {
      if (citation.brand === null) gapSources.set(citation.domain, (gapSources.get(citation.domain) ?? 0) + 1);
    }
  }
  if (gapSources.size > 0) {
    const ranked = [...gapSources].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    insights.push({
      title: 'Sources the engines cite where you are missing',
      body: `For the prompts ${subject.brand} loses, the engines cite ${ranked
        .slice(0, LISTED)
        .map(([domain, count]) => `${domain} (${count})`)
        .join(', ')}: being covered there is the way into those answers.`,
      severity: 'OPPORTUNITY',
      source: 'rules',
    });
  }

  const citedCompetitors = competitors.filter((competitor) => competitor.citationShare > 0);
  if (subject.citationShare === 0 && citedCompetitors.length > 0) {
    insights.push({
      title: `The engines cite competitors' sites, not ${subject.brand}'s`,
      body: `${citedCompetitors.map((competitor) => `${competitor.brand} (${percent(competitor.citationShare)} of sources)`).join(', ')} ${citedCompetitors.length === 1 ? 'is' : 'are'} cited; no source is on ${subject.brand}'s domains.`,
      severity: 'OPPORTUNITY',
      source: 'rules',
    });
  }

  const leader = [...scores.brands].sort((a, b) => b.shareOfVoice - a.shareOfVoice)[0]!;
  if (leader.isSubject && leader.shareOfVoice > 0) {
    insights.push({
      title: `${subject.brand} leads the share of voice`,
      body: `${subject.brand} is named in ${percent(subject.mentionRate)} of answers (95 % interval ${percent(subject.mentionRateLow)}–${percent(subject.mentionRateHigh)}), ${percent(subject.shareOfVoice)} of all brand mentions.`,
      severity: 'INFO',
      source: 'rules',
    });
  }
  return insights;
}

/**
 * The pages worth analysing for why competitors win: the URLs the engines cited in their answers
 * to prompts the brand lost, not on the brand's own domains, most cited first (then in the order
 * first cited), at most `max`.
 */
export function citedPagesOfLostPrompts(scores: VisibilityScores, answers: readonly ScoredAnswer[], max: number): string[] {
  const lost = new Set(scores.promptResults.filter((result) => result.lost).map((result) => result.prompt));
  const subject = scores.brands[0]?.brand;
  const counts = new Map<string, number>();
  for (const answer of answers) {
    if (!lost.has(answer.prompt)) continue;
    for (const citation of answer.analysis.citations) {
      if (citation.brand !== subject) counts.set(citation.url, (counts.get(citation.url) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).map(([url]) => url);
}
