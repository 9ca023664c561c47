import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { accessibilityViolations } from './accessibility';
import { useBrowserSession } from './browserSession';
import { screenshots, sidewaysOverflow } from './chromium';

/** A page of the fixture sites: its title, its links, anything else for its head. */
function sitePage(title: string, links: string[], head = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head>
    <body><h1>${title}</h1><p>Some words about ${title}.</p>${links.map((href) => `<a href="${href}">${href}</a>`).join(' ')}</body></html>`;
}

// Written out here rather than taken from the client, so the test checks the screens against the API.
const SITES = `query ($id: ID!) { batch(id: $id) { targets { id url isSubject
  site { indexablePages excludedPages issues { checkId title failingPages warningPages applicablePages estimatedGain howToFix examples } } } } }`;
const PAGES = `query ($id: ID!, $onlyFailing: String, $onlyExcluded: Boolean) { node(id: $id) { ... on Target {
  pages(first: 100, onlyFailing: $onlyFailing, onlyExcluded: $onlyExcluded) { edges { node { url indexable excludedReason } } } } } }`;

interface ApiIssue {
  checkId: string;
  title: string;
  failingPages: number;
  warningPages: number;
  applicablePages: number;
  estimatedGain: number;
  howToFix: string;
  examples: string[];
}
interface ApiTarget {
  id: string;
  url: string;
  isSubject: boolean;
  site: { indexablePages: number; excludedPages: number; issues: ApiIssue[] } | null;
}

describe('crawled sites in the web client', () => {
  let app: TestApp;
  let mine: FixtureSite;
  let rival: FixtureSite;
  let long: FixtureSite;
  const session = useBrowserSession();
  let page: Page;
  const release = gate();

  beforeAll(async () => {
    mine = await startFixtureSite({
      '/': sitePage('Home', ['/a', '/b', '/hidden', '/slow']),
      '/a': pages.good.replace('</body>', '<a href="/">Home</a></body>'),
      '/b': pages.poor,
      '/hidden': sitePage('Hidden', ['/'], '<meta name="robots" content="noindex">'),
      // Answered once the test has seen the crawl in flight, so the screen must follow it live.
      '/slow': heldPage(release.opened, sitePage('Slow', ['/'])),
    });
    // 55 pages, a home page linking to the rest: more than the site page's 50 a page.
    const paths = Array.from({ length: 54 }, (_, index) => `/p/${index + 1}`);
    long = await startFixtureSite({ '/': sitePage('Home', paths), ...Object.fromEntries(paths.map((path) => [path, sitePage(path, ['/'])])) });
    rival = await startFixtureSite({ '/': pages.good.replace('</body>', '<a href="/more">More</a></body>'), '/more': pages.good });
    app = await startTestApp();
  });

  afterAll(async () => {
    release.open();
    await app?.close();
    await Promise.all([mine?.close(), rival?.close(), long?.close()]);
  });

  beforeEach(() => {
    page = session.page;
  });

  const meter = (site: FixtureSite) => page.getByRole('progressbar', { name: `Pages crawled on ${site.url('/')}` });
  const rowTexts = () => page.locator('table.crawled-pages tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-url')));

  async function apiPages(targetId: string, filter: { onlyFailing?: string; onlyExcluded?: boolean } = {}) {
    const { node } = await graphqlData<{ node: { pages: { edges: { node: { url: string } }[] } } }>(app.graphqlUrl, PAGES, { id: targetId, ...filter });
    return node.pages.edges.map((edge) => edge.node.url);
  }

  it('crawls two sites live, lists the subject site issues first, and filters a site page', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.getByLabel('Name').fill('Two sites');
    await page.getByLabel('URL 1', { exact: true }).fill(mine.url('/'));
    await page.getByLabel('URL 2', { exact: true }).fill(rival.url('/'));
    await page.locator('[data-row="1"]').getByLabel('My site').check();
    const pagesPerSite = page.getByLabel('Pages per site');
    expect(await pagesPerSite.inputValue()).toBe('1');
    expect(await page.locator('#pages-per-site-hint').textContent()).toMatch(/crawled.*two URLs of one site are refused/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await pagesPerSite.fill('0');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect.poll(() => page.locator('#form-error').textContent()).toMatch(/Pages per site must be a whole number from 1 to 500/);
    expect(page.url()).toBe(`${app.baseUrl}/`);
    await pagesPerSite.fill('10');
    // Two URLs of one site are one site to a crawl: the server refuses them, and the form says so on the row.
    await page.getByLabel('URL 2', { exact: true }).fill(mine.url('/a'));
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect.poll(() => page.locator('[data-row="2"] .url-error').textContent()).toMatch(/same site/);
    expect(page.url()).toBe(`${app.baseUrl}/`);
    await page.getByLabel('URL 2', { exact: true }).fill(rival.url('/'));
    await page.getByRole('button', { name: 'Analyse' }).click();

    await page.waitForURL(/\/batches\/[^/]+$/);
    const batchId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    // The held page keeps my site's crawl open: the screen shows it found five pages and finished fewer.
    await expect
      .poll(() => meter(mine).getAttribute('aria-valuemax'), { timeout: 30_000 })
      .toBe('5');
    expect(Number(await meter(mine).getAttribute('aria-valuenow'))).toBeLessThan(5);
    expect(await page.locator('p.summary').textContent()).toMatch(/of 2 sites · \d+ of \d+ pages crawled/);
    await screenshots(page, 'sites-crawling');
    expect(await accessibilityViolations(page)).toEqual([]);

    release.open();
    await expect.poll(() => meter(mine).getAttribute('aria-valuetext'), { timeout: 30_000 }).toBe('5 of 5 pages');
    await expect.poll(() => meter(rival).getAttribute('aria-valuetext')).toBe('2 of 2 pages');
    expect(await waitForBatchStatus(app.graphqlUrl, batchId)).toBe('COMPLETED');
    await page.getByRole('link', { name: 'View comparison' }).click();

    const { batch } = await graphqlData<{ batch: { targets: ApiTarget[] } }>(app.graphqlUrl, SITES, { id: batchId });
    const subject = batch.targets.find((target) => target.isSubject)!;
    const issues = subject.site!.issues;
    expect(issues.length).toBeGreaterThan(1);
    const gains = issues.map((issue) => issue.estimatedGain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    await page.locator('table.site-issues tbody tr').first().waitFor();
    expect(await page.locator('#fix-first-title').textContent()).toBe(`What to fix first on ${new URL(mine.origin).host}`);
    expect(await page.getByRole('heading', { name: 'Sites ranked' }).count()).toBe(1);
    const rows = page.locator('table.site-issues tbody tr');
    expect(await rows.evaluateAll((items) => items.map((row) => row.getAttribute('data-check-id')))).toEqual(issues.map((issue) => issue.checkId));
    const first = rows.first();
    expect(await first.locator('th').textContent()).toContain(issues[0]!.title);
    expect(await first.locator('.issue-how').textContent()).toBe(issues[0]!.howToFix);
    const reach = [issues[0]!.failingPages && `${issues[0]!.failingPages} failing`, issues[0]!.warningPages && `${issues[0]!.warningPages} warning`].filter(Boolean);
    expect(await first.locator('.issue-reach').textContent()).toBe(`${reach.join(', ')} of ${issues[0]!.applicablePages} page${issues[0]!.applicablePages === 1 ? '' : 's'}`);
    const examples = issues[0]!.examples;
    expect(examples.length).toBeGreaterThan(3);
    expect(await first.locator('.issue-examples li').allTextContents()).toEqual([...examples.slice(0, 3), `and ${examples.length - 3} more`]);
    await screenshots(page, 'sites-comparison');
    expect(await sidewaysOverflow(page), 'only the issue table scrolls sideways at phone width').toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The subject's ranking card leads to its site page: every crawled page, then narrowed by the filters.
    await page.locator(`.rank-card[data-target-id="${subject.id}"] a.rank-site`).click();
    await page.waitForURL(new RegExp(`/batches/[^/]+/sites/[^/]+$`));
    await page.locator('table.crawled-pages tbody tr').first().waitFor();
    const all = await apiPages(subject.id);
    expect(all).toHaveLength(5);
    expect(await rowTexts()).toEqual(all);
    expect(await page.locator('.site-page .summary').textContent()).toBe(
      `5 of 5 pages crawled · ${subject.site!.indexablePages} indexable, ${subject.site!.excludedPages} excluded`,
    );

    const failing = issues.find((issue) => issue.failingPages > 0 && issue.failingPages < subject.site!.indexablePages)!;
    expect(failing, 'an issue that fails on some pages and not others').toBeDefined();
    await page.getByLabel('Failing check').selectOption(failing.checkId);
    const failingPages = await apiPages(subject.id, { onlyFailing: failing.checkId });
    // The filter lists excluded pages that fail the check too; the issue counts indexable ones only.
    expect(failingPages.length).toBeGreaterThanOrEqual(failing.failingPages);
    expect(failingPages.length).toBeLessThan(all.length);
    await expect.poll(rowTexts).toEqual(failingPages);
    await screenshots(page, 'sites-site-page-filtered');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Failing check').selectOption('');
    await page.getByLabel('Excluded pages only').check();
    await expect.poll(rowTexts).toEqual([mine.url('/hidden')]);
    expect(await page.locator('table.crawled-pages tbody tr td').nth(1).textContent()).toMatch(/^No: .*noindex/i);
    expect(await page.locator('.site-page .counts').textContent()).toBe('1 page match');
  }, 90_000);

  it('pages through a site of more than 50 pages', async () => {
    const batchId = await createBatch(app.graphqlUrl, { name: 'Long site', urls: [long.url('/')], maxPagesPerSite: 60 });
    expect(await waitForBatchStatus(app.graphqlUrl, batchId, undefined, 60_000)).toBe('COMPLETED');
    const { batch } = await graphqlData<{ batch: { targets: ApiTarget[] } }>(app.graphqlUrl, SITES, { id: batchId });
    const targetId = batch.targets[0]!.id;
    const all = await apiPages(targetId);
    expect(all).toHaveLength(55);

    await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(batchId)}/sites/${encodeURIComponent(targetId)}`);
    await page.locator('table.crawled-pages tbody tr').first().waitFor();
    expect(await rowTexts()).toEqual(all.slice(0, 50));
    expect(await page.locator('.site-page .counts').textContent()).toBe('55 pages');
    await page.getByRole('button', { name: 'Show more pages' }).click();
    await expect.poll(rowTexts).toEqual(all);
    expect(await page.getByRole('button', { name: 'Show more pages' }).count()).toBe(0);
  }, 90_000);
});
