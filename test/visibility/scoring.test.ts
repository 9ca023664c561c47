import { describe, expect, it } from 'vitest';
import { compileBrands, intervalsDisjoint, mentionChange, scoreVisibility, VISIBILITY_METRICS, wilson, type BrandSpec, type ScoredAnswer } from '../../src/visibility';

const acme: BrandSpec = { name: 'Acme', domains: ['acme.com'] };
const hoka: BrandSpec = { name: 'Hoka', domains: ['hoka.com'] };
const salomon: BrandSpec = { name: 'Salomon', domains: ['salomon.com'] };
const matcher = compileBrands([acme, hoka, salomon]);

/** Seven scripted answers; the comment on each says who it names (position) and what it cites. */
const SCRIPT: [engine: string, prompt: string, text: string, citations: string[]][] = [
  // 1: Hoka 1, Acme 2; cites hoka.com, example.org
  ['e1', 'p1', '1. Hoka\n2. Acme\n', ['https://hoka.com/a', 'https://news.example.org/x']],
  // 2: Hoka 1, recommended ("best"), sentiment +1 ("best"); cites hoka.com
  ['e1', 'p1', 'Hoka is the best choice.', ['https://hoka.com/b']],
  // 3: Acme 1, Salomon 2; cites acme.com
  ['e1', 'p2', 'Acme and Salomon both work.', ['https://acme.com/a']],
  // 4: Salomon 1, Hoka 2; cites nothing
  ['e2', 'p1', 'Salomon, then Hoka.', []],
  // 5: Acme 1 (named twice, counted once), Hoka 2; cites acme.com twice and example.org
  ['e2', 'p2', 'Acme. Acme again, and Hoka.', ['https://acme.com/x', 'https://acme.com/y', 'https://review.example.org/z']],
  // 6: nobody; cites example.org
  ['e2', 'p2', 'No brand here.', ['https://review.example.org/z']],
  // 7: Salomon 1, recommended ("top pick"), sentiment +1 ("top"); cites nothing. Prompt p3 is lost.
  ['e1', 'p3', 'Salomon is a top pick.', []],
];
const answers: ScoredAnswer[] = SCRIPT.map(([engine, prompt, text, citations]) => ({ engine, prompt, analysis: matcher.analyse({ text, citations }) }));

const z = 1.959963984540054;
const close = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 9);

describe('Wilson interval', () => {
  it('equals the formula worked on literal numbers, and published values', () => {
    // 3 of 7: p = 3/7; centre = (p + z²/(2·7)) / (1 + z²/7); half = z/(1 + z²/7) · sqrt(p(1-p)/7 + z²/(4·49))
    const p = 3 / 7;
    const low = (p + (z * z) / 14 - z * Math.sqrt((p * (1 - p)) / 7 + (z * z) / 196)) / (1 + (z * z) / 7);
    const high = (p + (z * z) / 14 + z * Math.sqrt((p * (1 - p)) / 7 + (z * z) / 196)) / (1 + (z * z) / 7);
    close(wilson(3, 7).low, low);
    close(wilson(3, 7).high, high);
    close(low, 0.15821985525147);
    close(high, 0.749541635472343);
    // 0 of 10: p = 0, so low = 0 and high = (z²/20 + z·sqrt(z²/400)) / (1 + z²/10) = (z²/10) / (1 + z²/10)
    expect(wilson(0, 10).low).toBe(0);
    close(wilson(0, 10).high, (z * z) / 10 / (1 + (z * z) / 10));
    close(wilson(0, 10).high, 0.277532799862889);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('a change is reported only when the intervals of two runs do not overlap', () => {
    expect(intervalsDisjoint(wilson(0, 10), wilson(8, 10))).toBe(true);
    expect(mentionChange(wilson(0, 10), wilson(8, 10))).toBe('MENTION_GAINED');
    expect(mentionChange(wilson(8, 10), wilson(0, 10))).toBe('MENTION_LOST');
    // 3/7 → 4/7 looks like a rise, but [0.158, 0.750] and [0.250, 0.842] overlap: no alert.
    expect(intervalsDisjoint(wilson(3, 7), wilson(4, 7))).toBe(false);
    expect(mentionChange(wilson(3, 7), wilson(4, 7))).toBeNull();
    // 9 of 30 against 0 of 30: 0.3 [0.167, 0.479] against 0 [0, 0.114]
    expect(mentionChange(wilson(9, 30), wilson(0, 30))).toBe('MENTION_LOST');
  });
});

describe('visibility scores of the scripted answers', () => {
  const scores = scoreVisibility({ subject: acme, competitors: [hoka, salomon], answers, engines: ['e1', 'e2'] });
  const brand = (name: string) => scores.brands.find((entry) => entry.brand === name)!;

  it('mention rate: answers naming the brand over the 7 answers, with its Wilson interval', () => {
    // Acme: answers 1, 3, 5 → 3/7; Hoka: 1, 2, 4, 5 → 4/7; Salomon: 3, 4, 7 → 3/7.
    close(brand('Acme').mentionRate, 3 / 7);
    close(brand('Hoka').mentionRate, 4 / 7);
    close(brand('Salomon').mentionRate, 3 / 7);
    close(brand('Acme').mentionRateLow, 0.15821985525147);
    close(brand('Acme').mentionRateHigh, 0.749541635472343);
    // 4 of 7 mirrors 3 of 7: [1 - 0.749541635472343, 1 - 0.15821985525147]
    close(brand('Hoka').mentionRateLow, 1 - 0.749541635472343);
    close(brand('Hoka').mentionRateHigh, 1 - 0.15821985525147);
    expect(scores.brands.map((entry) => [entry.brand, entry.isSubject])).toEqual([['Acme', true], ['Hoka', false], ['Salomon', false]]);
  });

  it('share of voice: answers naming the brand over 3 + 4 + 3 = 10', () => {
    close(brand('Acme').shareOfVoice, 3 / 10);
    close(brand('Hoka').shareOfVoice, 4 / 10);
    close(brand('Salomon').shareOfVoice, 3 / 10);
  });

  it('citation share: URLs on the brand domains over the 2 + 1 + 1 + 0 + 3 + 1 + 0 = 8 cited', () => {
    close(brand('Acme').citationShare, 3 / 8); // answer 3 once, answer 5 twice
    close(brand('Hoka').citationShare, 2 / 8); // answers 1 and 2
    close(brand('Salomon').citationShare, 0);
  });

  it('average position, sentiment and recommendation rate', () => {
    close(brand('Acme').averagePosition, (2 + 1 + 1) / 3);
    close(brand('Hoka').averagePosition, (1 + 1 + 2 + 2) / 4);
    close(brand('Salomon').averagePosition, (2 + 1 + 1) / 3);
    close(brand('Acme').sentiment, 0);
    close(brand('Hoka').sentiment, (0 + 1 + 0 + 0) / 4);
    close(brand('Salomon').sentiment, (0 + 0 + 1) / 3);
    close(brand('Acme').recommendationRate, 0);
    close(brand('Hoka').recommendationRate, 1 / 7);
    close(brand('Salomon').recommendationRate, 1 / 7);
  });

  it('per engine: e1 has answers 1, 2, 3, 7; e2 has 4, 5, 6', () => {
    const [e1, e2] = brand('Acme').byEngine;
    expect([e1!.engine, e2!.engine]).toEqual(['e1', 'e2']);
    // e1: Acme 2 of 4 answers; named 2 + 2 + 2 = 6 times in all; cites 4 URLs, 1 on acme.com.
    close(e1!.mentionRate, 2 / 4);
    close(e1!.mentionRateLow, 0.15003898915215);
    close(e1!.mentionRateHigh, 0.84996101084785);
    close(e1!.shareOfVoice, 2 / 6);
    close(e1!.citationShare, 1 / 4);
    // e2: Acme 1 of 3 answers; named 1 + 2 + 1 = 4 times; cites 4 URLs, 2 on acme.com.
    close(e2!.mentionRate, 1 / 3);
    close(e2!.mentionRateLow, 0.061491944720396);
    close(e2!.mentionRateHigh, 0.792340399197952);
    close(e2!.shareOfVoice, 1 / 4);
    close(e2!.citationShare, 2 / 4);
    close(brand('Hoka').byEngine[1]!.shareOfVoice, 2 / 4);
  });

  it('per prompt: who is named in at least half of its answers, and the lost prompt', () => {
    expect(scores.promptResults.map(({ prompt, named, lost }) => ({ prompt, named, lost }))).toEqual([
      // p1 (answers 1, 2, 4): Hoka 3, Acme 1, Salomon 1 of 3
      { prompt: 'p1', named: ['Hoka'], lost: false },
      // p2 (answers 3, 5, 6): Acme 2, Hoka 1, Salomon 1 of 3
      { prompt: 'p2', named: ['Acme'], lost: false },
      // p3 (answer 7): Salomon 1 of 1, Acme none
      { prompt: 'p3', named: ['Salomon'], lost: true },
    ]);
    close(scores.promptResults[0]!.subjectMentionRate, 1 / 3);
    close(scores.promptResults[1]!.subjectMentionRate, 2 / 3);
    close(scores.promptResults[2]!.subjectMentionRate, 0);
  });

  it('cited domains: most cited first, shares of the 8, the brand whose domain it is', () => {
    expect(scores.citedDomains).toEqual([
      { domain: 'acme.com', citations: 3, share: 3 / 8, brand: 'Acme' },
      { domain: 'example.org', citations: 3, share: 3 / 8, brand: null },
      { domain: 'hoka.com', citations: 2, share: 2 / 8, brand: 'Hoka' },
    ]);
  });

  it('history metrics read the contract names', () => {
    expect(Object.keys(VISIBILITY_METRICS)).toEqual(['MENTION_RATE', 'SHARE_OF_VOICE', 'CITATION_SHARE']);
    close(VISIBILITY_METRICS.CITATION_SHARE(brand('Acme')), 3 / 8);
  });

  it('a brand never named has no position or sentiment, and no answers give an unknown rate', () => {
    const empty = scoreVisibility({ subject: acme, competitors: [hoka], answers: [] });
    expect(empty.brands[0]).toEqual({
      brand: 'Acme', isSubject: true, mentionRate: 0, mentionRateLow: 0, mentionRateHigh: 1, shareOfVoice: 0, citationShare: 0,
      averagePosition: null, sentiment: null, recommendationRate: 0, byEngine: [],
    });
  });
});
