import type { Handler } from 'htmlparser2';
import type { LinkTarget, PageModel, Quote, Section } from './model';

/** What parsing finds; the fetch facts and derived structured data are added by buildPageModel. */
export type ParsedFacts = Omit<
  PageModel,
  'url' | 'status' | 'headers' | 'charset' | 'fetchMs' | 'timeToFirstByteMs' | 'bytes' | 'redirectChain' | 'analyzedAt' | 'structuredData'
>;

/** Elements whose text is not visible page text. */
const HIDDEN_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'title', 'head']);
/** Elements that may appear before <body>; anything else starts the body. */
const HEAD_ELEMENTS = new Set(['html', 'head', 'title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template']);
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);
const AUTHOR_CLASSES = /(?:^|\s)(?:author|byline|author-name|post-author|entry-author)(?:\s|$)/i;
/**
 * Every text goes to every open capture, so their number bounds the work per text: real pages
 * nest a few (a link in a heading in a quotation); deeper ones record an empty text.
 */
export const MAX_OPEN_CAPTURES = 32;
/** Most characters a capture of visible text keeps: far more than any check reads. */
export const MAX_CAPTURED_TEXT = 10_000;

export type Attributes = Record<string, string>;
export type ElementOpener = (collector: PageCollector, attributes: Attributes, name: string) => void;

/** Collects the text inside one element until it closes. */
interface Capture {
  depth: number;
  text: string;
  /** Title and JSON-LD text is not visible text, yet it is what these captures want. */
  readsHidden: boolean;
  done(text: string): void;
}

/**
 * The htmlparser2 handler behind parseHtml: one streaming pass, no DOM. The open-element stack
 * is kept as parallel arrays (name, inherited lang, chrome flag) so that a tag costs no object.
 */
export class PageCollector implements Partial<Handler> {
  readonly facts: ParsedFacts = {
    title: null, metaDescription: null, canonical: null, lang: null,
    metas: [], links: [], anchors: [], images: [], headings: [], questionSections: [],
    jsonLd: [], microdataTypes: [], rdfaTypes: [], quotes: [], times: [], authorHints: [],
    text: '', wordCount: 0,
  };
  readonly names: string[] = [];
  private readonly langs: string[] = [];
  private readonly chrome: boolean[] = [];
  private readonly captures: Capture[] = [];
  private readonly textChunks: string[] = [];
  private hiddenDepth = 0;
  private chromeDepth = 0;
  bodyStarted = false;
  openSection: Section | null = null;
  /** Innermost last; a <cite> or <footer> attributes the innermost one. */
  readonly openBlockquotes: { depth: number; quote: Quote }[] = [];
  readonly microdataTypes = new Set<string>();
  readonly rdfaTypes = new Set<string>();

  constructor(
    readonly pageUrl: string,
    private readonly openers: ReadonlyMap<string, ElementOpener>,
  ) {}

  get depth(): number {
    return this.names.length;
  }

  get inChrome(): boolean {
    return this.chromeDepth > 0;
  }

  /** Language of the innermost element with a lang attribute. */
  get lang(): string {
    return this.langs[this.langs.length - 1] ?? '';
  }

  /**
   * Title and JSON-LD (readsHidden) are raw text in HTML, so one is open at a time and keeps its
   * whole text; inside SVG they are elements, and one opened inside another records an empty text.
   */
  capture(done: (text: string) => void, readsHidden = false): void {
    const full = readsHidden ? this.captures.some((open) => open.readsHidden) : this.captures.length >= MAX_OPEN_CAPTURES;
    if (full) done('');
    else this.captures.push({ depth: this.names.length, text: '', readsHidden, done });
  }

  onopentag(name: string, attributes: Attributes): void {
    const role = attributes.role === undefined ? '' : attributes.role.trim().toLowerCase();
    const isChrome = CHROME.has(name) || CHROME_ROLES.has(role);
    if (!this.bodyStarted && (name === 'body' || !HEAD_ELEMENTS.has(name))) this.bodyStarted = true;
    this.names.push(name);
    this.langs.push(attributes.lang?.trim() || this.lang);
    this.chrome.push(isChrome);
    if (HIDDEN_TEXT.has(name)) this.hiddenDepth++;
    if (isChrome) this.chromeDepth++;
    this.separateWords();

    if (attributes.itemtype !== undefined) addTypes(this.microdataTypes, attributes.itemtype);
    if (attributes.typeof !== undefined) addTypes(this.rdfaTypes, attributes.typeof);
    if (
      (attributes.itemprop !== undefined && attributes.itemprop.split(/\s+/).includes('author')) ||
      (attributes.class !== undefined && AUTHOR_CLASSES.test(attributes.class))
    ) {
      this.capture(pushText(this.facts.authorHints));
    }
    this.openers.get(name)?.(this, attributes, name);
  }

  ontext(data: string): void {
    const hidden = this.hiddenDepth > 0;
    if (!hidden) this.textChunks.push(data);
    for (const open of this.captures) {
      if (open.readsHidden) {
        open.text += data;
      } else if (!hidden && open.text.length < MAX_CAPTURED_TEXT) {
        const room = MAX_CAPTURED_TEXT - open.text.length;
        open.text += data.length > room ? data.slice(0, room) : data;
      }
    }
  }

  onclosetag(name: string): void {
    if (this.names.length === 0) return;
    this.names.pop();
    this.langs.pop();
    if (this.chrome.pop()) this.chromeDepth--;
    if (HIDDEN_TEXT.has(name)) this.hiddenDepth--;
    this.separateWords();
    const depth = this.names.length;
    while (this.captures.length > 0 && this.captures[this.captures.length - 1]!.depth > depth) {
      const finished = this.captures.pop()!;
      finished.done(finished.text);
    }
    while (this.openBlockquotes.length > 0 && this.openBlockquotes[this.openBlockquotes.length - 1]!.depth > depth) this.openBlockquotes.pop();
  }

  finish(): ParsedFacts {
    // Not collapsed: on a 5 MB page that costs more than the parse, and the checks' patterns accept any whitespace.
    this.facts.text = this.textChunks.join('');
    this.facts.wordCount = countWords(this.facts.text);
    this.facts.microdataTypes = [...this.microdataTypes];
    this.facts.rdfaTypes = [...this.rdfaTypes];
    return this.facts;
  }

  /** Tags separate words ("<p>a</p><p>b</p>" is two words); one space is enough. */
  private separateWords(): void {
    if (this.textChunks[this.textChunks.length - 1] !== ' ') this.textChunks.push(' ');
  }
}

/** `https://schema.org/Organization` and `schema:Organization` both name the type Organization. */
function addTypes(types: Set<string>, value: string): void {
  for (const token of value.split(/\s+/)) {
    const type = token.split(/[/#:]/).pop()?.trim();
    if (type) types.add(type);
  }
}

export function resolveTarget(href: string, base: string): LinkTarget | null {
  try {
    const { href: absolute, protocol, hostname } = new URL(href, base);
    return { href: absolute, protocol, hostname };
  } catch {
    return null;
  }
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Control characters, space and no-break space separate words.
    const isSpace = code <= 32 || code === 160;
    if (!isSpace && !inWord) words++;
    inWord = !isSpace;
  }
  return words;
}

export function pushText(list: string[]): (text: string) => void {
  return (text) => {
    const collapsed = collapse(text);
    if (collapsed) list.push(collapsed);
  };
}

const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f]/;

export function collapse(value: string): string {
  // Most captured texts (link texts, headings) are already single-spaced: skip the rewrite.
  return (NEEDS_COLLAPSE.test(value) ? value.replace(/\s+/g, ' ') : value).trim();
}


