import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { judge, lexiconHits, readSentence, type SentenceReading, type Sentiment } from './lexicon';
import { alternation } from './termPattern';
import { hostIsOn, parseUrl, registrableDomain, urlsInText, type Span } from './urls';

/** A brand as a project knows it (the contract's Brand). */
export interface BrandSpec {
  name: string;
  aliases?: readonly string[];
  /** Registrable domains, e.g. "acme.com"; mentioned in text ("acme.com") and matched against cited URLs. */
  domains?: readonly string[];
}

/** One brand named in one answer (the contract's Mention, plus where it stands for highlighting). */
export interface Mention {
  brand: string;
  /** 1 = the first brand the answer names (order of first mention). */
  position: number;
  /** The sentence of the first mention. */
  context: string;
  sentiment: Sentiment;
  /** -1..1, what `sentiment` was read from. */
  sentimentScore: number;
  recommended: boolean;
  /** Every place the answer names the brand, by name, alias or domain. */
  spans: Span[];
  /** What judged sentiment and recommendation: LEXICON here; the insight model's name once it judged them (see judge.ts). */
  source: string;
}

export interface Citation {
  url: string;
  /** Registrable domain of the URL's host. */
  domain: string;
  /** The brand whose domains the URL is on; null for third-party sources. */
  brand: string | null;
}

export interface AnswerAnalysis {
  /** Ordered by position. */
  mentions: Mention[];
  /** The engine's sources, then links and bare URLs in the text; each URL once. */
  citations: Citation[];
}

export interface AnswerInput {
  text: string;
  /** The engine's own sources. */
  citations?: readonly string[];
}

export interface BrandMatcher {
  readonly brands: readonly BrandSpec[];
  analyse(answer: AnswerInput): AnswerAnalysis;
  /**
   * Analyses many answers, handing the event loop back every `sliceMs` of work so that a worker
   * analysing a whole audit still answers heartbeats and cancels; stops with the signal's reason.
   */
  analyseAll(answers: readonly AnswerInput[], options?: { sliceMs?: number; signal?: AbortSignal }): Promise<AnswerAnalysis[]>;
}

/** Lower case without accents: "Zoë RUNNING" → "zoe running". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A term as the matcher looks it up: folded, words separated by one space. */
function spelling(term: string): string {
  return fold(term).replace(/\s+/g, ' ');
}

/**
 * The Latin letters with accents that fold to one ASCII letter ("ä" → "a"), each one UTF-16
 * unit like its base: replacing them keeps every offset, so matches in the de-accented copy are
 * spans of the original text.
 */
const BASE_LETTER: ReadonlyMap<string, string> = (() => {
  const bases = new Map<string, string>();
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      const base = fold(char);
      if (/^[a-z]$/i.test(base)) bases.set(char, base);
    }
  }
  return bases;
})();
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** The text with accented Latin letters replaced by their base letter, same length. (Text is taken as NFC, as engines send it.) */
function withoutAccents(text: string): string {
  return ASCII.test(text) ? text : text.replace(ACCENTED, (char) => BASE_LETTER.get(char) ?? char);
}

// A word character on the far side of a term makes it part of a longer word ("Acmeville").
// Beside the letters and digits of most scripts, General Punctuation (U+2000-206F: ’ “ —) is not.
const WORD_AFTER = '(?![\\w\\u00C0-\\u1FFF\\u2070-\\uD7FF])';
const WORD_CHAR = /[\p{L}\p{N}_]/u;

// Sentences end at ., ! or ? followed by white space, and at line breaks (list items, headings).
const SENTENCE_END = /[.!?]+(?=\s)|\n/g;
const LIST_MARKER = /^(?:[-*+>#]+|\d+[.)])\s+/;
const MAX_CONTEXT = 400;
const MAX_SPELLINGS = 10_000;

function sentenceAround(ends: readonly number[], offset: number, textLength: number): Span {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ends[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  const start = low === 0 ? 0 : ends[low - 1]!;
  const end = low === ends.length ? textLength : ends[low]!;
  return { start, end };
}

function contextOf(text: string, sentence: Span, at: Span): string {
  const start = Math.max(sentence.start, at.start - MAX_CONTEXT / 2);
  const end = Math.min(sentence.end, at.end + MAX_CONTEXT / 2);
  // Sentences end at line breaks, so only a list item's marker is left to take off.
  return text.slice(start, end).trim().replace(LIST_MARKER, '');
}

/**
 * Compiles one matcher for a set of brands: every name, alias and domain of every brand in one
 * regular expression, case- and accent-insensitive, the longest term winning ("Acme Labs" over
 * "Acme"). A term matches between non-letters, so "Acme" matches in "Acme's" and "acme.com" but
 * not in "Acmeville". Names in the text that are part of a URL are citations, not mentions.
 */
export function compileBrands(brands: readonly BrandSpec[]): BrandMatcher {
  const termBrand = new Map<string, number>();
  brands.forEach((brand, index) => {
    for (const term of [brand.name, ...(brand.aliases ?? []), ...(brand.domains ?? [])]) {
      const folded = spelling(term.trim());
      if (folded === '') continue;
      const owner = termBrand.get(folded);
      if (owner !== undefined && owner !== index) {
        throw new Error(`"${term}" names both ${brands[owner]!.name} and ${brand.name}`);
      }
      termBrand.set(folded, index);
    }
  });
  if (new Set(brands.map((brand) => brand.name)).size !== brands.length) throw new Error('brand names must be unique');
  const terms = [...termBrand.keys()];
  // A leading \b lets V8 skip the middle of words quickly; it only applies to terms that start
  // with an ASCII word character (accented Latin ones are de-accented before the scan).
  const wordStart = terms.filter((term) => /^\w/.test(term));
  const otherStart = terms.filter((term) => !/^\w/.test(term));
  const groups = [wordStart.length ? `\\b${alternation(wordStart)}` : '', otherStart.length ? alternation(otherStart) : ''];
  const matcher = new RegExp(`(?:${groups.filter(Boolean).join('|') || '(?!)'})${WORD_AFTER}`, 'gi');
  const domains = brands.map((brand) => (brand.domains ?? []).map((domain) => domain.toLowerCase()));

  // The same few spellings recur in every answer; folding each match again would cost more than the scan.
  const spellings = new Map<string, number | undefined>();
  function brandOf(matched: string): number | undefined {
    if (spellings.has(matched)) return spellings.get(matched);
    // Undefined only where the regular expression's case folding is wider than toLowerCase (Greek final sigma).
    const brand = termBrand.get(spelling(matched));
    if (spellings.size >= MAX_SPELLINGS) spellings.clear();
    spellings.set(matched, brand);
    return brand;
  }

  function brandOfHost(host: string): string | null {
    const index = domains.findIndex((list) => list.some((domain) => hostIsOn(host, domain)));
    return index === -1 ? null : brands[index]!.name;
  }

  function analyse({ text, citations = [] }: AnswerInput): AnswerAnalysis {
    const inText = urlsInText(text);
    const seen = new Set<string>();
    const cited: Citation[] = [];
    for (const source of [...citations.map(parseUrl), ...inText]) {
      if (source === null || seen.has(source.url)) continue;
      seen.add(source.url);
      cited.push({ url: source.url, domain: registrableDomain(source.host), brand: brandOfHost(source.host) });
    }

    const spansByBrand = new Map<number, Span[]>();
    const scanned = withoutAccents(text);
    matcher.lastIndex = 0;
    for (let match = matcher.exec(scanned); match !== null; match = matcher.exec(scanned)) {
      const start = match.index;
      const end = start + match[0].length;
      // The word boundary before a term is checked here, not in the pattern: a lookbehind at
      // the start of a pattern is tried at every position and would slow the whole scan.
      if (start > 0 && WORD_CHAR.test(text[start - 1]!)) {
        matcher.lastIndex = start + 1;
        continue;
      }
      const brand = brandOf(match[0]);
      if (brand === undefined) continue;
      if (inText.some(({ span }) => start >= span.start && start < span.end)) continue;
      const spans = spansByBrand.get(brand);
      if (spans) spans.push({ start, end });
      else spansByBrand.set(brand, [{ start, end }]);
    }
    if (spansByBrand.size === 0) return { mentions: [], citations: cited };

    const ends: number[] = [];
    SENTENCE_END.lastIndex = 0;
    for (let end = SENTENCE_END.exec(text); end !== null; end = SENTENCE_END.exec(text)) ends.push(end.index + end[0].length);
    // A sentence naming several brands is read once.
    const readings = new Map<number, SentenceReading>();
    const readingOf = (sentence: Span) => {
      let reading = readings.get(sentence.start);
      if (!reading) {
        reading = readSentence(lexiconHits(scanned.slice(sentence.start, sentence.end)));
        readings.set(sentence.start, reading);
      }
      return reading;
    };
    let position = 0;
    const mentions = [...spansByBrand].map(([brand, spans]): Mention => {
      const sentences = spans.map((span) => sentenceAround(ends, span.start, text.length));
      const judgement = judge([...new Set(sentences.map(readingOf))]);
      return {
        brand: brands[brand]!.name,
        position: ++position,
        context: contextOf(text, sentences[0]!, spans[0]!),
        sentiment: judgement.sentiment,
        sentimentScore: judgement.score,
        recommended: judgement.recommended,
        spans,
        source: 'LEXICON',
      };
    });
    return { mentions, citations: cited };
  }

  return {
    brands,
    analyse,
    async analyseAll(answers, { sliceMs = 5, signal } = {}) {
      const results: AnswerAnalysis[] = [];
      let sliceStarted = performance.now();
      for (const answer of answers) {
        signal?.throwIfAborted();
        results.push(analyse(answer));
        if (performance.now() - sliceStarted >= sliceMs) {
          await yieldToLoop();
          sliceStarted = performance.now();
        }
      }
      return results;
    },
  };
}
