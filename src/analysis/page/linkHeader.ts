import type { LinkTag } from './model';

const ENTRY = /<([^>]*)>([^<]*)/g;
const PARAM = /;\s*([a-z*-]+)\s*=\s*(?:"([^"]*)"|([^;,\s]*))/gi;

/** Parses HTTP `Link` headers (RFC 8288) into the same shape as <link> elements. */
export function parseLinkHeaders(values: readonly string[]): LinkTag[] {
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
