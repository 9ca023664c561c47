import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { accessibilityViolations } from './accessibility';
import { useBrowserSession } from './browserSession';
import { screenshot, sidewaysOverflow } from './chromium';

const COMPARISON = `query ($id: ID!) { batch(id: $id) { comparison {
  ranking { rank overallScore seoScore aeoScore technicalScore target { id url isSubject } }
  checks { checkId category passedBy { id } failedBy { id } warnedBy { id } }
  gaps { checkId title }
  insights { title } } } }`;

interface Ranked {
  rank: number;
  overallScore: number;
  seoScore: number;
  aeoScore: number;
  technicalScore: number;
  target: { id: string; url: string; isSubject: boolean };
}
interface ApiComparison {
  ranking: Ranked[];
  checks: { checkId: string; category: string; passedBy: { id: string }[]; failedBy: { id: string }[]; warnedBy: { id: string }[] }[];
  gaps: { checkId: string; title: string }[];
  insights: { title: string }[];
}

const hostileName = `<script>window.pwned=1</script>"onload=alert(1) '&amp;`;
// A quote and an ampersand stay as they are in a URL's path (<, > and " are percent-encoded).
const hostilePath = "/it's&x=1'onmouseover='alert(1)";
const hostileTitle = `<img src=x onerror="window.pwned=1">"onload=alert(1)`;
const artifacts = path.resolve(import.meta.dirname, '../../test-artifacts/browser');

describe('the comparison: check matrix, score chart and printable report', () => {
  let app: TestApp;
  let site: FixtureSite;
  const session = useBrowserSession();
  let page: Page;
  let batchId: string;
  let comparison: ApiComparison;

  beforeAll(async () => {
    site = await startFixtureSite({
      '/good': pages.good,
      '/good-2': pages.good,
      '/medium-2': pages.medium,
      '/poor': pages.poor,
      '/poor-2': pages.poor,
      [hostilePath]: pages.medium.replace('<title>Widgets</title>', `<title>${hostileTitle.replace(/</g, '&lt;')}</title>`),
    });
    app = await startTestApp();
    const subject = site.url(hostilePath);
    const urls = ['/good', '/poor', '/good-2', '/medium-2', '/poor-2'].map((each) => site.url(each));
    batchId = await createBatch(app.graphqlUrl, { name: hostileName, urls: [...urls, subject], subjectUrl: subject });
    expect(await waitForBatchStatus(app.graphqlUrl, batchId)).toBe('COMPLETED');
    ({ batch: { comparison } } = await graphqlData<{ batch: { comparison: ApiComparison } }>(app.graphqlUrl, COMPARISON, { id: batchId }));
  });

  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  beforeEach(() => {
    page = session.page;
  });

  const subject = () => comparison.ranking.find((site) => site.target.isSubject)!;
  const matrixRows = () => page.locator('.matrix-table tr[data-check-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-check-id')));
  const matrixColumns = () => page.locator('.matrix-table thead th[data-target-id]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-target-id')));
  const box = (locator: Locator) => locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: Math.round(rect.top), left: Math.round(rect.left), bottom: Math.round(rect.bottom), right: Math.round(rect.right) };
  });

  async function openComparison() {
    await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(batchId)}/comparison`);
    await page.locator('.matrix-table tr[data-check-id]').first().waitFor();
  }

  it("pins the subject's column first, keeps the header row and check column in place while the matrix scrolls, filters and sorts", async () => {
    await openComparison();
    expect(subject().rank).toBeGreaterThan(1);
    const others = comparison.ranking.filter((site) => !site.target.isSubject);
    expect(await matrixColumns()).toEqual([subject().target.id, ...others.map((site) => site.target.id)]);

    const region = page.getByRole('region', { name: 'Check matrix' });
    const header = page.locator('.matrix-table thead th').first();
    const lastRowHead = page.locator('.matrix-table tr[data-check-id] th').last();
    const headerBefore = await box(header);
    const lastBefore = await box(lastRowHead);
    await region.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBeGreaterThan(200);
    expect(await box(header), 'the header row stays put as the rows scroll under it').toEqual(headerBefore);
    expect((await box(lastRowHead)).top).toBeLessThan(lastBefore.top - 200);
    await screenshot(page, 'matrix-scrolled-down');

    // On a phone the sites scroll sideways; the check column and the subject's column stay.
    await page.setViewportSize({ width: 390, height: 844 });
    await region.evaluate((element) => element.scrollTo({ top: 0, left: 0 }));
    await page.locator('.scroll-hint').waitFor();
    expect(await page.locator('.scroll-hint').textContent()).toContain('Scroll the table sideways');
    const checkCell = page.locator('.matrix-table tr[data-check-id] th').first();
    const subjectCell = page.locator('.matrix-table tr[data-check-id]').first().locator('td').first();
    const lastSiteCell = page.locator('.matrix-table tr[data-check-id]').first().locator('td').last();
    const [checkBefore, subjectBefore, lastSiteBefore] = [await box(checkCell), await box(subjectCell), await box(lastSiteCell)];
    await region.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(100);
    expect(await box(checkCell)).toEqual(checkBefore);
    expect(await box(subjectCell)).toEqual(subjectBefore);
    expect((await box(lastSiteCell)).left).toBeLessThan(lastSiteBefore.left - 100);
    await screenshot(page, 'matrix-phone-scrolled');
    expect(await sidewaysOverflow(page), 'only the matrix scrolls sideways, not the page').toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // A cell far down holds the grid's tab stop; filtering must not leave the grid without one.
    await page.locator('[data-cell="30-2"]').focus();
    await page.getByLabel('Gaps only').check();
    expect(comparison.gaps.length).toBeGreaterThan(0);
    await expect.poll(matrixRows).toEqual(expect.arrayContaining(comparison.gaps.map((gap) => gap.checkId)));
    expect((await matrixRows()).sort()).toEqual(comparison.gaps.map((gap) => gap.checkId).sort());
    expect(await page.locator('.cell[tabindex="0"]').getAttribute('data-cell')).toBe(`${comparison.gaps.length - 1}-2`);
    await page.getByLabel('Failures only').check();
    const failed = comparison.checks.filter((check) => check.failedBy.length > 0).map((check) => check.checkId);
    await expect.poll(async () => (await matrixRows()).sort()).toEqual(failed.sort());
    expect(failed.length).toBeLessThan(comparison.checks.length);
    await page.getByLabel('All checks').check();
    await expect.poll(async () => (await matrixRows()).length).toBe(comparison.checks.length);

    await page.getByLabel('Checks by').selectOption({ label: 'Check name' });
    await expect.poll(matrixRows).toEqual(comparison.checks.map((check) => check.checkId).sort((a, b) => a.localeCompare(b)));
    await page.getByLabel('Sites by').selectOption({ label: 'SEO score' });
    const bySeo = [...others].sort((a, b) => b.seoScore - a.seoScore || a.rank - b.rank);
    await expect.poll(matrixColumns).toEqual([subject().target.id, ...bySeo.map((site) => site.target.id)]);
    expect(await page.locator('.matrix-table thead th[data-target-id] .site-score').allTextContents()).toEqual(
      [subject(), ...bySeo].map((site) => String(site.seoScore)),
    );
  });

  it('shows the detail of a cell right where the pointer is, and where keyboard focus is', async () => {
    await openComparison();
    const cell = page.locator('.matrix-table tr[data-check-id]').nth(3).locator('.cell').nth(2);
    await cell.hover();
    const detail = page.locator('.matrix-detail');
    await detail.waitFor();
    const [cellBox, detailBox] = [await box(cell), await box(detail)];
    expect(detailBox.top - cellBox.bottom).toBeGreaterThanOrEqual(0);
    expect(detailBox.top - cellBox.bottom).toBeLessThanOrEqual(8);
    expect(detailBox.left).toBeLessThanOrEqual(cellBox.right);
    expect(detailBox.right).toBeGreaterThanOrEqual(cellBox.left);
    expect(await detail.textContent()).toContain((await cell.getAttribute('title'))!);
    await screenshot(page, 'matrix-hover');

    await page.mouse.move(0, 0);
    await page.locator('.cell[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const focused = page.locator('.cell:focus');
    expect(await focused.getAttribute('data-cell')).toBe('1-1');
    const [focusedBox, shownBox] = [await box(focused), await box(detail)];
    expect(shownBox.top - focusedBox.bottom).toBeGreaterThanOrEqual(0);
    expect(shownBox.top - focusedBox.bottom).toBeLessThanOrEqual(8);
    expect(await detail.textContent()).toContain((await focused.getAttribute('title'))!);
  });

  it('draws the scores side by side and offers the same values as a table', async () => {
    await openComparison();
    const chart = page.getByRole('figure', { name: 'Scores side by side' });
    await chart.locator('canvas').waitFor();
    expect(await chart.locator('.chart-legend li').allTextContents()).toEqual(['Overall', 'SEO', 'AEO', 'Technical', 'My site']);
    await screenshot(page, 'score-chart');
    expect(await accessibilityViolations(page)).toEqual([]);

    await chart.getByRole('button', { name: 'Show table' }).click();
    const rows = chart.locator('table.score-table tbody tr');
    await rows.first().waitFor();
    expect(await chart.locator('canvas').count()).toBe(0);
    const table = await rows.evaluateAll((items) =>
      items.map((row) => ({
        id: row.getAttribute('data-target-id'),
        subject: row.classList.contains('is-subject'),
        scores: [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent)),
      })),
    );
    expect(table).toEqual(
      comparison.ranking.map((site) => ({
        id: site.target.id,
        subject: site.target.isSubject,
        scores: [site.overallScore, site.seoScore, site.aeoScore, site.technicalScore],
      })),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await chart.getByRole('button', { name: 'Show chart' }).click();
    await chart.locator('canvas').waitFor();
  });

  it('downloads a printable report with every section, styled for print, hostile values shown as text', async () => {
    await openComparison();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Printable report' }).click()]);
    expect(file.suggestedFilename()).toMatch(/-report\.html$/);
    const html = await readFile((await file.path())!, 'utf8');
    // Hostile text shows as text: no element or attribute of its own.
    expect(html).not.toMatch(/<script|<img/i);
    await mkdir(artifacts, { recursive: true });
    const saved = path.join(artifacts, 'report.html');
    await writeFile(saved, html);

    await page.goto(pathToFileURL(saved).href);
    expect(await page.evaluate(() => document.querySelectorAll('script, img, [onload], [onmouseover], [onerror]').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('h1').textContent()).toBe(hostileName);
    expect(await page.title()).toBe(`${hostileName} · Vantage report`);
    expect(await page.locator('section h2').allTextContents()).toEqual([
      'Scores',
      'Scores side by side',
      `What to fix first on ${new URL(subject().target.url).host}${hostilePath}`,
      'Checks',
      'Insights',
    ]);
    expect(await page.locator('#ranking tbody th').allTextContents()).toEqual(
      comparison.ranking.map((site) => `${new URL(site.target.url).host}${new URL(site.target.url).pathname}${site.target.isSubject ? ' my site' : ''}`),
    );
    expect(await page.locator('#gaps tbody th').allTextContents()).toEqual(comparison.gaps.map((gap) => gap.title));
    expect(await page.locator('#matrix tbody tr').count()).toBe(comparison.checks.length);
    expect(await page.locator('#insights li').count()).toBe(comparison.insights.length);
    expect(await page.locator('#chart svg g').count()).toBe(comparison.ranking.length);
    expect(await accessibilityViolations(page)).toEqual([]);

    const printed = () =>
      page.evaluate(() => ({
        matrixBreak: getComputedStyle(document.querySelector('#matrix')!).breakBefore,
        bodyMargin: getComputedStyle(document.body).marginTop,
      }));
    expect(await printed()).toEqual({ matrixBreak: 'auto', bodyMargin: expect.not.stringMatching(/^0px$/) });
    await page.emulateMedia({ media: 'print' });
    expect(await printed()).toEqual({ matrixBreak: 'page', bodyMargin: '0px' });
    await page.screenshot({ path: path.join(artifacts, 'report-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The check matrix starts a page of its own, so the report is at least two pages long.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThanOrEqual(2);
    await writeFile(path.join(artifacts, 'report.pdf'), pdf);
  });
});
