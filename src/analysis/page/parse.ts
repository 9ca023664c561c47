import { Parser } from 'htmlparser2';
import { PageCollector, type ParsedFacts } from './collector';
import { ELEMENT_OPENERS } from './elementOpeners';

export type { ParsedFacts } from './collector';

/**
 * Most elements open at once, as in Blink's and WebKit's HTML parsers. htmlparser2 keeps its
 * open-element stack innermost first (unshift/shift, indexOf on every end tag), so every tag
 * costs the depth: without a bound, 4 MB of nested <div> took 90 s.
 */
export const MAX_NESTING_DEPTH = 512;

/** The parts of htmlparser2's Parser (12.x) the cap needs; private there, so checked at load. */
interface ParserInternals {
  stack: string[];
  popElement(implied: boolean): void;
  readTagName(start: number, endIndex: number): string;
}
for (const method of ['popElement', 'readTagName'] as const) {
  if (typeof (Parser.prototype as unknown as ParserInternals)[method] !== 'function') {
    throw new Error(`htmlparser2's Parser has no ${method}: the nesting cap in parse.ts needs updating.`);
  }
}

/**
 * A start tag beyond MAX_NESTING_DEPTH first closes the innermost open element, so the new
 * element becomes its sibling: every element and all text still reach the collector, and every
 * walk over the stack (the parser's and the collector's) is bounded, so parsing is linear.
 */
export class DepthCappedParser extends Parser {
  override onopentagname(start: number, endIndex: number): void {
    const internals = this as unknown as ParserInternals;
    if (internals.stack.length >= MAX_NESTING_DEPTH && !this.isVoidElement(internals.readTagName(start, endIndex))) {
      internals.popElement(true);
    }
    super.onopentagname(start, endIndex);
  }
}

/** One streaming pass over the HTML: no DOM is built, so a 5 MB page stays cheap. */
export function parseHtml(html: string, pageUrl: string): ParsedFacts {
  const collector = new PageCollector(pageUrl, ELEMENT_OPENERS);
  new DepthCappedParser(collector, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true }).end(html);
  return collector.finish();
}
