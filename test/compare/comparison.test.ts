import { describe, expect, it } from 'vitest';
import { compareTargets } from '../../src/comparison';
import { analysed, failed, scores } from './fixtures';

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
      { rank: 1, targetId: 'r2', overallScore: 70, seoScore: 70, aeoScore: 70, technicalScore: 70 },
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
