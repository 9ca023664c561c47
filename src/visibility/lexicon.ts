/**
 * The lexicon-based judgement of what a sentence says about a brand: the fallback when no
 * insight model is configured, and the baseline a model's judgement is checked against. Terms
 * match as whole words in any case, on text whose accented Latin letters are de-accented.
 */

import { alternation } from './termPattern';

export type Sentiment = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

/** What a lexicon term does: count for or against, recommend, or turn the next words around. */
export interface Role {
  polarity: -1 | 0 | 1;
  recommends: boolean;
  negates: boolean;
}

const words = (list: string) => list.trim().split(/\s+/);

const POSITIVE = words(`excellent great good best top reliable popular leading trusted favorite favourite outstanding
  superior strong impressive affordable durable comfortable innovative quality praised love loved solid ideal perfect
  easy fast versatile standout winner robust exceptional recommended recommend recommends renowned premium efficient
  intuitive powerful secure accurate helpful generous excels well-known top-rated award-winning`);

const NEGATIVE = words(`bad poor worst expensive overpriced unreliable complaints complaint issues problems lacks lacking
  limited weak slow difficult disappointing fails failed failing broken buggy avoid worse inferior criticized criticised
  drawback drawbacks downside downsides outdated clunky lawsuit scam recall recalled confusing frustrating mediocre
  lackluster lacklustre flimsy costly steep insecure breach`);

/** Recommending words and phrases; they count as positive too. */
const RECOMMENDING = [
  'recommend', 'recommended', 'recommends', 'recommendation', 'best', 'top pick', 'top choice', 'our pick', 'go with',
  'go for', 'ideal for', 'great choice', 'great option', 'solid choice', 'good choice', 'worth considering', 'worth it',
  'stands out', 'should consider', 'first choice', "editor's choice", 'best overall', 'winner', 'suggest', 'suggests', 'opt for',
];

const NEGATORS = [
  ...words('not no never hardly without nor neither cannot'),
  ...words("isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't hasn't haven't").flatMap((word) => [word, word.replace("'", '’')]),
];

/** Every term, lower case, words separated by one space. */
export const LEXICON: ReadonlyMap<string, Role> = (() => {
  const lexicon = new Map<string, Role>();
  const role = (term: string) => lexicon.get(term) ?? { polarity: 0, recommends: false, negates: false };
  for (const term of POSITIVE) lexicon.set(term, { ...role(term), polarity: 1 });
  for (const term of NEGATIVE) lexicon.set(term, { ...role(term), polarity: -1 });
  for (const term of RECOMMENDING) lexicon.set(term, { ...role(term), polarity: 1, recommends: true });
  for (const term of NEGATORS) lexicon.set(term, { ...role(term), negates: true });
  return lexicon;
})();

/**
 * Every term in one regular expression, whole words only. It runs on the
 * sentences that name a brand, not on the whole answer: most of an answer names no brand.
 */
const LEXICON_TERMS = new RegExp(`\\b${alternation([...LEXICON.keys()])}(?![\\w'’-])`, 'gi');

/** A negator turns the words that start within this many characters after it: "isn't really the best". */
const NEGATION_REACH = 24;

/** What one sentence says: its sentiment words and whether it recommends. */
export interface SentenceReading {
  positive: number;
  negative: number;
  recommended: boolean;
}

/**
 * Reads the lexicon terms of one sentence (accented Latin letters already de-accented), in
 * order: negation flips sentiment words and cancels recommendations.
 */
export function readSentence(sentence: string): SentenceReading {
  const reading: SentenceReading = { positive: 0, negative: 0, recommended: false };
  let negatorEnd = -Infinity;
  LEXICON_TERMS.lastIndex = 0;
  for (let match = LEXICON_TERMS.exec(sentence); match !== null; match = LEXICON_TERMS.exec(sentence)) {
    const term = match[0];
    const role = LEXICON.get(term) ?? LEXICON.get(term.toLowerCase().replace(/\s+/g, ' '));
    if (!role) continue;
    if (role.negates) {
      negatorEnd = match.index + term.length;
      continue;
    }
    const negated = match.index - negatorEnd <= NEGATION_REACH;
    if (role.polarity !== 0) {
      if ((role.polarity > 0) !== negated) reading.positive++;
      else reading.negative++;
    }
    if (role.recommends && !negated) reading.recommended = true;
  }
  return reading;
}

export interface Judgement {
  /** (positive - negative) / (positive + negative) words, -1..1; 0 when there are none. */
  score: number;
  sentiment: Sentiment;
  recommended: boolean;
}

/** The judgement of a brand from the sentences that name it. */
export function judge(readings: readonly SentenceReading[]): Judgement {
  let positive = 0;
  let negative = 0;
  for (const reading of readings) {
    positive += reading.positive;
    negative += reading.negative;
  }
  const score = positive + negative === 0 ? 0 : (positive - negative) / (positive + negative);
  return { score, sentiment: score > 0 ? 'POSITIVE' : score < 0 ? 'NEGATIVE' : 'NEUTRAL', recommended: readings.some((reading) => reading.recommended) };
}
