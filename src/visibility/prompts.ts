import { askInsightModel, type InsightModel } from './insightModel';
import type { BrandSpec } from './mentions';

/** What prompts are made from when a project has none of its own. */
export interface PromptSubject {
  brand: BrandSpec;
  competitors: readonly BrandSpec[];
  /** What the brand sells, in a buyer's words; null when the project does not say. */
  market: string | null;
  /** BCP 47 tag the prompts should be written in. */
  language: string;
}

/** The issue's range: fewer gives too few answers to score, more costs requests for little. */
export const GENERATED_PROMPTS = { min: 10, max: 30 } as const;
const MAX_PROMPT_LENGTH = 500;

function distinct(prompts: readonly string[]): string[] {
  const seen = new Set<string>();
  return prompts.filter((prompt) => {
    const key = prompt.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Prompts a buyer might ask, from fixed English templates ("best {market}", "{competitor}
 * alternatives", "is {brand} good for {market}", …): 10 to 30 of them, the market's and the
 * brand's first, then one pair per competitor, then general ones until there are 10. Used when
 * neither the project nor an insight model supplies prompts. Deterministic, so audits without a
 * model ask the same questions every time and stay comparable.
 */
export function templatePrompts(subject: PromptSubject): string[] {
  const brand = subject.brand.name;
  const market = subject.market?.trim() || null;
  const what = market ?? `${brand} alternatives`;
  const lead = market
    ? [`best ${market}`, `is ${brand} good for ${market}`, `top ${market} brands`, `which ${market} do experts recommend`]
    : [`is ${brand} any good`, `best ${brand} alternatives`];
  const perCompetitor = subject.competitors.flatMap((competitor) => [`${competitor.name} alternatives`, `${brand} vs ${competitor.name}`]);
  const general = [
    `${brand} reviews`,
    `most trusted ${what}`,
    `best value ${what}`,
    `${what} comparison`,
    `what ${what} should I buy`,
    `${brand} pros and cons`,
    `best ${what} for beginners`,
    `best premium ${what}`,
    `${what} recommendations`,
    `most popular ${what}`,
  ];
  const all = distinct([...lead, ...perCompetitor]);
  for (const prompt of general) {
    if (all.length >= GENERATED_PROMPTS.min) break;
    if (!all.some((known) => known.toLowerCase() === prompt.toLowerCase())) all.push(prompt);
  }
  return all.slice(0, GENERATED_PROMPTS.max);
}

/**
 * The prompts in a model's answer: one a line, list markers and quotes taken off, blank lines and
 * repeats dropped, at most 30. Null when fewer than 10 remain: the answer is not a usable list.
 */
export function parseGeneratedPrompts(text: string): string[] | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim().replace(/^(?:[-*•]|\d+[.)])\s*/, '').replace(/^["“']|["”']$/g, '').trim())
    .filter((line) => line !== '' && line.length <= MAX_PROMPT_LENGTH && !line.endsWith(':'));
  const prompts = distinct(lines).slice(0, GENERATED_PROMPTS.max);
  return prompts.length >= GENERATED_PROMPTS.min ? prompts : null;
}

function generationRequest(subject: PromptSubject): string {
  const competitors = subject.competitors.map((competitor) => competitor.name).join(', ');
  return [
    `Write 20 questions a buyer would type into an AI assistant when looking for ${subject.market ?? `products like ${subject.brand.name}`}.`,
    `Write them in the language with the BCP 47 tag "${subject.language}".`,
    `Mix general questions that name no brand with a few that name ${subject.brand.name} or its competitors (${competitors}).`,
    'Answer with the questions only, one per line, no numbering, no other text.',
  ].join(' ');
}

/**
 * Asks the insight model for prompts. Throws a RemoteApiError when it cannot be asked, and an
 * Error when its answer holds no usable list; the caller then falls back to the templates.
 */
export async function generatePrompts(model: InsightModel, subject: PromptSubject, signal?: AbortSignal): Promise<string[]> {
  const prompts = parseGeneratedPrompts(await askInsightModel(model, generationRequest(subject), { signal }));
  if (!prompts) throw new Error(`the model answered with fewer than ${GENERATED_PROMPTS.min} usable prompts`);
  return prompts;
}
