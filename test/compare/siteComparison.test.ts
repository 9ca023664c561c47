import { describe, expect, it } from 'vitest';
import { compareTargets, passRatesOf, siteOutcome, writeRuleInsights, type ComparedTarget, type Insight } from '../../src/comparison';
import { analysed, scores } from './fixtures';
import { crawled, type PageCounts } from './siteFixtures';

const IDS = ['document-title', 'image-alt', 'citations', 'llms-txt', 'compression', 'faq-schema'];

/** Page counts per check, in the order of IDS; a site without the check has none. */
function counts(...perCheck: (PageCounts | undefined)[]): Record<string, PageCounts> {
  return Object.fromEntries(IDS.flatMap((id, index) => (perCheck[index] ? [[id, perCheck[index]]] : [])));
}

/** A subject site of 25 pages behind on some checks, and three competitor sites of other sizes. */
function field(): ComparedTarget[] {
  return [
    crawled('mine', scores(50), counts([25, 0, 0], [18, 0, 7], [5, 0, 20], [0, 0, 1], [10, 5, 10], [25, 0, 0]), {
      isSubject: true,
      // The entry page passes what most of the site fails: the site's counts decide, not the entry page.
      entryScores: scores(99),
      entryOutcomes: { 'document-title': 'PASS', 'image-alt': 'PASS', citations: 'PASS', 'llms-txt': 'FAIL', compression: 'PASS', 'faq-schema': 'PASS' },
      gains: { 'image-alt': 2.5, citations: 8, 'llms-txt': 6, compression: 1.2 },
    }),
    crawled('rival-one', scores(70), counts([12, 0, 0], [12, 0, 0], [12, 0, 0], [1, 0, 0], [12, 0, 0], [6, 6, 0])),
    crawled('rival-two', scores(60), counts([10, 0, 0], [9, 0, 1], [2, 0, 8], [1, 0, 0], [0, 10, 0], [4, 0, 6])),
    crawled('rival-three', scores(55, 60, 50, 55), counts([3, 0, 0], [3, 0, 0], [0, 3, 0], [0, 0, 0], [3, 0, 0])),
  ];
}

function titled(insights: readonly Insight[], fragment: string): Insight {
  const found = insights.filter((insight) => insight.title.includes(fragment));
  expect(found, `one insight titled "…${fragment}…"`).toHaveLength(1);
  return found[0] as Insight;
}

describe('a site outcome from its page counts', () => {
  const outcome = (passingPages: number, warningPages: number, failingPages: number) =>
    siteOutcome({ checkId: 'x', category: 'SEO', weight: 1, applicablePages: passingPages + warningPages + failingPages, passingPages, warningPages, failingPages });

  it('passes only on every page, fails when more pages fail than pass, and warns when mixed', () => {
    expect(outcome(25, 0, 0)).toBe('PASS');
    expect(outcome(24, 1, 0)).toBe('WARN');
    expect(outcome(18, 0, 7)).toBe('WARN');
    expect(outcome(10, 5, 10)).toBe('WARN');
    expect(outcome(0, 10, 0)).toBe('WARN');
    expect(outcome(5, 0, 20)).toBe('FAIL');
    expect(outcome(0, 5, 1)).toBe('FAIL');
    expect(outcome(0, 0, 1)).toBe('FAIL');
    expect(outcome(0, 0, 0)).toBe('NOT_APPLICABLE');
  });
});

describe('comparing sites', () => {
  it('ranks and leads by the site scores, not the entry page', () => {
    const comparison = compareTargets(field());
    expect(comparison.ranking.map(({ rank, targetId, overallScore }) => [rank, targetId, overallScore])).toEqual([
      [1, 'rival-one', 70],
      [2, 'rival-two', 60],
      [3, 'rival-three', 55],
      [4, 'mine', 50],
    ]);
    expect(comparison.leaders.find((leader) => leader.category === 'SEO')).toEqual({ category: 'SEO', score: 70, targetIds: ['rival-one'] });
    expect(comparison.subject).toEqual({ targetId: 'mine', rank: 4, analysedCompetitors: 3 });
  });

  it('ranks a site whose entry page answers 404 or is noindex below an indexable site with a lower score', () => {
    const comparison = compareTargets([
      crawled('gone', scores(95), { 'document-title': [30, 0, 0] }, { excludedReason: 'Answers 404' }),
      crawled('hidden', scores(90), { 'document-title': [30, 0, 0] }, { excludedReason: 'Marked noindex by a robots meta tag' }),
      crawled('plain', scores(40), { 'document-title': [1, 0, 2] }),
    ]);
    expect(comparison.ranking.map(({ rank, targetId, indexable, excludedReason }) => [rank, targetId, indexable, excludedReason])).toEqual([
      [1, 'plain', true, null],
      [2, 'gone', false, 'Answers 404'],
      [3, 'hidden', false, 'Marked noindex by a robots meta tag'],
    ]);
    // Only the indexable site leads, and a non-indexable site passing a check is no competitor to follow.
    expect(comparison.leaders.every((leader) => leader.targetIds.join() === 'plain')).toBe(true);
  });

  it('puts each site in one list per check by its page counts, with every site’s pass rate', () => {
    const rows = compareTargets(field()).checks;
    const row = (checkId: string) => rows.find((candidate) => candidate.checkId === checkId)!;
    expect(row('image-alt')).toEqual({
      checkId: 'image-alt',
      category: 'SEO',
      weight: 1,
      passedBy: ['rival-one', 'rival-three'],
      warnedBy: ['mine', 'rival-two'],
      failedBy: [],
      passRates: [
        { targetId: 'mine', rate: 18 / 25 },
        { targetId: 'rival-one', rate: 1 },
        { targetId: 'rival-two', rate: 0.9 },
        { targetId: 'rival-three', rate: 1 },
      ],
    });
    expect(row('citations')).toMatchObject({ passedBy: ['rival-one'], warnedBy: ['rival-three'], failedBy: ['mine', 'rival-two'] });
    // llms.txt does not apply to rival-three: in no list and without a rate.
    expect(row('llms-txt')).toMatchObject({ passedBy: ['rival-one', 'rival-two'], warnedBy: [], failedBy: ['mine'] });
    expect(passRatesOf(row('llms-txt')).map((rate) => rate.targetId)).toEqual(['mine', 'rival-one', 'rival-two']);
  });

  it('finds the subject site’s gaps with its affected pages and its issues’ gains, most points first', () => {
    const { gaps } = compareTargets(field());
    expect(gaps.map(({ checkId, subjectOutcome, pagesAffected, estimatedGain, competitors }) => ({ checkId, subjectOutcome, pagesAffected, estimatedGain, competitors }))).toEqual([
      { checkId: 'citations', subjectOutcome: 'FAIL', pagesAffected: 20, estimatedGain: 8, competitors: ['rival-one'] },
      { checkId: 'llms-txt', subjectOutcome: 'FAIL', pagesAffected: 1, estimatedGain: 6, competitors: ['rival-one', 'rival-two'] },
      { checkId: 'image-alt', subjectOutcome: 'WARN', pagesAffected: 7, estimatedGain: 2.5, competitors: ['rival-one', 'rival-three'] },
      { checkId: 'compression', subjectOutcome: 'WARN', pagesAffected: 15, estimatedGain: 1.2, competitors: ['rival-one', 'rival-three'] },
    ]);
    // The finding is the site's, in page counts; an origin-level check's is the entry page's (the site's one file).
    expect(gaps.map((gap) => gap.message)).toEqual([
      'Fails on 20 of 25 pages.',
      'llms-txt is fail on this page',
      'Fails on 7 of 25 pages.',
      'Fails on 10 and warns on 5 of 25 pages.',
    ]);
  });

  it('keeps a batch that does not crawl a comparison of pages, without pass rates stored', () => {
    const comparison = compareTargets([
      analysed('a', scores(50), { https: 'PASS', 'faq-schema': 'WARN' }, true),
      analysed('b', scores(40), { https: 'FAIL', 'faq-schema': 'PASS' }),
    ]);
    for (const row of comparison.checks) expect(row).not.toHaveProperty('passRates');
    expect(passRatesOf(comparison.checks[0]!)).toEqual([
      { targetId: 'a', rate: 1 },
      { targetId: 'b', rate: 0 },
    ]);
    expect(comparison.gaps.map(({ checkId, pagesAffected }) => [checkId, pagesAffected])).toEqual([['faq-schema', 1]]);
  });
});

describe('insights about sites', () => {
  const targets = field();
  const insights = writeRuleInsights({ comparison: compareTargets(targets), targets });

  it('say how many of the subject’s pages the first gap affects and count competitor sites that pass on every page', () => {
    expect(titled(insights, 'first')).toEqual({
      severity: 'OPPORTUNITY',
      title: 'Fix citations first',
      body:
        'It affects 20 of your 25 pages and is worth +8 points of overall score, the most of your 4 gaps; ' +
        '1 of 3 competitor sites already passes it on every page: rival-one.test.',
      source: 'rules',
    });
  });

  it('name a strength with the share of pages passing on each site behind', () => {
    expect(titled(insights, 'You pass')).toMatchObject({
      title: 'You pass FAQ schema on every page; 2 of 3 competitor sites do not',
      body: 'mine.test: “Passes on all 25 pages”. Pages passing it elsewhere: rival-one.test 50 % and rival-two.test 40 %.',
    });
  });

  it('count sites, not pages, that miss a check', () => {
    expect(titled(insights, 'miss citations')).toMatchObject({
      title: '3 of 4 analysed sites miss citations',
      body: 'mine.test is one of them. Only rival-one.test passes it on every page; whoever fixes it first stands out.',
    });
  });

  it('say it is the entry page search engines will not index', () => {
    const excluded = targets.map((target) =>
      target.targetId === 'mine' || target.targetId === 'rival-two'
        ? { ...target, report: { ...target.report!, indexable: false, excludedReason: target.targetId === 'mine' ? 'Answers 404' : 'Marked noindex by a robots meta tag' } }
        : target,
    );
    const written = writeRuleInsights({ comparison: compareTargets(excluded), targets: excluded });
    expect(written[0]).toEqual({
      severity: 'CRITICAL',
      title: "Search engines will not index your site's entry page",
      body: 'mine.test, entry page: Answers 404. The site ranks 4 of 4, below every indexable site whatever its score (50 overall); fix this first.',
      source: 'rules',
    });
    expect(titled(written, 'not indexable').body).toContain('rival-two.test (entry page: Marked noindex by a robots meta tag)');
  });
});
