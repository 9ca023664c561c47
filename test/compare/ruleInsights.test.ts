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
  it('name the gap worth the most points and what closing them all is worth, without repeating each gap', () => {
    const input = subjectBehind();
    const { comparison } = input;
    const insights = writeRuleInsights(input);
    // Unrounded, mine scores SEO 0 of 6, AEO 0.5 of 5 = 10, technical 100: overall 24. Passing
    // document-title gives SEO 3/6 = 50, +0.4 × 50 = 20; citations and llms-txt AEO +40 × 0.4 = 16
    // each; meta-description +13.3; image-alt +6.7; faq-schema (a WARN, half of 1 of 5) +4.
    expect(comparison.gaps.map((gap) => [gap.checkId, gap.estimatedGain])).toEqual([
      ['document-title', 20],
      ['citations', 16],
      ['llms-txt', 16],
      ['meta-description', 13.3],
      ['image-alt', 6.7],
      ['faq-schema', 4],
    ]);
    // Failed by mine, passed by 2 of 3 competitors: CRITICAL.
    expect(titled(insights, 'first')).toEqual({
      severity: 'CRITICAL',
      title: 'Fix page title first',
      body: 'It is worth +20 points of overall score, the most of your 6 gaps; 2 of 3 competitors already pass it: rival-one.test and rival-two.test.',
      source: 'rules',
    });
    // 76 points in all (every category to 100 from an exact 24); the fixture's overall score is 35.
    expect(titled(insights, 'Closing all')).toEqual({
      severity: 'OPPORTUNITY',
      title: 'Closing all 6 gaps is worth about +76 points',
      body: 'Your overall score would go from 35 to about 100, enough to rank 1 of 4.',
      source: 'rules',
    });
    // No insight per gap: the fix-first list carries each one's finding and fix.
    for (const gap of comparison.gaps) expect(insights.filter((insight) => insight.body.includes(gap.message))).toEqual([]);
  });

  it('say where closing the gaps would rank the subject when competitors would still lead', () => {
    const input = subjectBehind();
    const gaps = input.comparison.gaps.filter((gap) => gap.checkId === 'faq-schema' || gap.checkId === 'image-alt');
    const insights = writeRuleInsights({ ...input, comparison: { ...input.comparison, gaps } });
    // 35 + 6.7 + 4 = 45.7: rival-one (85), rival-two (60) and rival-three (60) stay ahead.
    expect(titled(insights, 'Closing all')).toMatchObject({
      title: 'Closing all 2 gaps is worth about +10.7 points',
      body: 'Your overall score would go from 35 to about 46, which would rank 4 of 4, behind rival-one.test (85), rival-two.test (60) and rival-three.test (60).',
    });
    expect(titled(insights, 'first')).toMatchObject({ severity: 'OPPORTUNITY', title: 'Fix image alt text first' });
  });

  it('say so when the first gap only ties for the most points', () => {
    const input = subjectBehind();
    const gaps = input.comparison.gaps.filter((gap) => gap.checkId === 'citations' || gap.checkId === 'llms-txt');
    expect(gaps.map((gap) => gap.estimatedGain)).toEqual([16, 16]);
    expect(titled(writeRuleInsights({ ...input, comparison: { ...input.comparison, gaps } }), 'first')).toMatchObject({
      title: 'Fix citations first',
      body: 'It is worth +16 points of overall score, as much as any of your 2 gaps; 1 of 3 competitors already passes it: rival-one.test.',
    });
  });

  it('quote a finding once, without doubled quotation marks or a full stop before the closing one', () => {
    const input = subjectBehind();
    const example = input.targets.find((target) => target.targetId === 'mine')?.report?.checks.find((c) => c.id === 'compression');
    if (!example) throw new Error('mine has no compression');
    example.message = '"Cushioning … 30…".';
    expect(titled(writeRuleInsights(input), 'You pass').body).toBe(
      'mine.test: “Cushioning … 30…”. rival-one.test and rival-two.test fail or only warn on it.',
    );
    example.message = 'All 2 images have alt text.';
    expect(titled(writeRuleInsights(input), 'You pass').body).toBe(
      'mine.test: “All 2 images have alt text”. rival-one.test and rival-two.test fail or only warn on it.',
    );
  });

  it('name the strengths with the count of competitors behind taken from the check matrix', () => {
    const input = subjectBehind();
    const compression = input.comparison.checks.find((row) => row.checkId === 'compression');
    const behind = (compression?.failedBy.length ?? 0) + (compression?.warnedBy.length ?? 0);
    expect(behind).toBe(2);
    const strength = titled(writeRuleInsights(input), 'You pass');
    expect(strength).toMatchObject({ severity: 'INFO', title: `You pass compression; ${behind} of 3 competitors do not` });
    expect(strength.body).not.toContain('weight');
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
    // The title names the category; the body does not say it again (the CLI prints them as one text).
    expect(titled(insights, 'You trail on AEO').body).toBe(
      `Your score is ${mine?.aeoScore}; rival-one.test has ${leader?.aeoScore}, ${(leader?.aeoScore ?? 0) - (mine?.aeoScore ?? 0)} points more.`,
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
      '3 of 4 analysed sites miss image alt text',
    ]);
    const citations = comparison.checks.find((row) => row.checkId === 'citations');
    expect(citations?.passedBy).toEqual(['rival-one']);
    expect(weaknesses[0]?.body).toBe('mine.test is one of them. Only rival-one.test passes it; whoever fixes it first stands out.');
    expect(titled(insights, 'every site gets right').body).toContain('All 4 analysed sites pass 1 check: HTTPS.');
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
      '3 of 4 analysed sites miss image alt text',
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
      '2 of 3 analysed sites miss llms.txt',
      'You lead the field',
      'You lead on SEO',
      'You lead on AEO',
      'You lead on technical',
      'You pass llms.txt; 2 of 2 competitors do not',
      'You pass HTTPS; 1 of 2 competitors does not',
      'You pass citations; 1 of 2 competitors does not',
      'mine.test leads',
    ]);
    // mine passes llms.txt: it is not among the sites that miss it.
    expect(insights[0]?.body).toBe('Only mine.test passes it; whoever fixes it first stands out.');
    expect(insights[1]?.body).toBe(
      'mine.test ranks 1 of 3 analysed sites with an overall score of 95; the best competitor, rival-one.test, scores 70.',
    );
    expect(insights[2]?.body).toBe('Your score is 92; the best competitor, rival-two.test, has 80.');
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
    expect(titled(insights, 'first')).toMatchObject({
      severity: 'OPPORTUNITY',
      title: 'Fix page title first',
      body: 'It is worth +20 points of overall score, the most of your 3 gaps; 1 of 2 competitors already passes it: rival-two.test.',
    });
    expect(titled(insights, 'You rank').body).toBe('mine.test scores 35 overall; rival-two.test and rival-three.test lead with 60.');
    expect(titled(insights, 'share the lead')).toMatchObject({
      title: 'rival-two.test and rival-three.test share the lead',
      body:
        'Overall scores run from 35 to 60 across 3 indexable sites. ' +
        'Best per category: SEO 65 (rival-two.test), AEO 70 (rival-three.test) and technical 70 (mine.test).',
    });
    // citations: failed by all three indexable sites; rival-one's pass is not counted.
    expect(titled(insights, 'miss citations')).toMatchObject({
      title: '3 of 3 indexable sites miss citations',
      body: 'mine.test is one of them. No indexable site passes it; whoever fixes it first stands out.',
    });
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
