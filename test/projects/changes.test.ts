import { describe, expect, it } from 'vitest';
import type { RunBrand, RunSummary } from '../../src/batches/jsonColumns';
import { detectChanges, summarizeRun, type RunBrandRef } from '../../src/projects/changes';

const own: RunBrandRef = { id: '00000000-0000-4000-8000-000000000001', name: 'Acme', url: 'https://acme.com/', isSubject: true };
const rival: RunBrandRef = { id: '00000000-0000-4000-8000-000000000002', name: 'Rival Shoes', url: 'https://rival.com/', isSubject: false };

type Verdict = { outcome: 'PASS' | 'WARN' | 'FAIL' | 'NOT_APPLICABLE'; message: string };
function entry(scores: { overall: number; seo: number; aeo: number; technical: number; rank?: number }, checks: Record<string, Verdict> = {}): RunBrand {
  const categories: Record<string, 'SEO' | 'AEO' | 'TECHNICAL'> = { 'faq-schema': 'AEO', 'llms-txt': 'AEO', 'response-time': 'TECHNICAL' };
  return {
    url: 'https://example.com/',
    rank: scores.rank ?? 1,
    ...scores,
    checks: Object.fromEntries(Object.entries(checks).map(([id, verdict]) => [id, { category: categories[id] ?? 'SEO', weight: 1, ...verdict }])),
  };
}
const scores = { overall: 60, seo: 60, aeo: 60, technical: 60 };

describe('change detection between two runs', () => {
  it('sees a score move of 5 points, and none of 4', () => {
    const before: RunSummary = { [own.id]: entry(scores), [rival.id]: entry(scores) };
    const after: RunSummary = { [own.id]: entry({ ...scores, seo: 64, aeo: 55 }), [rival.id]: entry({ ...scores, overall: 65, technical: 56 }) };
    expect(detectChanges([own, rival], before, after)).toEqual([
      { brandId: own.id, kind: 'SCORE_DOWN', subject: 'AEO_SCORE', before: '60', after: '55', message: 'Your AEO score fell 5 points to 55.' },
      { brandId: rival.id, kind: 'SCORE_UP', subject: 'OVERALL_SCORE', before: '60', after: '65', message: "Rival Shoes' overall score rose 5 points to 65." },
    ]);
  });

  it('sees checks newly failing and newly passing, names the cause of a score drop, and sees rank moves', () => {
    const before: RunSummary = {
      [own.id]: entry({ ...scores, aeo: 53, rank: 2 }, { 'llms-txt': { outcome: 'PASS', message: 'ok' }, 'faq-schema': { outcome: 'WARN', message: 'w' } }),
      [rival.id]: entry({ ...scores, rank: 1 }, { 'faq-schema': { outcome: 'FAIL', message: 'No FAQ.' }, 'response-time': { outcome: 'FAIL', message: 'slow' } }),
    };
    const after: RunSummary = {
      [own.id]: entry({ ...scores, aeo: 41, rank: 1 }, { 'llms-txt': { outcome: 'FAIL', message: '/llms.txt answered HTTP 500.' }, 'faq-schema': { outcome: 'FAIL', message: 'x' } }),
      [rival.id]: entry({ ...scores, rank: 2 }, { 'faq-schema': { outcome: 'PASS', message: 'The page has FAQPage structured data.' }, 'response-time': { outcome: 'PASS', message: 'The server answered in 120 ms.' } }),
    };
    expect(detectChanges([own, rival], before, after).map(({ kind, subject, before, after, message }) => ({ kind, subject, before, after, message }))).toEqual([
      { kind: 'CHECK_BROKEN', subject: 'llms-txt', before: 'PASS', after: 'FAIL', message: 'Your site now fails the llms.txt check: /llms.txt answered HTTP 500.' },
      { kind: 'CHECK_BROKEN', subject: 'faq-schema', before: 'WARN', after: 'FAIL', message: 'Your site now fails the FAQ schema check: x.' },
      { kind: 'SCORE_DOWN', subject: 'AEO_SCORE', before: '53', after: '41', message: 'Your AEO score fell 12 points to 41: /llms.txt answered HTTP 500.' },
      { kind: 'RANK_CHANGED', subject: 'RANK', before: '2', after: '1', message: 'You moved up from 2nd to 1st place.' },
      { kind: 'CHECK_FIXED', subject: 'faq-schema', before: 'FAIL', after: 'PASS', message: 'Rival Shoes added FAQ schema.' },
      {
        kind: 'CHECK_FIXED',
        subject: 'response-time',
        before: 'FAIL',
        after: 'PASS',
        message: "Rival Shoes' site now passes the response time check: the server answered in 120 ms.",
      },
      { kind: 'RANK_CHANGED', subject: 'RANK', before: '1', after: '2', message: 'Rival Shoes moved down from 1st to 2nd place.' },
    ]);
  });

  it('leaves out a brand missing from either run, not analysed, and moves into or out of WARN or NOT_APPLICABLE', () => {
    const newcomer = { ...rival, id: '00000000-0000-4000-8000-000000000003' };
    const before: RunSummary = {
      [own.id]: entry(scores, { 'llms-txt': { outcome: 'FAIL', message: '' }, 'faq-schema': { outcome: 'PASS', message: '' } }),
      [rival.id]: { url: rival.url, error: 'timed out' },
    };
    const after: RunSummary = {
      [own.id]: entry(scores, { 'llms-txt': { outcome: 'WARN', message: '' }, 'faq-schema': { outcome: 'NOT_APPLICABLE', message: '' } }),
      [rival.id]: entry({ ...scores, overall: 90 }),
      [newcomer.id]: entry(scores),
    };
    expect(detectChanges([own, rival, newcomer], before, after)).toEqual([]);
  });
});

describe('a run summary', () => {
  it('keeps each audited brand by its site URL, with scores, rank and verdicts, or why it was not analysed', () => {
    const check = { id: 'faq-schema', category: 'AEO' as const, weight: 0.25, outcome: 'PASS', message: 'y'.repeat(300) };
    const summary = summarizeRun([own, rival, { ...rival, id: '00000000-0000-4000-8000-000000000003', url: 'https://gone.example/' }], {
      targets: [
        { targetId: 't1', url: own.url, report: { checks: [check] }, error: null },
        { targetId: 't2', url: rival.url, report: null, error: 'HTTP timeout' },
      ],
      ranking: [{ targetId: 't1', rank: 1, overallScore: 70, seoScore: 71, aeoScore: 72, technicalScore: 73 }],
    });
    expect(summary).toEqual({
      [own.id]: {
        url: own.url,
        rank: 1,
        overall: 70,
        seo: 71,
        aeo: 72,
        technical: 73,
        checks: { 'faq-schema': { category: 'AEO', weight: 0.25, outcome: 'PASS', message: `${'y'.repeat(159)}…` } },
      },
      [rival.id]: { url: rival.url, error: 'HTTP timeout' },
    });
  });
});
