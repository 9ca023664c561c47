import { collapse, pushText, resolveTarget, type ElementOpener } from './collector';
import { isQuestion, type Anchor, type Quote, type Section } from './model';

const relTokens = (rel: string | undefined) => (rel ?? '').trim().toLowerCase().split(/\s+/);

const html: ElementOpener = (collector, attributes) => {
  if (attributes.lang !== undefined && collector.facts.lang === null) collector.facts.lang = attributes.lang.trim() || null;
};

/** document.title: the first <title> anywhere, except inside SVG. */
const title: ElementOpener = (collector) => {
  const { facts } = collector;
  if (facts.title === null && !collector.inert && !collector.names.includes('svg')) collector.capture((text) => (facts.title = collapse(text)), true);
};

const meta: ElementOpener = ({ facts, bodyStarted, inert }, attributes) => {
  const name = (attributes.name ?? attributes.property ?? attributes['http-equiv'] ?? '').trim().toLowerCase();
  if (!name || inert) return;
  const content = attributes.content ?? '';
  const byName = attributes.name !== undefined;
  const source = bodyStarted ? 'body' : 'head';
  facts.metas.push({ name, content, byName, source });
  // Lighthouse reads the description as `head meta` whose name (not property) is description.
  if (byName && source === 'head' && name === 'description' && facts.metaDescription === null) facts.metaDescription = content.trim();
};

const link: ElementOpener = ({ facts, bodyStarted, inert }, attributes) => {
  if (inert) return;
  const rel = (attributes.rel ?? '').trim().toLowerCase();
  const href = attributes.href ?? '';
  facts.links.push({ rel, href, hreflang: attributes.hreflang ?? '', source: bodyStarted ? 'body' : 'head' });
  const tokens = relTokens(rel);
  if (tokens.includes('canonical') && facts.canonical === null && href.trim()) facts.canonical = href.trim();
  if (tokens.includes('author') && attributes.title) facts.authorHints.push(attributes.title.trim());
};

const script: ElementOpener = (collector, attributes) => {
  if ((attributes.type ?? '').trim().toLowerCase() === 'application/ld+json') {
    collector.capture((text) => collector.facts.jsonLd.push(text.trim()), true);
  }
};

const anchor: ElementOpener = (collector, attributes) => {
  if (collector.inert) return;
  const found: Anchor = {
    rawHref: attributes.href ?? null,
    target: attributes.href === undefined ? null : resolveTarget(attributes.href, collector.pageUrl),
    text: '',
    rel: (attributes.rel ?? '').toLowerCase(),
    role: attributes.role ?? '',
    name: attributes.name ?? '',
    id: attributes.id ?? '',
    attributeNames: Object.keys(attributes),
    ariaCurrent: attributes['aria-current'] ?? '',
    lang: collector.lang,
    inChrome: collector.inChrome,
  };
  collector.facts.anchors.push(found);
  // innerText, as Lighthouse reads it: text that is not rendered does not count, unless the link itself is not rendered.
  collector.capture((text) => (found.text = collapse(text)), false, collector.rendered);
  if (relTokens(found.rel).includes('author')) collector.capture(pushText(collector.facts.authorHints));
};

const image: ElementOpener = ({ facts, inert, hidden }, attributes) => {
  if (inert) return;
  facts.images.push({
    src: attributes.src ?? '',
    alt: attributes.alt ?? null,
    role: (attributes.role ?? '').trim().toLowerCase(),
    ariaLabel: attributes['aria-label'] ?? '',
    ariaLabelledby: attributes['aria-labelledby'] ?? '',
    title: attributes.title ?? '',
    hidden,
  });
};

const quotation: ElementOpener = (collector, attributes, name) => {
  const quote: Quote = { kind: name === 'q' ? 'q' : 'blockquote', text: '', attributed: Boolean(attributes.cite?.trim()) };
  if (quote.kind === 'blockquote') collector.openBlockquotes.push({ depth: collector.depth, quote });
  collector.capture((text) => {
    quote.text = collapse(text);
    collector.facts.quotes.push(quote);
  });
};

/** A <cite> or <footer> inside a blockquote names who is quoted. */
const attribution: ElementOpener = ({ openBlockquotes }) => {
  const quote = openBlockquotes.at(-1)?.quote;
  if (quote) quote.attributed = true;
};

const time: ElementOpener = (collector, attributes) => {
  if (attributes.datetime) collector.facts.times.push(attributes.datetime.trim());
  else collector.capture(pushText(collector.facts.times));
};

const heading: ElementOpener = (collector, _attributes, name) => {
  const level = Number(name[1]);
  collector.capture((raw) => {
    const text = collapse(raw);
    collector.facts.headings.push({ level, text });
    if (!isQuestion(text)) {
      collector.openSection = null;
      return;
    }
    const section: Section = { level, heading: text, firstParagraph: null };
    collector.openSection = section;
    collector.facts.questionSections.push(section);
  });
};

/** The first paragraph after a heading is its answer, when a question heading asks. */
const answerBlock: ElementOpener = (collector) => {
  const section = collector.openSection;
  if (!section || section.firstParagraph !== null) return;
  section.firstParagraph = '';
  collector.capture((text) => (section.firstParagraph = collapse(text)));
};

export const ELEMENT_OPENERS: ReadonlyMap<string, ElementOpener> = new Map([
  ['html', html],
  ['title', title],
  ['meta', meta],
  ['link', link],
  ['script', script],
  ['a', anchor],
  ['img', image],
  ['blockquote', quotation],
  ['q', quotation],
  ['cite', attribution],
  ['footer', attribution],
  ['time', time],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name) => [name, heading] as const),
  ['p', answerBlock],
  ['dd', answerBlock],
]);
