import { getEncoding } from 'encoding-sniffer';
import iconv from 'iconv-lite';
import type { LinkTag, PageModel } from './model';
import { parseHtml } from './parse';
import { readStructuredData } from './structuredData';

/**
 * Decodes an HTML body the way a browser would: a BOM wins, then the Content-Type charset,
 * then a <meta charset> in the first 1024 bytes, then windows-1252.
 */
export function decodeHtml(body: Uint8Array, contentType: string | undefined): { html: string; charset: string } {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const declared = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
  const charset = getEncoding(buffer, { transportLayerEncodingLabel: declared });
  return { html: iconv.decode(buffer, charset), charset };
}

/** What the fetch already knows about a page; parsing adds the rest. */
export type FetchFacts = Pick<
  PageModel,
  'url' | 'status' | 'headers' | 'charset' | 'fetchMs' | 'timeToFirstByteMs' | 'bytes' | 'redirectChain' | 'analyzedAt'
>;

export function buildPageModel(fetched: FetchFacts, html: string): PageModel {
  const parsed = parseHtml(html, fetched.url);
  return {
    ...fetched,
    ...parsed,
    links: [...parseLinkHeaders(fetched.headers.link ?? []), ...parsed.links],
    structuredData: readStructuredData(parsed.jsonLd, [...parsed.microdataTypes, ...parsed.rdfaTypes]),
  };
}

const ENTRY = /<([^>]*)>([^<]*)/g;
const PARAM = /;\s*([a-z*-]+)\s*=\s*(?:"([^"]*)"|([^;,\s]*))/gi;

/** Parses HTTP `Link` headers (RFC 8288) into the same shape as <link> elements. */
function parseLinkHeaders(values: readonly string[]): LinkTag[] {
  const links: LinkTag[] = [];
  for (const value of values) {
    for (const [, href = '', params = ''] of value.matchAll(ENTRY)) {
      const attributes: Record<string, string> = {};
      for (const [, name = '', quoted, bare] of params.matchAll(PARAM)) {
        attributes[name.toLowerCase()] = quoted ?? bare ?? '';
      }
      links.push({ rel: (attributes.rel ?? '').toLowerCase().trim(), href: href.trim(), hreflang: attributes.hreflang ?? '', source: 'headers' });
    }
  }
  return links;
}
