import { parseLinkHeaders } from './linkHeader';
import type { PageModel } from './model';
import { parseHtml } from './parse';
import { readStructuredData } from './structuredData';

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
