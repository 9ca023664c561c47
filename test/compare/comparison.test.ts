import { describe, expect, it } from 'vitest';
import { compareTargets } from '../../src/comparison';
import { analysed, failed, notIndexable, scores } from './fixtures';

describe('compareTargets', () => {
  it('gives equal overall scores one rank, keeps them in submission order and skips the next rank', () => {
    const comparison = compareTargets([
      analysed('c', scores(70), {}),
      analysed('a', scores(90), {}),
      analysed('d', scores(60), {}),
      analysed('b', scores(70), {}),
      analysed('e', scores(90), {}),
    ]);
    expect(comparison.ranking.map(({ rank, targetId }) => [rank, targetId])).toEqual([
      [1, 'a'],
      [1, 'e'],
      [3, 'c'],
      [3, 'b'],
      [5, 'd'],
    ]);
  });

  it('carries every category score into the ranking and names all leaders of each category', () => {
    const comparison = compareTargets([
      analysed('x', scores(80, 95, 60, 70), {}),
      analysed('y', scores(75, 95, 88, 40), {}),
    ]);
    expect(comparison.ranking[1]).toEqual({
      rank: 2,
      targetId: 'y',
      indexable: true,
      excludedReason: null,
      overallScore: 75,
      seoScore: 95,
      aeoScore: 88,
      technicalScore: 40,
    });
    expect(comparison.leaders).toEqual([
      { category: 'OVERALL', score: 80, targetIds: ['x'] },
      { category: 'SEO', score: 95, targetIds: ['x', 'y'] },
      { category: 'AEO', score: 88, targetIds: ['y'] },
      { category: 'TECHNICAL', score: 70, targetIds: ['x'] },
    ]);
  });

  it('lists passes, warnings and failures per check and leaves NOT_APPLICABLE out of all three', () => {
    const comparison = compareTargets([
      analysed('a', scores(50), { https: 'PASS', 'llms-txt': 'NOT_APPLICABLE', 'faq-schema': 'WARN' }),
      analysed('b', scores(40), { https: 'FAIL', 'llms-txt': 'PASS', 'faq-schema': 'WARN' }),
      analysed('c', scores(30), { https: 'PASS', 'llms-txt': 'NOT_APPLICABLE' }),
    ]);
    expect(comparison.checks).toEqual([
      { checkId: 'https', category: 'TECHNICAL', weight: 3, passedBy: ['a', 'c'], warnedBy: [], failedBy: ['b'] },
      { checkId: 'llms-txt', category: 'AEO', weight: 2, passedBy: ['b'], warnedBy: [], failedBy: [] },
      { checkId: 'faq-schema', category: 'AEO', weight: 1, passedBy: [], warnedBy: ['a', 'b'], failedBy: [] },
    ]);
  });

  it('finds no gaps for a subject that passes everything its competitors pass', () => {
    const comparison = compareTargets([
      analysed('rival', scores(60), { https: 'PASS', 'llms-txt': 'FAIL', 'document-title': 'WARN' }),
      analysed('mine', scores(100), { https: 'PASS', 'llms-txt': 'PASS', 'document-title': 'PASS' }, true),
    ]);
    expect(comparison.gaps).toEqual([]);
    expect(comparison.subject).toEqual({ targetId: 'mine', rank: 1, analysedCompetitors: 1 });
    expect(comparison.leaders.every((leader) => leader.targetIds.join() === 'mine')).toBe(true);
  });

  it('orders the gaps by the points of overall score passing each would gain, equal gains by check id', () => {
    const comparison = compareTargets([
      analysed(
        'mine',
        scores(20),
        { 'document-title': 'FAIL', 'meta-description': 'FAIL', 'llms-txt': 'WARN', 'faq-schema': 'FAIL', https: 'PASS' },
        true,
      ),
      analysed('r1', scores(80), { 'document-title': 'PASS', 'meta-description': 'PASS', 'llms-txt': 'PASS', 'faq-schema': 'PASS', https: 'PASS' }),
      analysed('r2', scores(70), { 'document-title': 'FAIL', 'meta-description': 'PASS', 'llms-txt': 'PASS', 'faq-schema': 'PASS' }),
      analysed('r3', scores(60), { 'document-title': 'WARN', 'meta-description': 'PASS', 'llms-txt': 'FAIL', 'faq-schema': 'NOT_APPLICABLE' }),
    ]);
    // Unrounded: SEO 0 of 5 = 0, AEO 1 (half of llms-txt's 2) of 3 = 33.33, TECHNICAL 100; overall
    // 0.4 × 0 + 0.4 × 33.33 + 0.2 × 100 = 33.33. Passing document-title: SEO 3/5 = 60, +0.4 × 60 = 24;
    // meta-description: SEO 2/5 = 40, +16; llms-txt: AEO 2/3, +0.4 × 33.33 = 13.3; faq-schema: AEO
    // 2/3 as well, 13.3. By weight × competitors (priority) meta-description (6) would come first.
    expect(comparison.gaps.map(({ checkId, estimatedGain, priority }) => [checkId, estimatedGain, priority])).toEqual([
      ['document-title', 24, 3],
      ['meta-description', 16, 6],
      ['faq-schema', 13.3, 2],
      ['llms-txt', 13.3, 4],
    ]);
    expect(comparison.gaps[3]).toEqual({
      checkId: 'llms-txt',
      category: 'AEO',
      weight: 2,
      subjectOutcome: 'WARN',
      message: 'llms-txt is warn on this page',
      competitors: ['r1', 'r2'],
      priority: 4,
      estimatedGain: 13.3,
      pagesAffected: 1,
    });
    expect(comparison.subject).toEqual({ targetId: 'mine', rank: 4, analysedCompetitors: 3 });
  });

  it('weighs the gains of a subject without applicable TECHNICAL checks over SEO and AEO alone', () => {
    const comparison = compareTargets([
      analysed('mine', scores(33), { 'meta-description': 'WARN', 'image-alt': 'PASS', 'llms-txt': 'FAIL', compression: 'NOT_APPLICABLE' }, true),
      analysed('r1', scores(90), { 'meta-description': 'PASS', 'image-alt': 'PASS', 'llms-txt': 'PASS', compression: 'PASS' }),
    ]);
    // SEO (1 + 1) of 3 = 66.67, AEO 0; TECHNICAL left out, so overall (0.4 × 66.67 + 0.4 × 0) / 0.8 = 33.33.
    // Passing llms-txt: AEO 100, overall 83.33, +50; meta-description: SEO 100, overall 50, +16.7.
    expect(comparison.gaps.map(({ checkId, estimatedGain }) => [checkId, estimatedGain])).toEqual([
      ['llms-txt', 50],
      ['meta-description', 16.7],
    ]);
  });

  it('without a subject has no gaps and no standing, but still ranks and compares the field', () => {
    const comparison = compareTargets([
      analysed('a', scores(50), { https: 'FAIL' }),
      analysed('b', scores(60), { https: 'PASS' }),
    ]);
    expect(comparison.subject).toBeNull();
    expect(comparison.gaps).toEqual([]);
    expect(comparison.ranking.map((entry) => entry.targetId)).toEqual(['b', 'a']);
    expect(comparison.checks).toHaveLength(1);
  });

  it('lists failed targets as not analysed, keeps the one analysed target, and gives a failed subject no rank', () => {
    const comparison = compareTargets([
      failed('mine', 'The server did not answer within 10 s.', true),
      failed('r1', 'robots.txt forbids this page.'),
      analysed('r2', scores(70), { https: 'PASS' }),
      { targetId: 'r3', url: 'https://r3.test/', isSubject: false, report: null, error: null },
    ]);
    expect(comparison.notAnalysed).toEqual([
      { targetId: 'mine', error: 'The server did not answer within 10 s.' },
      { targetId: 'r1', error: 'robots.txt forbids this page.' },
      { targetId: 'r3', error: 'not analysed (no error was recorded)' },
    ]);
    expect(comparison.ranking).toEqual([
      {
        rank: 1,
        targetId: 'r2',
        indexable: true,
        excludedReason: null,
        overallScore: 70,
        seoScore: 70,
        aeoScore: 70,
        technicalScore: 70,
      },
    ]);
    expect(comparison.subject).toEqual({ targetId: 'mine', rank: null, analysedCompetitors: 1 });
    expect(comparison.gaps).toEqual([]);
  });

  it('is plain JSON: it survives a JSON round trip unchanged', () => {
    const comparison = compareTargets([
      analysed('mine', scores(10), { https: 'FAIL' }, true),
      analysed('r1', scores(90), { https: 'PASS' }),
      failed('r2', 'Not HTML.'),
    ]);
    expect(JSON.parse(JSON.stringify(comparison))).toStrictEqual(comparison);
  });

  it('gives nothing to rank or lead when every target failed', () => {
    const comparison = compareTargets([failed('a', 'boom'), failed('b', 'bang')]);
    expect(comparison.ranking).toEqual([]);
    expect(comparison.leaders).toEqual([]);
    expect(comparison.notAnalysed.map((entry) => entry.targetId)).toEqual(['a', 'b']);
  });
});

describe('compareTargets with pages search engines do not index', () => {
  const PDF_ERROR = 'https://pdf.test/report.pdf is not an HTML page (Content-Type: application/pdf).';
  // Submission order: subject 60, noindex 95, a 404 page 60, an indexable rival 70, a PDF (not analysed).
  const field = () =>
    compareTargets([
      analysed('mine', scores(60), { 'document-title': 'FAIL', 'meta-description': 'FAIL', https: 'PASS' }, true),
      notIndexable('noindex', scores(95), { 'document-title': 'PASS', 'meta-description': 'PASS', https: 'PASS' }, {
        excludedReason: 'Marked noindex by a robots meta tag',
      }),
      notIndexable('gone', scores(60, 90, 40, 50), { 'document-title': 'PASS', 'meta-description': 'FAIL', https: 'PASS' }, {
        excludedReason: 'Answers 404',
        httpStatus: 404,
      }),
      analysed('real', scores(70), { 'document-title': 'FAIL', 'meta-description': 'PASS', https: 'FAIL' }),
      failed('pdf', PDF_ERROR),
    ]);

  it('ranks every indexable target above every one that is not, whatever the scores, with no tie across the line', () => {
    // real 70 > mine 60; then noindex 95 > gone 60. gone ties mine's 60 but not its rank.
    const ranking = field().ranking.map((entry) => [entry.rank, entry.targetId, entry.indexable, entry.excludedReason, entry.overallScore]);
    expect(ranking).toEqual([
      [1, 'real', true, null, 70],
      [2, 'mine', true, null, 60],
      [3, 'noindex', false, 'Marked noindex by a robots meta tag', 95],
      [4, 'gone', false, 'Answers 404', 60],
    ]);
  });

  it('ties non-indexable targets among themselves by score', () => {
    const comparison = compareTargets([
      notIndexable('a', scores(80), {}, { excludedReason: 'Answers 500', httpStatus: 500 }),
      analysed('b', scores(10), {}),
      notIndexable('c', scores(80), {}, { excludedReason: 'Canonical points to https://b.test/' }),
    ]);
    expect(comparison.ranking.map(({ rank, targetId }) => [rank, targetId])).toEqual([
      [1, 'b'],
      [2, 'a'],
      [2, 'c'],
    ]);
  });

  it('leaves the PDF out of the ranking, listed as not analysed with why', () => {
    const comparison = field();
    expect(comparison.notAnalysed).toEqual([{ targetId: 'pdf', error: PDF_ERROR }]);
    expect(comparison.subject).toEqual({ targetId: 'mine', rank: 2, analysedCompetitors: 3 });
  });

  it('names only indexable targets as leaders, even where a non-indexable one scores higher', () => {
    // SEO: gone 90 is ignored; real 70 leads. AEO/TECHNICAL: noindex 95 ignored.
    expect(field().leaders).toEqual([
      { category: 'OVERALL', score: 70, targetIds: ['real'] },
      { category: 'SEO', score: 70, targetIds: ['real'] },
      { category: 'AEO', score: 70, targetIds: ['real'] },
      { category: 'TECHNICAL', score: 70, targetIds: ['real'] },
    ]);
  });

  it('counts only indexable competitors as passing a gap, and drops a gap only non-indexable ones pass', () => {
    const comparison = field();
    // document-title: passed by noindex and gone only, so no gap. meta-description: real (and noindex) pass.
    expect(comparison.gaps).toEqual([
      {
        checkId: 'meta-description',
        category: 'SEO',
        weight: 2,
        subjectOutcome: 'FAIL',
        message: 'meta-description is fail on this page',
        competitors: ['real'],
        priority: 2,
        estimatedGain: expect.any(Number),
        pagesAffected: 1,
      },
    ]);
    // The check matrix still shows what each analysed page does.
    expect(comparison.checks.find((row) => row.checkId === 'document-title')).toMatchObject({
      passedBy: ['noindex', 'gone'],
      failedBy: ['mine', 'real'],
    });
  });

  it('has no leaders when nothing analysed is indexable, but still ranks', () => {
    const comparison = compareTargets([
      notIndexable('a', scores(40), {}, { excludedReason: 'Answers 404', httpStatus: 404 }),
      notIndexable('b', scores(50), {}, { excludedReason: 'Blocked by robots.txt' }),
    ]);
    expect(comparison.leaders).toEqual([]);
    expect(comparison.ranking.map(({ rank, targetId }) => [rank, targetId])).toEqual([
      [1, 'b'],
      [2, 'a'],
    ]);
  });
});
