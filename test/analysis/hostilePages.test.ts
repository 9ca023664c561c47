import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORTED_LIST_ITEMS, MAX_REPORTED_TEXT } from '../../src/analysis';
import { MAX_CAPTURED_TEXT, MAX_OPEN_CAPTURES } from '../../src/analysis/page/collector';
import { MAX_NESTING_DEPTH, parseHtml } from '../../src/analysis/page/parse';
import { MAX_JSON_LD_DEPTH } from '../../src/analysis/page/structuredData';
import { checkOf, page, startFixtureAnalyzer, type FixtureAnalyzer } from './analyzeFixture';

// Pages built to make analysis slow, huge or crash (issue 14, items 1, 2 and 7).
let fixtures: FixtureAnalyzer;

beforeAll(async () => {
  fixtures = await startFixtureAnalyzer({ maxBytes: 6 * 1024 * 1024 });
});

afterAll(async () => {
  await fixtures.close();
});

const PAGE_URL = 'https://example.com/';

describe('deep nesting', () => {
  it(`closes the innermost element before opening one deeper than ${MAX_NESTING_DEPTH}, as Blink does`, () => {
    const html =
      '<div>'.repeat(MAX_NESTING_DEPTH - 1) +
      '<div lang="fr">' +
      '<span>'.repeat(10) +
      '<a href="/deep">deep link</a>' +
      '</span>'.repeat(10) +
      '</div>'.repeat(MAX_NESTING_DEPTH) +
      '<p>after</p>';
    const facts = parseHtml(html, PAGE_URL);
    // The French <div> was the 512th open element: the first <span> closed it, so the link is not French.
    expect(facts.anchors).toMatchObject([{ text: 'deep link', lang: '', target: { href: 'https://example.com/deep' } }]);
    expect(facts.text.trim().split(/\s+/)).toEqual(['deep', 'link', 'after']);
  });

  it("analyses the issue's 4.8 MB page of nested <div>", async () => {
    const body = '<div>'.repeat(440_000) + '</div>'.repeat(440_000);
    const report = await fixtures.analyzePage({ body });
    expect(report.bytes).toBe(body.length);
    expect(report.headingCount).toBe(0);
  });

  it(`captures text for at most ${MAX_OPEN_CAPTURES} nested elements, ${MAX_CAPTURED_TEXT} characters each`, () => {
    const quotes = parseHtml('<q>x'.repeat(MAX_OPEN_CAPTURES + 8), PAGE_URL).quotes;
    expect(quotes).toHaveLength(MAX_OPEN_CAPTURES + 8);
    // Innermost first: the 8 quotes opened inside 32 others record no text; the outer ones do.
    expect(quotes.slice(0, 8).map((quote) => quote.text)).toEqual(Array(8).fill(''));
    expect(quotes.at(-1)!.text).toBe('x'.repeat(MAX_OPEN_CAPTURES + 8));

    const long = parseHtml(`<a href="/x">${'word '.repeat(5_000)}</a><title>${'t'.repeat(20_000)}</title>`, PAGE_URL);
    expect(long.anchors[0]!.text).toHaveLength(MAX_CAPTURED_TEXT - 1); // "word " cut, then trimmed
    expect(long.title).toHaveLength(20_000);
    expect(long.wordCount).toBe(5_000);

    // Inside SVG a <script> is an element, not raw text: JSON-LD captures could nest, and do not.
    const svg = parseHtml(`<svg>${'<script type="application/ld+json">x<b>y</b>'.repeat(5)}</svg>`, PAGE_URL);
    expect(svg.jsonLd).toEqual(['', '', '', '', 'xyxyxyxyxy']);
  });
});

describe('per-page lists', () => {
  it(`reports the first ${MAX_REPORTED_LIST_ITEMS} headings and types with true counts; the checks judge all of them`, async () => {
    const types = Array.from({ length: 300 }, (_, index) => `<span itemscope itemtype="https://schema.org/Type${index}"></span>`);
    const headings = Array.from({ length: 999 }, (_, index) => `<h2>Section ${index}</h2>`);
    const report = await fixtures.analyzePage({
      body: page({ body: `<h1>Main</h1>${headings.join('')}<h3>${'Long '.repeat(100)}</h3>${types.join('')}<h1>Second main</h1>` }),
    });
    expect(report.headings).toHaveLength(MAX_REPORTED_LIST_ITEMS);
    expect(report.headings.slice(0, 2)).toEqual([{ level: 1, text: 'Main' }, { level: 2, text: 'Section 0' }]);
    expect(report.headingCount).toBe(1_002);
    expect(report.structuredDataTypes).toHaveLength(MAX_REPORTED_LIST_ITEMS);
    expect(report.structuredDataTypes[0]).toBe('Type0');
    expect(report.structuredDataTypeCount).toBe(300);
    expect(checkOf(report, 'single-h1')).toEqual({ outcome: 'WARN', message: 'The page has 2 <h1> elements; one main heading is clearer.' });
    expect(checkOf(report, 'heading-order').message).toBe('The 1002 headings descend one level at a time.');
  });

  it(`cuts a reported heading at ${MAX_REPORTED_TEXT} characters`, async () => {
    const report = await fixtures.analyzePage({ body: page({ body: `<h1>${'Long '.repeat(100)}</h1>` }) });
    expect(report.headings[0]!.text).toHaveLength(MAX_REPORTED_TEXT);
    expect(report.headings[0]!.text.endsWith('…')).toBe(true);
  });
});

describe('deeply nested JSON-LD', () => {
  it(`is reported, not read, beyond ${MAX_JSON_LD_DEPTH} levels; the page is analysed`, async () => {
    const deep = `{"@context":"https://schema.org","@type":"Thing","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const report = await fixtures.analyzePage({
      body: page({
        head:
          `<script type="application/ld+json">${deep}</script>` +
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Acme"}</script>',
      }),
    });
    expect(checkOf(report, 'structured-data-valid')).toEqual({
      outcome: 'FAIL',
      message: `Structured data has 1 problem: JSON-LD block 1 nests objects and arrays deeper than ${MAX_JSON_LD_DEPTH} levels, so it was not read.`,
    });
    expect(report.structuredDataTypes).toEqual(['Organization']);
  });

  it(`still reads a block nested exactly ${MAX_JSON_LD_DEPTH} levels deep`, async () => {
    const nested = '{"@type":"Thing","x":'.repeat(MAX_JSON_LD_DEPTH - 1) + '{"@type":"Product"}' + '}'.repeat(MAX_JSON_LD_DEPTH - 1);
    const report = await fixtures.analyzePage({ body: page({ head: `<script type="application/ld+json">${nested}</script>` }) });
    expect(checkOf(report, 'structured-data-valid').outcome).toBe('PASS');
    expect(report.structuredDataTypes).toEqual(['Thing', 'Product']);
  });
});
