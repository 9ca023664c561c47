import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { judge, readSentence, type SentenceReading, type Sentiment } from './lexicon';
import { alternation } from './termPattern';
import { hostIsOn, parseUrl, rawUrlsInText, registrableDomain, type Span } from './urls';

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
const toBase = (char: string) => BASE_LETTER.get(char) ?? char;

/** The text with accented Latin letters replaced by their base letter, same length. (Text is taken as NFC, as engines send it.) */
function withoutAccents(text: string): string {
  // An ASCII text (its UTF-8 length is its length: counted natively, far faster than a pattern scans it) has no accents.
  return Buffer.byteLength(text) === text.length ? text : text.replace(ACCENTED, toBase);
}

// A word character on the far side of a term makes it part of a longer word ("Acmeville").
// Beside the letters and digits of most scripts, General Punctuation (U+2000-206F: ’ “ —) is not.
const WORD_AFTER = '(?![\\w\\u00C0-\\u1FFF\\u2070-\\uD7FF])';
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const WHITE_SPACE = /\s/;

/** True when the character before `offset` is a letter, digit or underscore: a term there would be the end of a longer word. */
function wordBefore(text: string, offset: number): boolean {
  if (offset === 0) return false;
  const code = text.charCodeAt(offset - 1);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
  return WORD_CHAR.test(text[offset - 1]!);
}

/** True for white space (\s) at `offset`. */
function whiteAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code === 0x20 || code === 0x0a || ((code < 0x20 || code > 0x7e) && WHITE_SPACE.test(text[offset]!));
}

// Sentences end after a run of ., ! or ? followed by white space, and after a line break (list
// items, headings), as the pattern /[.!?]+(?=\s)|\n/g ends them.
const STOPS = ['\n', '.', '!', '?'] as const;

/**
 * The sentences of a text, found as they are asked for: the sentence around each offset, asked
 * in increasing order, up to the last one asked for. Each stop character is looked for with
 * indexOf, which measured faster than the pattern from where the search stands and than a loop over the characters.
 */
class Sentences {
  /** Where the sentence around the offset last asked for starts: after the last sentence end at or before it (0: the text's start). */
  start = 0;
  /** Where it ends: the first sentence end after the offset (the text's length: none). */
  end: number;
  /** Per stop character, where it next occurs at or after the search (-1: nowhere). */
  private readonly next: number[];

  constructor(private readonly text: string) {
    this.next = STOPS.map((stop) => text.indexOf(stop));
    this.end = this.endFrom(1);
  }

  /** Moves to the sentence around `offset` (start and end say where it is). */
  moveTo(offset: number): void {
    while (this.end <= offset) {
      this.start = this.end;
      this.end = this.endFrom(this.end + 1);
    }
  }

  /** The first sentence end at or after `from` (the text's length when there is none). */
  private endFrom(from: number): number {
    const { text, next } = this;
    for (let stopAt = from - 1; ; ) {
      let at = -1;
      let stop = -1;
      for (let index = 0; index < STOPS.length; index++) {
        if (next[index] !== -1 && next[index]! < stopAt) next[index] = text.indexOf(STOPS[index]!, stopAt);
        if (next[index] !== -1 && (at === -1 || next[index]! < at)) {
          at = next[index]!;
          stop = index;
        }
      }
      if (at === -1) return text.length;
      // A sentence ends after a line break, or after . ! ? followed by white space (so after the last of a run).
      if (stop === 0 || (at + 1 < text.length && whiteAt(text, at + 1))) return at + 1;
      stopAt = at + 1;
    }
  }
}

const LIST_MARKER = /^(?:[-*+>#]+|\d+[.)])\s+/;
const MAX_CONTEXT = 400;
const MAX_SPELLINGS = 10_000;
const MAX_SOURCES = 10_000;

/** A brand named in an answer, while the answer is scanned: where, the sentence of its first mention, what the sentences naming it say. */
interface Named {
  spans: Span[];
  context: string;
  readings: SentenceReading[];
}

/** Adds a source to an answer's citations, each URL once. */
function cite(source: Citation | null, seen: Set<string>, cited: Citation[]): void {
  if (source === null || seen.has(source.url)) return;
  seen.add(source.url);
  cited.push({ url: source.url, domain: source.domain, brand: source.brand });
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
 * URLs, sentences and lexicon terms are found apart from the brands: folded into the brands'
 * expression (URLs, accented letters), they measured several times slower than both apart,
 * since V8 then finds no letters to skip the text by (see bench/RESULTS.md, mention analysis).
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
  // with an ASCII word character (accented Latin ones are de-accented before the scan). URLs
  // are found by a scan of their own: one pattern for both measured several times slower.
  const wordStart = terms.filter((term) => /^\w/.test(term));
  const otherStart = terms.filter((term) => !/^\w/.test(term));
  const groups = [wordStart.length ? `\\b${alternation(wordStart)}` : '', otherStart.length ? alternation(otherStart) : ''];
  const matcher = new RegExp(`(?:${groups.filter(Boolean).join('|') || '(?!)'})${WORD_AFTER}`, 'gi');
  const domains = brands.map((brand) => (brand.domains ?? []).map((domain) => domain.toLowerCase()));

  // The same few spellings recur in every answer; folding each match again would cost more than the scan.
  const spellings = new Map<string, number>();
  function brandOf(matched: string): number {
    let brand = spellings.get(matched);
    if (brand === undefined) {
      // -1 only where the regular expression's case folding is wider than toLowerCase (Greek final sigma).
      brand = termBrand.get(spelling(matched)) ?? -1;
      if (spellings.size >= MAX_SPELLINGS) spellings.clear();
      spellings.set(matched, brand);
    }
    return brand;
  }

  function brandOfHost(host: string): string | null {
    const index = domains.findIndex((list) => list.some((domain) => hostIsOn(host, domain)));
    return index === -1 ? null : brands[index]!.name;
  }

  // The answers of one audit cite the same sources again and again; parsing a URL costs more than finding it.
  const sources = new Map<string, Citation | null>();
  function sourceOf(raw: string): Citation | null {
    let source = sources.get(raw);
    if (source === undefined) {
      const parsed = parseUrl(raw);
      source = parsed && { url: parsed.url, domain: registrableDomain(parsed.host), brand: brandOfHost(parsed.host) };
      if (sources.size >= MAX_SOURCES) sources.clear();
      sources.set(raw, source);
    }
    return source;
  }

  function analyse({ text, citations = [] }: AnswerInput): AnswerAnalysis {
    const seen = new Set<string>();
    const cited: Citation[] = [];
    for (const raw of citations) cite(sourceOf(raw), seen, cited);
    const inText: Span[] = [];
    for (const { raw, start } of rawUrlsInText(text)) {
      const source = sourceOf(raw);
      if (source === null) continue;
      cite(source, seen, cited);
      inText.push({ start, end: start + raw.length });
    }

    const named = new Map<number, Named>();
    const scanned = withoutAccents(text);
    // Matches come in order, so do URLs and sentences: each is looked at once. Sentences are looked for once a brand is named.
    let sentences: Sentences | null = null;
    let url = 0;
    let reading: SentenceReading | null = null;
    let readingAt = -1;
    matcher.lastIndex = 0;
    for (let match = matcher.exec(scanned); match !== null; match = matcher.exec(scanned)) {
      const start = match.index;
      // The word boundary before a term is checked here, not in the pattern: a lookbehind at
      // the start of a pattern is tried at every position and would slow the whole scan.
      if (wordBefore(text, start)) {
        matcher.lastIndex = start + 1;
        continue;
      }
      // The names in a URL are not mentions.
      while (url < inText.length && inText[url]!.end <= start) url++;
      if (url < inText.length && inText[url]!.start <= start) continue;
      const brand = brandOf(match[0]);
      if (brand === -1) continue;
      const span = { start, end: start + match[0].length };
      sentences ??= new Sentences(text);
      sentences.moveTo(start);
      // A sentence naming several brands, or one brand twice, is read once.
      if (sentences.start !== readingAt) {
        readingAt = sentences.start;
        reading = readSentence(scanned.slice(sentences.start, sentences.end));
      }
      const entry = named.get(brand);
      if (!entry) named.set(brand, { spans: [span], context: contextOf(text, sentences, span), readings: [reading!] });
      else {
        entry.spans.push(span);
        if (entry.readings.at(-1) !== reading) entry.readings.push(reading!);
      }
    }

    const mentions: Mention[] = [];
    for (const [brand, { spans, context, readings }] of named) {
      const judgement = judge(readings);
      mentions.push({
        brand: brands[brand]!.name,
        position: mentions.length + 1,
        context,
        sentiment: judgement.sentiment,
        sentimentScore: judgement.score,
        recommended: judgement.recommended,
        spans,
        source: 'LEXICON',
      });
    }
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
