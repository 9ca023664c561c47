import { Parser } from 'htmlparser2';
import type { Heading } from '../types';
import type { Anchor, LinkTarget, PageModel, Quote, Section } from './model';

/** What the fetch already knows about a page; parsing adds the rest. */
export type FetchFacts = Pick<
  PageModel,
  'url' | 'status' | 'headers' | 'charset' | 'fetchMs' | 'timeToFirstByteMs' | 'bytes' | 'redirectChain' | 'analyzedAt'
>;

type ParsedFacts = Omit<PageModel, keyof FetchFacts | 'structuredData'>;

/** Elements whose text is not visible page text. */
const HIDDEN_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'title', 'head']);
/** Elements that may appear before <body>; anything else starts the body. */
const HEAD_ELEMENTS = new Set(['html', 'head', 'title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template']);
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);
const ANSWER_BLOCKS = new Set(['p', 'dd']);
const AUTHOR_CLASSES = /(?:^|\s)(?:author|byline|author-name|post-author|entry-author)(?:\s|$)/i;

interface OpenElement {
  name: string;
  lang: string;
  hidesText: boolean;
  isChrome: boolean;
}

/** Collects the text inside one element until it closes. */
interface Capture {
  depth: number;
  text: string;
  /** Title and JSON-LD text is not visible text, yet it is what these captures want. */
  readsHidden: boolean;
  done(text: string): void;
}

/** One streaming pass over the HTML: no DOM is built, so a 5 MB page stays cheap. */
export function parseHtml(html: string, pageUrl: string): ParsedFacts {
  const facts: ParsedFacts = {
    title: null, metaDescription: null, canonical: null, lang: null,
    metas: [], links: [], anchors: [], images: [], headings: [], sections: [],
    jsonLd: [], microdataTypes: [], rdfaTypes: [], quotes: [], times: [], authorHints: [],
    text: '', wordCount: 0,
  };
  const stack: OpenElement[] = [];
  const captures: Capture[] = [];
  const textChunks: string[] = [];
  let hiddenDepth = 0;
  let chromeDepth = 0;
  let bodyStarted = false;
  let openSection: Section | null = null;
  const openQuotes: { depth: number; quote: Quote }[] = [];
  const microdataTypes = new Set<string>();
  const rdfaTypes = new Set<string>();

  /** Tags separate words ("<p>a</p><p>b</p>" is two words); one space is enough. */
  function separateWords(): void {
    if (textChunks.at(-1) !== ' ') textChunks.push(' ');
  }

  function capture(done: (text: string) => void, readsHidden = false): void {
    captures.push({ depth: stack.length, text: '', readsHidden, done });
  }

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = stack.at(-1);
        const role = attributes.role === undefined ? '' : attributes.role.trim().toLowerCase();
        const element: OpenElement = {
          name,
          lang: attributes.lang?.trim() || parent?.lang || '',
          hidesText: HIDDEN_TEXT.has(name),
          isChrome: CHROME.has(name) || CHROME_ROLES.has(role),
        };
        if (!bodyStarted && (name === 'body' || !HEAD_ELEMENTS.has(name))) bodyStarted = true;
        stack.push(element);
        if (element.hidesText) hiddenDepth++;
        if (element.isChrome) chromeDepth++;
        separateWords();

        if (attributes.itemtype) for (const type of attributes.itemtype.split(/\s+/)) addType(microdataTypes, type);
        if (attributes.typeof) for (const type of attributes.typeof.split(/\s+/)) addType(rdfaTypes, type);
        if (
          (attributes.itemprop !== undefined && attributes.itemprop.split(/\s+/).includes('author')) ||
          (attributes.class !== undefined && AUTHOR_CLASSES.test(attributes.class))
        ) {
          capture(pushText(facts.authorHints));
        }

        switch (name) {
          case 'html':
            if (attributes.lang !== undefined && facts.lang === null) facts.lang = attributes.lang.trim() || null;
            break;
          case 'title':
            if (facts.title === null && !stack.some((open) => open.name === 'svg')) capture((text) => (facts.title = collapse(text)), true);
            break;
          case 'meta': {
            const metaName = (attributes.name ?? attributes.property ?? attributes['http-equiv'] ?? '').trim().toLowerCase();
            if (!metaName) break;
            const content = attributes.content ?? '';
            facts.metas.push({ name: metaName, content });
            if (metaName === 'description' && facts.metaDescription === null) facts.metaDescription = content.trim();
            break;
          }
          case 'link': {
            const rel = (attributes.rel ?? '').trim().toLowerCase();
            const href = attributes.href ?? '';
            facts.links.push({ rel, href, hreflang: attributes.hreflang ?? '', source: bodyStarted ? 'body' : 'head' });
            if (rel.split(/\s+/).includes('canonical') && facts.canonical === null && href.trim()) facts.canonical = href.trim();
            if (rel.split(/\s+/).includes('author') && attributes.title) facts.authorHints.push(attributes.title.trim());
            break;
          }
          case 'script':
            if ((attributes.type ?? '').trim().toLowerCase() === 'application/ld+json') {
              capture((text) => facts.jsonLd.push(text.trim()), true);
            }
            break;
          case 'a':
            openAnchor(attributes, element);
            break;
          case 'img':
            facts.images.push({
              src: attributes.src ?? '',
              alt: attributes.alt ?? null,
              role: role,
              ariaLabel: attributes['aria-label'] ?? '',
              ariaLabelledby: attributes['aria-labelledby'] ?? '',
              title: attributes.title ?? '',
              ariaHidden: attributes['aria-hidden'] === 'true',
            });
            break;
          case 'blockquote':
          case 'q': {
            const quote: Quote = { kind: name, text: '', attributed: Boolean(attributes.cite?.trim()) };
            openQuotes.push({ depth: stack.length, quote });
            capture((text) => {
              quote.text = collapse(text);
              facts.quotes.push(quote);
            });
            break;
          }
          case 'cite':
          case 'footer': {
            const quote = openQuotes.findLast((open) => open.quote.kind === 'blockquote')?.quote;
            if (quote) quote.attributed = true;
            break;
          }
          case 'time':
            if (attributes.datetime) facts.times.push(attributes.datetime.trim());
            else capture(pushText(facts.times));
            break;
        }

        const level = HEADING_LEVELS[name];
        if (level) {
          capture((raw) => {
            const text = collapse(raw);
            facts.headings.push({ level, text });
            openSection = { level, heading: text, firstParagraph: null };
            facts.sections.push(openSection);
          });
        } else if (ANSWER_BLOCKS.has(name) && openSection && openSection.firstParagraph === null) {
          const section = openSection;
          section.firstParagraph = '';
          capture((text) => (section.firstParagraph = collapse(text)));
        }
      },
      ontext(data) {
        const hidden = hiddenDepth > 0;
        if (!hidden) textChunks.push(data);
        for (const open of captures) if (!hidden || open.readsHidden) open.text += data;
      },
      onclosetag(name) {
        const element = stack.pop();
        if (!element) return;
        if (element.hidesText) hiddenDepth--;
        if (element.isChrome) chromeDepth--;
        separateWords();
        while (captures.length > 0 && captures.at(-1)!.depth > stack.length) {
          const finished = captures.pop()!;
          finished.done(finished.text);
        }
        while (openQuotes.length > 0 && openQuotes.at(-1)!.depth > stack.length) openQuotes.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );

  function openAnchor(attributes: Record<string, string>, element: OpenElement): void {
    const anchor: Anchor = {
      rawHref: attributes.href ?? null,
      target: attributes.href === undefined ? null : resolveTarget(attributes.href, pageUrl),
      text: '',
      rel: (attributes.rel ?? '').toLowerCase(),
      role: attributes.role ?? '',
      name: attributes.name ?? '',
      id: attributes.id ?? '',
      attributeNames: Object.keys(attributes),
      ariaCurrent: attributes['aria-current'] ?? '',
      lang: element.lang,
      inChrome: chromeDepth > 0,
    };
    facts.anchors.push(anchor);
    capture((text) => (anchor.text = collapse(text)));
    if (anchor.rel.split(/\s+/).includes('author')) capture(pushText(facts.authorHints));
  }

  parser.end(html);
  // Not collapsed: on a 5 MB page that costs more than the parse, and the checks' patterns accept any whitespace.
  facts.text = textChunks.join('');
  facts.wordCount = countWords(facts.text);
  facts.microdataTypes = [...microdataTypes];
  facts.rdfaTypes = [...rdfaTypes];
  return facts;
}

const HEADING_LEVELS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** `https://schema.org/Organization` and `schema:Organization` both name the type Organization. */
function addType(types: Set<string>, value: string): void {
  const type = value.split(/[/#:]/).pop()?.trim();
  if (type) types.add(type);
}

function resolveTarget(href: string, base: string): LinkTarget | null {
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
    // Space, tab, newline, carriage return, form feed, no-break space.
    const isSpace = code === 32 || (code >= 9 && code <= 13) || code === 160;
    if (!isSpace && !inWord) words++;
    inWord = !isSpace;
  }
  return words;
}

function pushText(list: string[]): (text: string) => void {
  return (text) => {
    const collapsed = collapse(text);
    if (collapsed) list.push(collapsed);
  };
}

const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f]/;

function collapse(value: string): string {
  // Most captured texts (link texts, headings) are already single-spaced: skip the rewrite.
  return (NEEDS_COLLAPSE.test(value) ? value.replace(/\s+/g, ' ') : value).trim();
}
