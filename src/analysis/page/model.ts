import type { ResponseHeaders } from '../fetch/pageFetcher';
import type { Heading } from '../types';
import type { StructuredData } from './structuredData';

/** A <meta> element: `name` is its name, property or http-equiv, lower-cased. */
export interface MetaTag {
  name: string;
  content: string;
  /** Named by its name attribute: Lighthouse reads only these (and only in the head). */
  byName: boolean;
  /** Where a browser puts it: after the head has ended (HTML parsing rules) it is in the body. */
  source: 'head' | 'body';
}

/** A <link> element or an HTTP Link header entry. */
export interface LinkTag {
  rel: string;
  /** As written, not resolved. */
  href: string;
  hreflang: string;
  source: 'head' | 'body' | 'headers';
}

/** A link target, resolved against the page URL once so that checks need not parse URLs. */
export interface LinkTarget {
  href: string;
  protocol: string;
  hostname: string;
}

export interface Anchor {
  /** The href attribute as written, or null without one. */
  rawHref: string | null;
  /** The resolved href; null without an href or when it is not a valid URL. */
  target: LinkTarget | null;
  text: string;
  rel: string;
  role: string;
  /** The legacy `name` attribute (`<a name="top">`). */
  name: string;
  id: string;
  attributeNames: string[];
  ariaCurrent: string;
  /** Language of the nearest ancestor with a lang attribute. */
  lang: string;
  /** Inside nav, header, footer or aside: site chrome rather than the page's own content. */
  inChrome: boolean;
}

export interface ImageTag {
  src: string;
  alt: string | null;
  role: string;
  ariaLabel: string;
  /** The text of the existing elements aria-labelledby names; empty when none has text. */
  ariaLabelledby: string;
  title: string;
  /** Not rendered (`hidden`, inline display:none, itself or an ancestor) or aria-hidden: axe does not judge it. */
  hidden: boolean;
}

/** A heading that asks a question, and the first paragraph that follows it before the next heading. */
export interface Section {
  level: number;
  heading: string;
  firstParagraph: string | null;
}

export interface Quote {
  kind: 'blockquote' | 'q';
  text: string;
  /** Has a cite attribute, a <cite> or a <footer> naming the source. */
  attributed: boolean;
}

/** What the checks read of a page: parsed once, plain data. */
export interface PageModel {
  url: string;
  status: number;
  headers: ResponseHeaders;
  /** The character set the body was decoded with. */
  charset: string;
  fetchMs: number;
  timeToFirstByteMs: number;
  /** Decoded body size. */
  bytes: number;
  redirectChain: string[];
  /** Epoch ms; checks that judge age compare against it, never against the clock. */
  analyzedAt: number;
  title: string | null;
  metaDescription: string | null;
  canonical: string | null;
  lang: string | null;
  metas: MetaTag[];
  links: LinkTag[];
  anchors: Anchor[];
  images: ImageTag[];
  headings: Heading[];
  /** Only the headings that ask a question: the others' paragraphs are not needed, and a page can have 170,000 headings. */
  questionSections: Section[];
  /** Raw text of each <script type="application/ld+json">. */
  jsonLd: string[];
  microdataTypes: string[];
  rdfaTypes: string[];
  structuredData: StructuredData;
  quotes: Quote[];
  /** datetime attributes (or text) of <time> elements. */
  times: string[];
  /** Text of elements marked as the author (itemprop=author, rel=author, class author/byline). */
  authorHints: string[];
  /** Visible text, whitespace as in the page (not collapsed). */
  text: string;
  wordCount: number;
}

/** A heading asks a question when it ends with a question mark (Latin, CJK full-width) or opens with ¿. */
export function isQuestion(heading: string): boolean {
  return QUESTION.test(heading);
}

const QUESTION = /[?？]\s*$|^\s*¿/;

/** The head meta tag with this name attribute, as Lighthouse's MetaElements reads it. */
export function headMetaNamed(page: Pick<PageModel, 'metas'>, name: string): MetaTag | undefined {
  return page.metas.find((meta) => meta.byName && meta.source === 'head' && meta.name === name);
}

export function metaContent(page: PageModel, name: string): string | null {
  return page.metas.find((meta) => meta.name === name)?.content ?? null;
}

export function headerValues(page: Pick<PageModel, 'headers'>, name: string): string[] {
  return page.headers[name] ?? [];
}
