import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CAPTURED_TEXT, MAX_OPEN_CAPTURES } from '../../src/analysis/page/collector';
import { MAX_NESTING_DEPTH, parseHtml } from '../../src/analysis/page/parse';
import { startFixtureAnalyzer, type FixtureAnalyzer } from './analyzeFixture';

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
    expect(report.headings).toEqual([]);
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
  });
});
