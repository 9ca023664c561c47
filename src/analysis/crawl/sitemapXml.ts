import type { Handler } from 'htmlparser2';
import { DepthCappedParser } from '../page/parse';

/** A `<urlset>` lists pages, a `<sitemapindex>` lists sitemaps; a text sitemap lists pages one URL a line. */
export type SitemapKind = 'urlset' | 'sitemapindex' | 'text';

/** Longer than any URL a sitemap may hold (2,048 characters by the protocol); a longer text is cut. */
const MAX_LOC_LENGTH = 4096;
/** The text is parsed in slices, so that reading stops soon after the caller has enough. */
const SLICE_LENGTH = 64 * 1024;

/**
 * Calls `onLoc` with the text of each `<loc>` of a `<url>` or `<sitemap>` entry, in document
 * order, until it returns false. Lenient as search engines are: namespace prefixes and element
 * case are ignored, text sitemaps are read, and a broken document yields the entries before the
 * break. Returns the kind, or null when the text is no sitemap.
 */
export function readSitemap(text: string, onLoc: (loc: string, kind: SitemapKind) => boolean): SitemapKind | null {
  if (!/^\s*</.test(text)) return readTextSitemap(text, onLoc);
  const reader = new LocReader(onLoc);
  const parser = new DepthCappedParser(reader, { xmlMode: true, decodeEntities: true });
  for (let start = 0; start < text.length && reader.wantsMore; start += SLICE_LENGTH) {
    parser.write(text.slice(start, start + SLICE_LENGTH));
  }
  return reader.kind;
}

function readTextSitemap(text: string, onLoc: (loc: string, kind: SitemapKind) => boolean): SitemapKind | null {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (!lines.some((line) => /^https?:\/\//i.test(line))) return null;
  for (const line of lines) {
    if (/^https?:\/\//i.test(line) && !onLoc(line, 'text')) break;
  }
  return 'text';
}

const ENTRY_OF: Record<string, string> = { urlset: 'url', sitemapindex: 'sitemap' };

class LocReader implements Partial<Handler> {
  kind: 'urlset' | 'sitemapindex' | null = null;
  wantsMore = true;
  /** Local names of the open elements; DepthCappedParser bounds their number. */
  private readonly open: string[] = [];
  private loc: string | null = null;

  constructor(private readonly onLoc: (loc: string, kind: SitemapKind) => boolean) {}

  onopentag(name: string): void {
    const local = localName(name);
    if (this.open.length === 0 && (local === 'urlset' || local === 'sitemapindex')) this.kind = local;
    // <loc> counts only as the child of an entry of the root: <image:loc> and nested extensions do not.
    if (this.kind && local === 'loc' && this.open.length === 2 && this.open[1] === ENTRY_OF[this.kind]) this.loc = '';
    this.open.push(local);
  }

  ontext(data: string): void {
    if (this.loc !== null && this.loc.length < MAX_LOC_LENGTH) this.loc += data;
  }

  onclosetag(): void {
    this.open.pop();
    if (this.loc === null || this.open.length !== 2) return;
    const loc = this.loc.trim();
    this.loc = null;
    if (loc && this.wantsMore && this.kind) this.wantsMore = this.onLoc(loc, this.kind);
  }
}

/** `sm:loc` and `LOC` are `loc`. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}
