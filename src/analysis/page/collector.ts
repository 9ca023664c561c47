import type { Handler } from 'htmlparser2';
import type { LinkTarget, PageModel, Quote, Section } from './model';

/** What parsing finds; the fetch facts and derived structured data are added by buildPageModel. */
export type ParsedFacts = Omit<
  PageModel,
  'url' | 'status' | 'headers' | 'charset' | 'fetchMs' | 'timeToFirstByteMs' | 'bytes' | 'redirectChain' | 'analyzedAt' | 'structuredData'
>;

/** Elements whose text is not visible page text. */
const HIDDEN_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'title', 'head']);
/**
 * Start tags the HTML parser's "in head" insertion mode keeps in the head; any other start tag,
 * and any text but whitespace, starts the body. After `</head>` the same hold except noscript.
 */
const HEAD_ELEMENTS = new Set([
  'html', 'head', 'title', 'meta', 'link', 'script', 'style', 'base', 'basefont', 'bgsound', 'noscript', 'noframes', 'template',
]);
const NOT_WHITESPACE = /[^\t\n\f\r ]/;
const INLINE_DISPLAY = /(?:^|;)\s*display\s*:\s*([a-z-]+)/gi;
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
/** The attributes onopentag reads; most tags have none of them. */
const READ_ATTRIBUTES = new Set(['role', 'lang', 'itemtype', 'typeof', 'itemprop', 'class', 'hidden', 'style', 'aria-hidden', 'id']);

export type Attributes = Record<string, string>;
export type ElementOpener = (collector: PageCollector, attributes: Attributes, name: string) => void;

/** Collects the text inside one element until it closes. */
interface Capture {
  depth: number;
  text: string;
  /** Title and JSON-LD text is not visible text, yet it is what these captures want. */
  readsHidden: boolean;
  /** Skips text that is not rendered (`hidden`, inline display:none), as innerText does. */
  readsRenderedOnly: boolean;
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
  /**
   * Open elements at this stack depth and deeper are inert (see `inert`), not rendered,
   * or hidden from assistive technology; Infinity when none is.
   */
  private inertFrom = Infinity;
  private notRenderedFrom = Infinity;
  private ariaHiddenFrom = Infinity;
  private headClosed = false;
  /** The open tag being read has one of READ_ATTRIBUTES (see onattribute). */
  private hasReadAttribute = false;
  /** Text ranges (indices into the text chunks) of the first element with each id, for aria-labelledby. */
  private readonly idTexts = new Map<string, { start: number; end: number }>();
  private readonly openIds: { depth: number; range: { start: number; end: number } }[] = [];
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

  /** Inside noscript (raw text when scripting is on, as in Lighthouse) or template (inert) content: no element of the document. */
  get inert(): boolean {
    return this.inertFrom !== Infinity;
  }

  /** Not rendered (itself or an ancestor `hidden` or display:none) or aria-hidden: axe does not judge it. */
  get hidden(): boolean {
    return this.notRenderedFrom !== Infinity || this.ariaHiddenFrom !== Infinity;
  }

  get rendered(): boolean {
    return this.notRenderedFrom === Infinity;
  }

  /**
   * Title and JSON-LD (readsHidden) are raw text in HTML, so one is open at a time and keeps its
   * whole text; inside SVG they are elements, and one opened inside another records an empty text.
   */
  capture(done: (text: string) => void, readsHidden = false, readsRenderedOnly = false): void {
    const full = readsHidden ? this.captures.some((open) => open.readsHidden) : this.captures.length >= MAX_OPEN_CAPTURES;
    if (full) done('');
    else this.captures.push({ depth: this.names.length, text: '', readsHidden, readsRenderedOnly, done });
  }

  /** Noting the attributes onopentag reads as they are parsed is cheaper than looking each up on every tag. */
  onattribute(name: string): void {
    if (READ_ATTRIBUTES.has(name)) this.hasReadAttribute = true;
  }

  onopentag(name: string, attributes: Attributes): void {
    const readsAttributes = this.hasReadAttribute;
    this.hasReadAttribute = false;
    const role = !readsAttributes || attributes.role === undefined ? '' : attributes.role.trim().toLowerCase();
    const isChrome = CHROME.has(name) || CHROME_ROLES.has(role);
    const depth = this.names.length;
    if (!this.bodyStarted && !this.inert && (!HEAD_ELEMENTS.has(name) || (name === 'noscript' && this.headClosed))) {
      this.bodyStarted = true;
    }
    if ((name === 'noscript' || name === 'template') && depth < this.inertFrom) this.inertFrom = depth + 1;
    if (readsAttributes) {
      if (depth < this.notRenderedFrom && isNotRendered(attributes)) this.notRenderedFrom = depth;
      if (depth < this.ariaHiddenFrom && attributes['aria-hidden'] === 'true') this.ariaHiddenFrom = depth;
      if (attributes.id !== undefined && !this.inert && !this.idTexts.has(attributes.id)) {
        const range = { start: this.textChunks.length, end: -1 };
        this.idTexts.set(attributes.id, range);
        this.openIds.push({ depth, range });
      }
    }
    this.names.push(name);
    this.langs.push((readsAttributes && attributes.lang?.trim()) || this.lang);
    this.chrome.push(isChrome);
    if (HIDDEN_TEXT.has(name)) this.hiddenDepth++;
    if (isChrome) this.chromeDepth++;
    this.separateWords();

    if (readsAttributes && attributes.itemtype !== undefined) addTypes(this.microdataTypes, attributes.itemtype);
    if (readsAttributes && attributes.typeof !== undefined) addTypes(this.rdfaTypes, attributes.typeof);
    if (
      readsAttributes &&
      ((attributes.itemprop !== undefined && attributes.itemprop.split(/\s+/).includes('author')) ||
        (attributes.class !== undefined && AUTHOR_CLASSES.test(attributes.class)))
    ) {
      this.capture(pushText(this.facts.authorHints));
    }
    this.openers.get(name)?.(this, attributes, name);
  }

  ontext(data: string): void {
    const hidden = this.hiddenDepth > 0;
    if (!this.bodyStarted && this.isHeadLevel() && NOT_WHITESPACE.test(data)) this.bodyStarted = true;
    if (!hidden) this.textChunks.push(data);
    const rendered = this.rendered;
    for (const open of this.captures) {
      if (!rendered && open.readsRenderedOnly) continue;
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
    if (name === 'head') this.headClosed = true;
    this.separateWords();
    const depth = this.names.length;
    if (depth < this.inertFrom) this.inertFrom = Infinity;
    if (depth <= this.notRenderedFrom) this.notRenderedFrom = Infinity;
    if (depth <= this.ariaHiddenFrom) this.ariaHiddenFrom = Infinity;
    while (this.openIds.length > 0 && this.openIds[this.openIds.length - 1]!.depth >= depth) {
      this.openIds.pop()!.range.end = this.textChunks.length;
    }
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
    for (const image of this.facts.images) if (image.ariaLabelledby) image.ariaLabelledby = this.labelledByText(image.ariaLabelledby);
    return this.facts;
  }

  /** The text of the elements an aria-labelledby list names (those that exist), collapsed. */
  private labelledByText(ids: string): string {
    const texts: string[] = [];
    for (const id of ids.trim().split(/\s+/)) {
      const range = this.idTexts.get(id);
      if (range) texts.push(this.textChunks.slice(range.start, range.end === -1 ? undefined : range.end).join(''));
    }
    return collapse(texts.join(' '));
  }

  /** Text here stands directly in the head (not in title, script, style, noscript, …): unless whitespace, it starts the body. */
  private isHeadLevel(): boolean {
    const parent = this.names[this.names.length - 1];
    return parent === undefined || parent === 'html' || parent === 'head';
  }

  /** Tags separate words ("<p>a</p><p>b</p>" is two words); one space is enough. */
  private separateWords(): void {
    if (this.textChunks[this.textChunks.length - 1] !== ' ') this.textChunks.push(' ');
  }
}

/** The user agent's `[hidden] { display: none }`, unless an inline display overrides it; the last inline display wins. */
function isNotRendered(attributes: Attributes): boolean {
  let display: string | undefined;
  if (attributes.style !== undefined) for (const match of attributes.style.matchAll(INLINE_DISPLAY)) display = match[1]!.toLowerCase();
  return display === undefined ? attributes.hidden !== undefined : display === 'none';
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


