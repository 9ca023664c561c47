import { describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../src/db/generated/client/client';
import { toAnalysisRow, toReport } from '../../src/batches/analysisRows';
import { comparisonJson, originFilesJson, pageAnalysisJson, siteJson, StoredJsonError } from '../../src/batches/jsonColumns';
import { compareTargets, writeRuleInsights } from '../../src/comparison';
import { reportSite, CHECKS, type SitePage } from '../../src/analysis';
import { crawled } from '../compare/siteFixtures';
import { analysed, report, scores } from '../compare/fixtures';

describe('JSON columns', () => {
  it('gives back the PageReport stored as a PageAnalysis row', () => {
    const stored = report(scores(80, 90, 70, 60), { 'document-title': 'PASS', 'llms-txt': 'WARN', https: 'FAIL' });
    stored.headings = [{ level: 1, text: 'Acme' }, { level: 2, text: 'Prices' }];
    stored.aiCrawlerAccess = [{ userAgent: 'GPTBot', purpose: 'training', allowed: false }];
    const row = JSON.parse(JSON.stringify(toAnalysisRow('t', stored))) as PageAnalysis;
    expect(toReport({ ...row, createdAt: new Date() })).toEqual(stored);
  });

  it('gives back a page that is not indexable with its reason', () => {
    const stored = { ...report(scores(90), {}), httpStatus: 404, indexable: false, excludedReason: 'Answers 404' };
    const row = JSON.parse(JSON.stringify(toAnalysisRow('t', stored))) as PageAnalysis;
    expect(row).toMatchObject({ indexable: false, excludedReason: 'Answers 404' });
    expect(toReport({ ...row, createdAt: new Date() })).toEqual(stored);
  });

  it('reads the ranking of a comparison stored before indexability was judged as all indexable', () => {
    const targetId = '00000000-0000-4000-8000-000000000001';
    const entry = { rank: 1, targetId, overallScore: 70, seoScore: 70, aeoScore: 70, technicalScore: 70 };
    const stored = { ranking: [entry], checks: [], gaps: [], leaders: [], subject: null, notAnalysed: [], insights: [], llmFailure: null };
    expect(comparisonJson.report.read(stored, 'batch b').ranking).toEqual([{ ...entry, indexable: true, excludedReason: null }]);
  });

  it('reads the {} of a page analysed before originFindings existed as nothing found', () => {
    expect(pageAnalysisJson.originFindings.read({}, 't')).toEqual({
      robotsTxtStatus: null,
      llmsTxtStatus: null,
      sitemapUrl: null,
      sitemapStatus: null,
    });
  });

  it('gives the gaps of a comparison stored before gains existed their gains and their order, from its check rows', () => {
    const [mine, r1, r2] = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
    const comparison = compareTargets([
      analysed(mine!, scores(30), { 'document-title': 'FAIL', 'meta-description': 'WARN', 'llms-txt': 'FAIL', https: 'WARN', compression: 'PASS' }, true),
      analysed(r1!, scores(90), { 'document-title': 'PASS', 'meta-description': 'PASS', 'llms-txt': 'PASS', https: 'PASS', compression: 'PASS' }),
      analysed(r2!, scores(80), { 'document-title': 'WARN', 'meta-description': 'PASS', 'llms-txt': 'PASS', https: 'PASS' }),
    ]);
    // Overall 0.4 × 20 + 0.4 × 0 + 0.2 × 62.5 = 20.5; llms-txt +40, document-title +24, meta-description +8, https +7.5.
    expect(comparison.gaps.map((gap) => [gap.checkId, gap.estimatedGain])).toEqual([
      ['llms-txt', 40],
      ['document-title', 24],
      ['meta-description', 8],
      ['https', 7.5],
    ]);
    // As such a comparison was stored: no gains, ordered by priority (https 6, llms-txt 4, meta-description 4, document-title 3).
    const byPriority = [...comparison.gaps].sort((a, b) => b.priority - a.priority);
    const stored = { ...comparison, insights: [], llmFailure: null, gaps: byPriority.map(({ estimatedGain: _gain, pagesAffected: _pages, ...gap }) => gap) };
    expect(comparisonJson.report.read(JSON.parse(JSON.stringify(stored)), 'batch b').gaps).toEqual(comparison.gaps);
  });

  it('gives back a site report with its per-check counts', () => {
    const check = (id: string, outcome: 'PASS' | 'FAIL') => {
      const { category, weight } = CHECKS.find((candidate) => candidate.id === id)!;
      return { id, category, weight, outcome, message: outcome };
    };
    const pages: SitePage[] = [0, 1, 2].map((index) => ({
      url: `https://shop.test/${index}`,
      indexable: true,
      checks: [check('document-title', 'PASS'), check('image-alt', index === 0 ? 'FAIL' : 'PASS')],
    }));
    const site = reportSite(pages);
    expect(siteJson.read(JSON.parse(JSON.stringify(siteJson.write(site))), 't')).toEqual(site);
  });

  it('gives back the pass rates of a comparison of sites', () => {
    const [a, b] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const targets = [
      crawled(a, scores(60), { 'image-alt': [3, 0, 1] }, { isSubject: true }),
      crawled(b, scores(50), { 'image-alt': [2, 0, 0] }),
    ];
    const core = compareTargets(targets);
    const stored = { ...core, insights: writeRuleInsights({ comparison: core, targets }), llmFailure: null };
    const read = comparisonJson.report.read(JSON.parse(JSON.stringify(comparisonJson.report.write(stored))), 'batch b');
    expect(read.checks[0]?.passRates).toEqual([
      { targetId: a, rate: 0.75 },
      { targetId: b, rate: 1 },
    ]);
    expect(read).toEqual(stored);
  });

  it('refuses a value not of its shape, naming the column, the row and where it differs', () => {
    const files = { origin: 'https://a.test', robotsTxt: { url: 'https://a.test/robots.txt', status: '200', body: '' }, llmsTxt: null };
    const read = () => originFilesJson.files.read(files, 'batch b origin https://a.test');
    expect(read).toThrow(StoredJsonError);
    expect(read).toThrow(/^OriginFiles\.files of batch b origin https:\/\/a\.test is not of its column's shape: robotsTxt\.status: .*; sitemap: /);
  });
});
