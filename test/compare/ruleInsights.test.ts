import { describe, expect, it } from 'vitest';
import { ruleInsights, writeRuleInsights, type Insight } from '../../src/comparison';
import { scores } from './fixtures';
import { allButOneFailed, fieldOnly, subjectBehind, subjectFailed, subjectLeads, withExcluded } from './insightCases';

function titled(insights: readonly Insight[], fragment: string): Insight {
  const found = insights.filter((insight) => insight.title.includes(fragment));
  expect(found, `one insight titled "…${fragment}…"`).toHaveLength(1);
  return found[0] as Insight;
}

describe('rule insights', () => {
  it('give every gap its numbers: passing competitors out of the analysed competitors, and the findings', () => {
    const input = subjectBehind();
    const { comparison } = input;
    const insights = writeRuleInsights(input);
    const competitors = comparison.subject?.analysedCompetitors;
    expect(competitors).toBe(3);
    expect(comparison.gaps.map((gap) => gap.checkId)).toEqual([
      'document-title',
      'llms-txt',
      'meta-description',
      'citations',
      'image-alt',
      'faq-schema',
    ]);

    for (const gap of comparison.gaps.slice(0, 5)) {
      const cited = titled(insights, ` pass${gap.competitors.length === 1 ? 'es' : ''} ${gap.checkId}; you`);
      expect(cited.title).toMatch(new RegExp(`^${gap.competitors.length} of ${competitors} competitors`));
      expect(cited.body).toContain(`mine.test fails: “${gap.message}”`);
      for (const id of gap.competitors) expect(cited.body).toContain(`${id}.test`);
      expect(cited.severity).toBe(gap.competitors.length * 2 > 3 ? 'CRITICAL' : 'OPPORTUNITY');
    }
    expect(titled(insights, 'document-title; you').body).toBe(
      'rival-one.test and rival-two.test pass document-title (SEO, weight 3); for example rival-one.test: ' +
        '“document-title is pass on this page”. mine.test fails: “document-title is fail on this page”.',
    );
    expect(titled(insights, '1 more gap')).toMatchObject({
      severity: 'OPPORTUNITY',
      body: 'Competitors also pass faq-schema (1 of 3 competitors).',
    });
  });

  it('quote a finding once, without doubled quotation marks or a full stop before the closing one', () => {
    const input = subjectBehind();
    const example = input.targets.find((target) => target.targetId === 'rival-one')?.report?.checks.find((c) => c.id === 'document-title');
    if (!example) throw new Error('rival-one has no document-title');
    example.message = 'All 2 images have alt text.';
    const gap = { ...input, comparison: { ...input.comparison } };
    gap.comparison.gaps = input.comparison.gaps.map((entry) =>
      entry.checkId === 'document-title' ? { ...entry, message: '"Cushioning … 30…".' } : entry,
    );
    expect(titled(writeRuleInsights(gap), 'document-title; you').body).toBe(
      'rival-one.test and rival-two.test pass document-title (SEO, weight 3); for example rival-one.test: ' +
        '“All 2 images have alt text”. mine.test fails: “Cushioning … 30…”.',
    );
  });

  it('name the strengths with the count of competitors behind taken from the check matrix', () => {
    const input = subjectBehind();
    const compression = input.comparison.checks.find((row) => row.checkId === 'compression');
    const behind = (compression?.failedBy.length ?? 0) + (compression?.warnedBy.length ?? 0);
    expect(behind).toBe(2);
    const strength = titled(writeRuleInsights(input), 'You pass');
    expect(strength).toMatchObject({ severity: 'INFO', title: `You pass compression; ${behind} of 3 competitors do not` });
    expect(strength.body).toContain('rival-one.test and rival-two.test');
    // https is passed by everyone: no strength.
    expect(writeRuleInsights(input).some((insight) => insight.title.includes('You pass https'))).toBe(false);
  });

  it('state the standing with the rank and scores of the ranking', () => {
    const input = subjectBehind();
    const { ranking } = input.comparison;
    const mine = ranking.find((entry) => entry.targetId === 'mine');
    const leader = ranking[0];
    const insights = writeRuleInsights(input);
    expect(titled(insights, 'You rank').title).toBe(`You rank ${mine?.rank} of ${ranking.length}`);
    expect(titled(insights, 'You rank').body).toBe(
      `mine.test scores ${mine?.overallScore} overall; rival-one.test leads with ${leader?.overallScore}.`,
    );
    expect(titled(insights, 'You trail on AEO').body).toBe(
      `Your AEO score is ${mine?.aeoScore}; rival-one.test has ${leader?.aeoScore}, ${(leader?.aeoScore ?? 0) - (mine?.aeoScore ?? 0)} points more.`,
    );
    // 70 against 85 on technical is within 20 points: not worth an insight.
    expect(insights.some((insight) => insight.title.includes('technical'))).toBe(false);
  });

  it('describe the field with numbers from the ranking, the leaders and the check matrix', () => {
    const input = subjectBehind();
    const { comparison } = input;
    const insights = writeRuleInsights(input);
    expect(titled(insights, 'leads').body).toBe(
      'Overall scores run from 35 to 85 across 4 analysed sites. ' +
        'Best per category: SEO 90 (rival-one.test), AEO 80 (rival-one.test) and technical 85 (rival-one.test).',
    );
    const weaknesses = insights.filter((insight) => insight.title.includes('analysed sites miss'));
    expect(weaknesses.map((insight) => insight.title)).toEqual([
      '3 of 4 analysed sites miss citations',
      '3 of 4 analysed sites miss image-alt',
    ]);
    const citations = comparison.checks.find((row) => row.checkId === 'citations');
    expect(weaknesses[0]?.body).toContain(`; ${citations?.passedBy.length} passes.`);
    expect(weaknesses[0]?.body).toContain('mine.test is one of them.');
    expect(titled(insights, 'every site gets right').body).toContain('All 4 analysed sites pass 1 check: https.');
    expect(titled(insights, 'could not be analysed')).toMatchObject({
      severity: 'INFO',
      title: '1 of 5 sites could not be analysed',
      body: 'It is left out of the ranking and the check comparison: rival-four.test (The server did not answer within 10 s).',
    });
  });

  it('put the most severe first, all from the rules, the same every time', async () => {
    const input = subjectBehind();
    const insights = writeRuleInsights(input);
    const order = { CRITICAL: 0, OPPORTUNITY: 1, INFO: 2 };
    const severities = insights.map((insight) => order[insight.severity]);
    expect(severities).toEqual([...severities].sort());
    expect(insights[0]?.severity).toBe('CRITICAL');
    expect(new Set(insights.map((insight) => insight.source))).toEqual(new Set(['rules']));
    expect(await ruleInsights.write(subjectBehind())).toEqual(insights);
  });

  it('without a subject speak only about the field', () => {
    const insights = writeRuleInsights(fieldOnly());
    expect(insights.map((insight) => insight.title)).toEqual([
      '3 of 4 analysed sites miss citations',
      '3 of 4 analysed sites miss image-alt',
      'rival-one.test leads',
      'What every site gets right',
      '1 of 5 sites could not be analysed',
    ]);
    for (const insight of insights) expect(`${insight.title} ${insight.body}`).not.toMatch(/\b(you|your|yours)\b/i);
  });

  it('put a subject that could not be analysed first, as CRITICAL, with its error', () => {
    const insights = writeRuleInsights(subjectFailed());
    expect(insights[0]).toEqual({
      title: 'Your site could not be analysed',
      body: 'mine.test: Not an HTML page. Fix this first; until then the 3 analysed competitors can only be compared among themselves.',
      severity: 'CRITICAL',
      source: 'rules',
    });
    expect(insights.some((insight) => insight.title.startsWith('You '))).toBe(false);
    expect(titled(insights, 'sites could not be analysed')).toMatchObject({
      title: '2 of 5 sites could not be analysed',
      body: 'They are left out of the ranking and the check comparison: mine.test (Not an HTML page); rival-four.test (The server did not answer within 10 s).',
    });
  });

  it('with one site analysed, describe it alone and list every site that failed', () => {
    const insights = writeRuleInsights(allButOneFailed());
    expect(insights.map(({ severity, title, body }) => [severity, title, body])).toEqual([
      [
        'CRITICAL',
        'Your site could not be analysed',
        'mine.test: Connection reset. Fix this first; until then there is nothing to compare.',
      ],
      [
        'INFO',
        'Only rival-two.test could be analysed',
        'It scores 60 overall (SEO 65, AEO 55, technical 60); there is nothing to compare it with.',
      ],
      [
        'INFO',
        '4 of 5 sites could not be analysed',
        'They are left out of the ranking and the check comparison: mine.test (Connection reset); rival-one.test (Connection reset); ' +
          'rival-three.test (Connection reset); rival-four.test (The server did not answer within 10 s).',
      ],
    ]);
  });

  it('for a subject that leads everywhere, name its lead and strengths and find no gaps', () => {
    const input = subjectLeads();
    expect(input.comparison.gaps).toEqual([]);
    const insights = writeRuleInsights(input);
    expect(insights.map((insight) => insight.title)).toEqual([
      '2 of 3 analysed sites miss llms-txt',
      'You lead the field',
      'You lead on SEO',
      'You lead on AEO',
      'You lead on technical',
      'You pass llms-txt; 2 of 2 competitors do not',
      'You pass https; 1 of 2 competitors does not',
      'You pass citations; 1 of 2 competitors does not',
      'mine.test leads',
    ]);
    expect(insights[0]?.body).not.toContain('mine.test');
    expect(insights[1]?.body).toBe(
      'mine.test ranks 1 of 3 analysed sites with an overall score of 95; the best competitor, rival-one.test, scores 70.',
    );
    expect(insights[2]?.body).toBe('Your SEO score is 92; the best competitor, rival-two.test, has 80.');
    expect(insights.slice(1).every((insight) => insight.severity === 'INFO')).toBe(true);
  });

  it('count a noindex leader neither as a leader nor as a competitor that passes, and say it is not indexable', () => {
    // rival-one (85, passes everything) is noindex: the field is mine 35, rival-two 60, rival-three 60.
    const input = withExcluded({ 'rival-one': { excludedReason: 'Marked noindex by a robots meta tag' } });
    const insights = writeRuleInsights(input);
    expect(input.comparison.gaps.map((gap) => [gap.checkId, gap.competitors])).toEqual([
      ['document-title', ['rival-two']],
      ['llms-txt', ['rival-two']],
      ['meta-description', ['rival-three']],
    ]);
    expect(titled(insights, 'document-title; you')).toMatchObject({
      severity: 'OPPORTUNITY',
      title: '1 of 2 competitors passes document-title; you fail it',
    });
    expect(titled(insights, 'You rank').body).toBe('mine.test scores 35 overall; rival-two.test and rival-three.test lead with 60.');
    expect(titled(insights, 'share the lead')).toMatchObject({
      title: 'rival-two.test and rival-three.test share the lead',
      body:
        'Overall scores run from 35 to 60 across 3 indexable sites. ' +
        'Best per category: SEO 65 (rival-two.test), AEO 70 (rival-three.test) and technical 70 (mine.test).',
    });
    // citations: failed by all three indexable sites; rival-one's pass is not counted.
    expect(titled(insights, 'miss citations').body).toContain('3 of 3 indexable sites fail or only warn on citations (AEO, weight 2); 0 pass.');
    expect(titled(insights, 'not indexable')).toEqual({
      severity: 'INFO',
      title: '1 of 4 analysed sites is not indexable',
      body:
        'It ranks below every indexable site whatever the score, and is left out of the leaders, the gaps and the counts of sites ' +
        'that pass or miss a check: rival-one.test (Marked noindex by a robots meta tag).',
      source: 'rules',
    });
    for (const insight of insights) expect(`${insight.title} ${insight.body}`).not.toMatch(/of 3 competitors/);
  });

  it('put a subject search engines do not index first, as CRITICAL, with why and its rank below the indexable sites', () => {
    const input = withExcluded({ mine: { excludedReason: 'Answers 404', httpStatus: 404, scores: scores(95) } });
    const insights = writeRuleInsights(input);
    expect(insights[0]).toEqual({
      severity: 'CRITICAL',
      title: 'Search engines will not index your page',
      body: 'mine.test: Answers 404. It ranks 4 of 4, below every indexable site whatever its score (95 overall); fix this first.',
      source: 'rules',
    });
    expect(insights.some((insight) => insight.title.startsWith('You rank') || insight.title.includes('You lead the field'))).toBe(false);
    expect(titled(insights, 'leads').title).toBe('rival-one.test leads');
  });

  it('name the one indexable site as the leader and list every competitor that is not indexable', () => {
    const insights = writeRuleInsights(
      withExcluded({
        'rival-one': { excludedReason: 'Canonical points to https://rival-two.test/' },
        'rival-three': { excludedReason: 'Blocked by robots.txt' },
        mine: { excludedReason: 'Answers 500', httpStatus: 500 },
      }),
    );
    expect(titled(insights, 'leads')).toMatchObject({
      title: 'rival-two.test leads',
      body: 'It is the only indexable site of 4 analysed sites; it scores 60 overall (SEO 65, AEO 55, technical 60).',
    });
    expect(titled(insights, 'not indexable')).toMatchObject({
      title: '2 of 4 analysed sites are not indexable',
      body:
        'They rank below every indexable site whatever the score, and are left out of the leaders, the gaps and the counts of sites ' +
        'that pass or miss a check: rival-one.test (Canonical points to https://rival-two.test/); rival-three.test (Blocked by robots.txt).',
    });
    expect(titled(insights, 'will not index your page').body).toBe(
      'mine.test: Answers 500. It ranks 4 of 4, below every indexable site whatever its score (35 overall); fix this first.',
    );
  });
});
