import fc from 'fast-check';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { MAX_REPORTED_LIST_ITEMS, MAX_REPORTED_TEXT } from '../../src/analysis';
import { CHECKS } from '../../src/analysis/checks/catalogue';
import { MAX_JSON_LD_DEPTH } from '../../src/analysis/page/structuredData';
import { analyzePage } from '../../src/analysis/worker/analyzePage';

// Hostile pages, generated (issue 14): deep nesting of any kind, long lists, JSON-LD nested at
// any depth, and bodies in several encodings, declared or sniffed, with invalid bytes. Analysis
// must finish, never throw, count every heading and type, and report at most the capped lists.

/** Elements to nest, with and without text captures (quotes, links, author hints, foreign content). */
const NESTABLE = ['div', 'span', 'q', 'a href="/x"', 'blockquote', 'b class="author"', 'time', 'li', 'table', 'svg', 'math', 'p', 'nav', 'section'];

/** How a body is encoded and how the page says so; each pairing is one a browser decodes right. */
const ENCODINGS = [
  { charset: 'utf-8', declared: 'header' },
  { charset: 'utf-8', declared: 'meta' },
  { charset: 'utf-8', declared: 'bom' },
  { charset: 'utf-8', declared: 'none' },
  { charset: 'utf-16le', declared: 'bom' },
  { charset: 'utf-16be', declared: 'bom' },
  { charset: 'utf-16le', declared: 'header' },
  { charset: 'windows-1252', declared: 'meta' },
  { charset: 'windows-1252', declared: 'none' },
  { charset: 'shift_jis', declared: 'header' },
  { charset: 'iso-8859-5', declared: 'meta' },
] as const;
const BOMS: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };
/** Stands for a byte a valid UTF-8 body never has; replaced after encoding. */
const INVALID_MARK = '\u0001';

const hostilePage = fc.record({
  nested: fc.constantFrom(...NESTABLE),
  depth: fc.integer({ min: 0, max: 3_000 }),
  closed: fc.integer({ min: 0, max: 3_000 }),
  textInNesting: fc.boolean(),
  headings: fc.integer({ min: 0, max: 600 }),
  types: fc.integer({ min: 0, max: 400 }),
  images: fc.integer({ min: 0, max: 300 }),
  jsonLdDepth: fc.integer({ min: 0, max: 2_000 }),
  encoding: fc.constantFrom(...ENCODINGS),
  invalidBytes: fc.boolean(),
});
type HostilePage = typeof hostilePage extends fc.Arbitrary<infer T> ? T : never;

function render(spec: HostilePage): string {
  const text = (index: number) => `Héading ${index}${spec.invalidBytes ? INVALID_MARK : ''} über`;
  const name = spec.nested.split(' ')[0]!;
  const jsonLd = `{"@context":"https://schema.org","@type":"Thing","x":${'['.repeat(spec.jsonLdDepth)}0${']'.repeat(spec.jsonLdDepth)}}`;
  return [
    '<!doctype html><html lang="en"><head>',
    spec.encoding.declared === 'meta' ? `<meta charset="${spec.encoding.charset}">` : '',
    `<title>Hostile page</title><script type="application/ld+json">${jsonLd}</script></head><body>`,
    ...Array.from({ length: spec.headings }, (_, index) => `<h${(index % 6) + 1}>${text(index)}</h${(index % 6) + 1}>`),
    ...Array.from({ length: spec.types }, (_, index) => `<span itemscope itemtype="https://schema.org/Type${index}"></span>`),
    ...Array.from({ length: spec.images }, (_, index) => `<img src="/i${index}.png">`),
    `<${spec.nested}>${spec.textInNesting ? text(0) : ''}`.repeat(spec.depth),
    `</${name}>`.repeat(spec.closed),
    '</body></html>',
  ].join('');
}

function encode(html: string, { charset, declared }: HostilePage['encoding'], invalidBytes: boolean): Uint8Array {
  let bytes: Buffer;
  if (charset === 'utf-16be') bytes = Buffer.from(html, 'utf16le').swap16();
  else bytes = iconv.encode(html, charset);
  // Only UTF-8 can have bytes that are not a character; the other encodings keep the control character.
  if (invalidBytes && charset === 'utf-8') bytes = Buffer.from(bytes.map((byte) => (byte === 1 ? 0xff : byte)));
  return declared === 'bom' ? Buffer.concat([Buffer.from(BOMS[charset]!), bytes]) : bytes;
}

it('analyses any hostile page without throwing, with true counts and capped lists', () => {
  fc.assert(
    fc.property(hostilePage, (spec) => {
      const contentType = spec.encoding.declared === 'header' ? `text/html; charset=${spec.encoding.charset}` : 'text/html';
      const report = analyzePage({
        fetched: {
          finalUrl: 'https://example.com/hostile', status: 200, headers: { 'content-type': [contentType] },
          body: encode(render(spec), spec.encoding, spec.invalidBytes), fetchMs: 1, timeToFirstByteMs: 1, redirectChain: [],
        },
        originFiles: { origin: 'https://example.com', robotsTxt: null, llmsTxt: null, sitemap: null },
        analyzedAt: Date.parse('2026-06-01T00:00:00Z'),
      });
      const jsonLdRead = spec.jsonLdDepth + 1 <= MAX_JSON_LD_DEPTH;
      expect(report.title).toBe('Hostile page');
      expect(report.headingCount).toBe(spec.headings);
      expect(report.headings).toHaveLength(Math.min(spec.headings, MAX_REPORTED_LIST_ITEMS));
      for (const heading of report.headings) expect(heading.text.length).toBeLessThanOrEqual(MAX_REPORTED_TEXT);
      expect(report.structuredDataTypeCount).toBe(spec.types + (jsonLdRead ? 1 : 0));
      expect(report.structuredDataTypes).toHaveLength(Math.min(report.structuredDataTypeCount, MAX_REPORTED_LIST_ITEMS));
      expect(report.checks.map((check) => check.id)).toEqual(CHECKS.map((check) => check.id));
      const structuredData = report.checks.find((check) => check.id === 'structured-data-valid')!;
      expect(structuredData.outcome).toBe(jsonLdRead ? 'PASS' : 'FAIL');
      const imageAlt = report.checks.find((check) => check.id === 'image-alt')!;
      if (spec.images > 0) expect(imageAlt.message).toContain(`${spec.images} of ${spec.images} image`);
      // Everything stored stays small, whatever the page: 200 short headings, 200 types, 36 messages.
      expect(JSON.stringify(report).length).toBeLessThan(150_000);
    }),
    { numRuns: 60 },
  );
});
