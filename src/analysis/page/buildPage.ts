import { parseLinkHeaders } from './linkHeader';
import type { PageModel } from './model';
import { parseHtml, type FetchFacts } from './parse';
import { readStructuredData } from './structuredData';

export function buildPageModel(fetched: FetchFacts, html: string): PageModel {
  const parsed = parseHtml(html, fetched.url);
  return {
    ...fetched,
    ...parsed,
    links: [...parseLinkHeaders(fetched.headers.link ?? []), ...parsed.links],
    structuredData: readStructuredData(parsed.jsonLd, [...parsed.microdataTypes, ...parsed.rdfaTypes]),
  };
}
