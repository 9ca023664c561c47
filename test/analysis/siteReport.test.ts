import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, overallGain, reportSite, type CheckOutcome, type CheckResult, type SitePage } from '../../src/analysis';
import { page, startFixtureAnalyzer, type FixtureAnalyzer, type PageFixture } from './analyzeFixture';

/** A result of a catalogue check, with its real category and weight. */
function result(id: string, outcome: CheckOutcome): CheckResult {
  const check = CHECKS.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return { id, category: check.category, weight: check.weight, outcome, message: `${id}: ${outcome}` };
}

const url = (index: number) => `https://shop.test/page-${index}`;

/**
 * `count` indexable pages on which every listed check passes unless `outcomes` says otherwise
 * for that page's index.
 */
function site(count: number, ids: readonly string[], outcomes: Record<string, (index: number) => CheckOutcome> = {}): SitePage[] {
  return Array.from({ length: count }, (_, index) => ({
    url: url(index),
    indexable: true,
    checks: ids.map((id) => result(id, outcomes[id]?.(index) ?? 'PASS')),
  }));
}

const IDS = ['document-title', 'image-alt', 'title-length', 'citations', 'llms-txt', 'https', 'sitemap'];

describe('a site of 25 pages', () => {
  const pages = site(25, IDS, {
    'image-alt': (index) => (index % 3 === 0 && index < 21 ? 'FAIL' : 'PASS'),
    'title-length': (index) => (index < 2 ? 'FAIL' : index < 14 ? 'WARN' : 'PASS'),
    // The origin's file is the same for every page: the first page's outcome is the site's.
    'llms-txt': () => 'FAIL',
  });
  const report = reportSite(pages);
  const issue = (id: string) => report.issues.find((candidate) => candidate.checkId === id);

  it('counts a check failing on 7 of 25 pages with its failing pages as examples', () => {
    expect(issue('image-alt')).toEqual({
      checkId: 'image-alt',
      title: 'Image alt text',
      category: 'SEO',
      failingPages: 7,
      warningPages: 0,
      applicablePages: 25,
      examples: [0, 3, 6, 9, 12, 15, 18].map(url),
      // SEO is document-title 2, image-alt 1, title-length 0.5: image-alt passing on 7 more pages adds 7/25 of
      // its weight to SEO, which counts 0.4 of the overall score.
      estimatedGain: round1((0.4 * 100 * (7 / 25)) / 3.5),
      howToFix: expect.stringMatching(/alt attribute/),
    });
  });

  it('lists failing pages before warning pages in at most 10 examples', () => {
    expect(issue('title-length')).toMatchObject({ failingPages: 2, warningPages: 12, applicablePages: 25 });
    expect(issue('title-length')!.examples).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(url));
  });

  it('counts an origin-level check once, from the first page', () => {
    expect(issue('llms-txt')).toMatchObject({ failingPages: 1, warningPages: 0, applicablePages: 1, examples: [url(0)] });
    // AEO is citations 1.5 (passing) and llms.txt 1 (failing, counted once): 60.
    expect(report.aeoScore).toBe(60);
  });

  it('scores each category by the mean credit of its checks, and overall as a page is scored', () => {
    const seo = (100 * (2 + 1 * (18 / 25) + 0.5 * ((11 + 12 * 0.5) / 25))) / 3.5;
    expect(report.seoScore).toBe(Math.round(seo));
    expect(report.technicalScore).toBe(100);
    expect(report.overallScore).toBe(Math.round(0.4 * Math.round(seo) + 0.4 * 60 + 0.2 * 100));
    expect(report).toMatchObject({ indexablePages: 25, excludedPages: 0 });
  });

  it('keeps the page counts of every check, passing ones and origin-level ones (once) included', () => {
    expect(report.checks.map(({ checkId }) => checkId)).toEqual(IDS);
    expect(report.checks.find((check) => check.checkId === 'image-alt')).toEqual({
      checkId: 'image-alt',
      category: 'SEO',
      weight: 1,
      applicablePages: 25,
      passingPages: 18,
      warningPages: 0,
      failingPages: 7,
    });
    expect(report.checks.find((check) => check.checkId === 'title-length')).toMatchObject({ passingPages: 11, warningPages: 12, failingPages: 2 });
    expect(report.checks.find((check) => check.checkId === 'document-title')).toMatchObject({ applicablePages: 25, passingPages: 25 });
    expect(report.checks.find((check) => check.checkId === 'llms-txt')).toMatchObject({ applicablePages: 1, passingPages: 0, failingPages: 1 });
  });

  it('has no issue for a check that passes everywhere', () => {
    expect(report.issues.map((entry) => entry.checkId).sort()).toEqual(['image-alt', 'llms-txt', 'title-length']);
  });

  it('sums the gains of fixing everything to 100 minus the overall score, within rounding', () => {
    const gains = report.issues.reduce((sum, entry) => sum + entry.estimatedGain, 0);
    // Each gain is rounded to 0.05, the overall score is rounded from rounded categories (1 point).
    expect(Math.abs(gains - (100 - report.overallScore))).toBeLessThanOrEqual(1 + 0.05 * report.issues.length);
  });
});

describe('origin-level checks', () => {
  it('take the outcome of the first page that has them, whatever later pages say', () => {
    const pages = site(4, ['document-title', 'sitemap', 'robots-txt', 'ai-crawler-access'], {
      sitemap: (index) => (index === 0 ? 'WARN' : 'PASS'),
      'robots-txt': (index) => (index === 0 ? 'NOT_APPLICABLE' : 'FAIL'),
      'ai-crawler-access': (index) => (index === 0 ? 'PASS' : 'FAIL'),
    });
    const report = reportSite(pages);
    expect(report.issues.map(({ checkId, failingPages, warningPages, applicablePages }) => ({ checkId, failingPages, warningPages, applicablePages }))).toEqual([
      { checkId: 'sitemap', failingPages: 0, warningPages: 1, applicablePages: 1 },
    ]);
    expect(report).toMatchObject({ seoScore: 100, aeoScore: 100, technicalScore: 50 });
  });

  it('are counted from the first counted page, not from an excluded one', () => {
    const pages = [{ url: url(9), indexable: false, checks: [result('llms-txt', 'FAIL')] }, ...site(2, ['llms-txt'])];
    expect(reportSite(pages)).toMatchObject({ aeoScore: 100, issues: [] });
  });
});

describe('excluded pages', () => {
  it('leaves out pages that are not indexable or could not be analysed', () => {
    const counted = site(3, IDS, { 'image-alt': (index) => (index === 1 ? 'FAIL' : 'PASS') });
    const excluded: SitePage[] = [
      { url: 'https://shop.test/gone', indexable: false, checks: IDS.map((id) => result(id, 'FAIL')) },
      { url: 'https://shop.test/timeout', indexable: true, checks: null },
    ];
    const report = reportSite([excluded[0]!, ...counted, excluded[1]!]);
    expect(report).toEqual({ ...reportSite(counted), excludedPages: 2 });
    expect(report.indexablePages).toBe(3);
    expect(report.issues.flatMap((entry) => entry.examples)).toEqual([url(1)]);
  });

  it('scores 0 with no issues when no page counts', () => {
    const report = reportSite([{ url: url(0), indexable: false, checks: IDS.map((id) => result(id, 'FAIL')) }]);
    expect(report).toEqual({ overallScore: 0, seoScore: 0, aeoScore: 0, technicalScore: 0, indexablePages: 0, excludedPages: 1, issues: [], checks: [] });
    expect(reportSite([])).toMatchObject({ overallScore: 0, excludedPages: 0, issues: [] });
  });
});

describe('the order of issues', () => {
  it('puts the most points first, then the most failing pages, then the check id', () => {
    const ids = ['document-title', 'single-h1', 'heading-order', 'meta-description', 'image-alt', 'https'];
    const report = reportSite(
      site(4, ids, {
        // Weight 2 failing on one page: the biggest gain.
        'document-title': (index) => (index === 0 ? 'FAIL' : 'PASS'),
        // Weight 0.5 each: one FAIL and two WARNs lose the same credit.
        'heading-order': (index) => (index < 2 ? 'WARN' : 'PASS'),
        'single-h1': (index) => (index === 3 ? 'FAIL' : 'PASS'),
        // Weight 1 each, one FAIL each: equal gains and pages, ordered by id.
        'meta-description': (index) => (index === 2 ? 'FAIL' : 'PASS'),
        'image-alt': (index) => (index === 1 ? 'FAIL' : 'PASS'),
      }),
    );
    // SEO (possible weight 5) and TECHNICAL count, 0.4 and 0.2: a credit lost on a page costs its share of SEO's 2/3.
    const gain = (lostPerPage: number) => round1(((0.4 / 0.6) * 100 * (lostPerPage / 4)) / 5);
    expect(report.issues.map((entry) => [entry.checkId, entry.estimatedGain])).toEqual([
      ['document-title', gain(2)],
      ['image-alt', gain(1)],
      ['meta-description', gain(1)],
      ['single-h1', gain(0.5)],
      ['heading-order', gain(2 * 0.5 * 0.5)],
    ]);
  });
});

describe('a site of one page', () => {
  let fixture: FixtureAnalyzer;
  beforeAll(async () => {
    fixture = await startFixtureAnalyzer();
  });
  afterAll(() => fixture.close());

  const llms = '# Shop\n\n> Widgets for everyone.\n\n- [Catalogue](https://shop.test/catalogue): every widget\n';
  const fixtures: Record<string, PageFixture> = {
    'a bare page': { body: '<p>hello</p>' },
    'a small valid page': { body: page({ body: '<h1>Widgets</h1><img src="a.png"><a href="#">click here</a>' }) },
    'a page with its origin files': {
      body: page({
        head: '<meta name="description" content="Widgets of every size, shipped the next day from our own workshop.">',
        body: '<h1>Widgets</h1><h2>How long does delivery take?</h2><p>One day in 95% of orders.</p>',
      }),
      origin: {
        robotsTxt: { url: 'robots.txt', status: 200, body: 'User-agent: PerplexityBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n' },
        llmsTxt: { url: 'llms.txt', status: 200, body: llms },
        sitemap: { url: 'sitemap.xml', status: 200, body: '<urlset><url><loc>https://shop.test/</loc></url></urlset>' },
      },
    },
  };

  it.each(Object.keys(fixtures))('scores %s as scoreChecks does, with the gains overallGain gives', async (name) => {
    const analysed = await fixture.analyzePage(fixtures[name]!);
    const report = reportSite([{ url: analysed.finalUrl, indexable: true, checks: analysed.checks }]);
    const { seo, aeo, technical, overall } = analysed.scores;
    expect({ seo: report.seoScore, aeo: report.aeoScore, technical: report.technicalScore, overall: report.overallScore }).toEqual({ seo, aeo, technical, overall });

    const affected = analysed.checks.filter((check) => check.outcome === 'FAIL' || check.outcome === 'WARN');
    expect(affected.length).toBeGreaterThan(0);
    expect(Object.fromEntries(report.issues.map((entry) => [entry.checkId, entry.estimatedGain]))).toEqual(
      Object.fromEntries(affected.map((check) => [check.id, overallGain(analysed.checks, check.id)])),
    );
  });
});

describe('size', () => {
  it('reports 500 pages of every check', () => {
    const outcomes: CheckOutcome[] = ['PASS', 'WARN', 'FAIL', 'NOT_APPLICABLE'];
    const pages = Array.from({ length: 500 }, (_, index) => ({
      url: url(index),
      indexable: true,
      checks: CHECKS.map((check, position) => result(check.id, outcomes[(index * 7 + position) % outcomes.length]!)),
    }));
    const report = reportSite(pages);
    // Origin-level checks take page 0's outcome, which fails or warns for some of them only.
    const affected = CHECKS.filter((check, position) => !check.originLevel || ['WARN', 'FAIL'].includes(outcomes[position % outcomes.length]!));
    expect(report.issues.map((entry) => entry.checkId).sort()).toEqual(affected.map((check) => check.id).sort());
    expect(report.issues.every((entry) => entry.examples.length === (CHECKS.find((check) => check.id === entry.checkId)!.originLevel ? 1 : 10))).toBe(true);
  });
});

function round1(value: number): number {
  return Math.round(10 * value) / 10;
}
