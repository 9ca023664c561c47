import { Parser } from 'htmlparser2';
import { PageCollector, type ParsedFacts } from './collector';
import { ELEMENT_OPENERS } from './elementOpeners';

export type { ParsedFacts } from './collector';

/** One streaming pass over the HTML: no DOM is built, so a 5 MB page stays cheap. */
export function parseHtml(html: string, pageUrl: string): ParsedFacts {
  const collector = new PageCollector(pageUrl, ELEMENT_OPENERS);
  new Parser(collector, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true }).end(html);
  return collector.finish();
}
