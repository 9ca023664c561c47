import { readFile } from 'node:fs/promises';
import type { Page, Request, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { gate, startFixtureSite, type FixturePage, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { accessibilityViolations } from './accessibility';
import { useBrowserSession } from './browserSession';
import { screenshot, screenshots, sidewaysOverflow } from './chromium';

const COMPARISON = `query ($id: ID!) { batch(id: $id) { status comparison {
  ranking { rank overallScore seoScore aeoScore technicalScore target { id url isSubject } }
  checks { checkId category passedBy { id } failedBy { id } warnedBy { id } }
  gaps { checkId title estimatedGain }
  insights { title severity source } } } }`;
const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;

interface ApiGap {
  checkId: string;
  title: string;
  message: string;
  howToFix: string;
  estimatedGain: number;
  competitors: { url: string }[];
}

interface ApiComparison {
  ranking: { rank: number; overallScore: number; seoScore: number; aeoScore: number; technicalScore: number; target: { id: string; url: string; isSubject: boolean } }[];
  checks: { checkId: string; category: string; passedBy: { id: string }[]; failedBy: { id: string }[]; warnedBy: { id: string }[] }[];
  gaps: { checkId: string; title: string; estimatedGain: number }[];
  insights: { title: string; severity: string; source: string }[];
}

function heldUntil(opened: Promise<void>, html: string): FixturePage {
  return async (_req, res) => {
    await opened;
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  };
}

/** Where the progress bar and each target row sit, to the pixel. */
function rowLayout(page: Page) {
  return page.locator('[role="progressbar"], .target').evaluateAll((items) =>
    items.map((item) => {
      const box = item.getBoundingClientRect();
      return [box.top, box.height, box.width].map(Math.round);
    }),
  );
}

/** RFC 4180 rows, as a spreadsheet reads a CSV file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.matchAll(/((?:"(?:[^"]|"")*"|[^,\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^,\r\n]*))*)\r\n/g)) {
    const cells = [...line[1]!.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) =>
      cell!.startsWith('"') ? cell!.slice(1, -1).replace(/""/g, '"') : cell!,
    );
    rows.push(cells);
  }
  return rows;
}

async function fillUrls(page: Page, urls: string[]) {
  for (const [index, url] of urls.entries()) {
    if (index >= (await page.locator('.url-input').count())) await page.getByRole('button', { name: 'Add URL' }).click();
    await page.getByLabel(`URL ${index + 1}`, { exact: true }).fill(url);
  }
}

describe('the web client', () => {
  let app: TestApp;
  let site: FixtureSite;
  const session = useBrowserSession();
  let page: Page;
  const release = gate();
  const releaseSlow = gate();
  const releaseHeld = gate();

  beforeAll(async () => {
    site = await startFixtureSite({
      '/good': pages.good,
      '/blog/how-to-choose/trail-running-shoes': pages.medium,
      '/medium': pages.medium,
      // Held until the test has seen the batch page, so the page must follow the work live.
      '/poor': heldUntil(release.opened, pages.poor),
      '/slow': heldUntil(releaseSlow.opened, pages.medium),
      // Never answered while the tests run: a page still in hand when its batch is cancelled.
      '/held': heldUntil(releaseHeld.opened, pages.medium),
      // Refused at once, without retries: a target that fails while the rest are ranked.
      '/not-html': { headers: { 'content-type': 'text/plain' }, body: 'not a web page' },
      // The best page's HTML, answered with a 404: analysed, well scored, and not indexable.
      '/gone': { status: 404, body: pages.good },
    });
    app = await startTestApp();
  });

  afterAll(async () => {
    release.open();
    releaseSlow.open();
    releaseHeld.open();
    await app?.close();
    await site?.close();
  });

  beforeEach(() => {
    page = session.page;
  });

  it('runs an analysis of three sites live and shows the comparison the API computed', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.getByLabel('Name').fill('Widget shops');
    await fillUrls(page, [site.url('/medium'), site.url('/good'), site.url('/poor')]);
    await page.locator('[data-row="1"]').getByLabel('My site').check();
    await page.getByRole('button', { name: 'Analyse' }).click();

    await page.waitForURL(/\/batches\/[^/]+$/);
    const batchId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    // A marker on window survives client-side navigation and live updates, but not a reload.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const rows = page.locator('.target');
    await expect.poll(() => rows.count()).toBe(3);
    const held = page.locator('.target', { hasText: site.url('/poor') });
    await expect.poll(() => held.getAttribute('data-status')).toMatch(/PENDING|RUNNING/);
    const progress = page.getByRole('progressbar', { name: 'Batch progress' });
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100);
    // Two of three pages took the time so far: the third is expected to take about half as long again.
    await expect.poll(() => page.locator('p.summary').textContent(), { timeout: 20_000 }).toMatch(/^2 analysed, 1 running of 3 · \d+ s elapsed · about \d+ s left$/);
    await screenshot(page, 'batch-running');
    expect(await accessibilityViolations(page)).toEqual([]);
    const layoutWhileRunning = await rowLayout(page);

    release.open();
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('100');
    await expect.poll(() => rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
    await page.getByRole('link', { name: 'View comparison' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await rowLayout(page), 'rows keep their place and size as events stream in').toEqual(layoutWhileRunning);
    await screenshots(page, 'batch-finished');

    await page.getByRole('link', { name: 'View comparison' }).click();
    await page.locator('.rank-card').first().waitFor();
    const { batch } = await graphqlData<{ batch: { status: string; comparison: ApiComparison } }>(app.graphqlUrl, COMPARISON, { id: batchId });
    expect(batch.status).toBe('COMPLETED');
    const { comparison } = batch;

    const cards = await page.locator('.rank-card').evaluateAll((items) =>
      items.map((item) => ({
        id: item.getAttribute('data-target-id'),
        rank: item.querySelector('.rank')?.textContent,
        scores: [...item.querySelectorAll('.score')].map((score) => score.getAttribute('aria-label')),
      })),
    );
    expect(cards).toEqual(
      comparison.ranking.map((site) => ({
        id: site.target.id,
        rank: `#${site.rank}`,
        scores: [
          `Overall: ${site.overallScore} of 100`,
          `SEO: ${site.seoScore} of 100`,
          `AEO: ${site.aeoScore} of 100`,
          `Technical: ${site.technicalScore} of 100`,
        ],
      })),
    );
    expect(comparison.ranking.map((site) => site.target.url)).toEqual([site.url('/good'), site.url('/medium'), site.url('/poor')]);

    const grid = await page.locator('.matrix-table tr[data-check-id]').evaluateAll((items) =>
      items.map((item) => ({
        checkId: item.getAttribute('data-check-id')!,
        outcomes: [...item.querySelectorAll('td')].map((cell) => cell.getAttribute('data-outcome')),
      })),
    );
    expect(grid.map((row) => row.checkId).sort()).toEqual(comparison.checks.map((check) => check.checkId).sort());
    const expectedOutcome = (check: ApiComparison['checks'][number], targetId: string) => {
      const among = (targets: { id: string }[]) => targets.some((target) => target.id === targetId);
      if (among(check.passedBy)) return 'PASS';
      if (among(check.failedBy)) return 'FAIL';
      if (among(check.warnedBy)) return 'WARN';
      return 'NOT_APPLICABLE';
    };
    // The subject's column comes first, the others follow in rank order.
    const columns = [...comparison.ranking].sort((a, b) => Number(b.target.isSubject) - Number(a.target.isSubject));
    for (const check of comparison.checks) {
      const row = grid.find((candidate) => candidate.checkId === check.checkId)!;
      expect(row.outcomes, check.checkId).toEqual(columns.map((site) => expectedOutcome(check, site.target.id)));
    }
    // The fixture sites are chosen so that the grid shows every kind of cell.
    expect(new Set(grid.flatMap((row) => row.outcomes))).toEqual(new Set(['PASS', 'FAIL', 'WARN', 'NOT_APPLICABLE']));
    // The subject's gaps lead their category groups, and are listed on their own above the grid.
    expect(comparison.gaps.length).toBeGreaterThan(0);
    expect(await page.locator('.fix-list li').evaluateAll((items) => items.map((item) => item.getAttribute('data-check-id')))).toEqual(
      comparison.gaps.map((gap) => gap.checkId),
    );
    for (const gap of comparison.gaps) {
      await expect.poll(() => page.locator(`tr[data-check-id="${gap.checkId}"]`).getAttribute('class')).toBe('gap-row');
    }
    expect(await page.locator('.insight').count()).toBe(comparison.insights.length);

    // The downloads hold what the API answers, the CSVs as rows and columns a spreadsheet reads.
    const downloaded = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };
    const json = await downloaded('JSON');
    expect(json.name).toBe('Widget-shops.json');
    const fragment = await readFile(new URL('../../operations/comparison.graphql', import.meta.url), 'utf8');
    const api = await graphqlData(app.graphqlUrl, `query ($id: ID!) { batch(id: $id) { comparison { ...ComparisonFields } } } ${fragment}`, { id: batchId });
    expect(JSON.parse(json.text)).toEqual(api.batch.comparison);
    const checksCsv = parseCsv((await downloaded('Checks (CSV)')).text);
    expect(checksCsv[0]).toEqual(['Check', 'Category', ...comparison.ranking.map((site) => (site.target.isSubject ? `${site.target.url} (my site)` : site.target.url))]);
    expect(checksCsv[1]).toEqual(['Overall score', '', ...comparison.ranking.map((site) => String(site.overallScore))]);
    expect(checksCsv.slice(2).map((row) => row[0])).toEqual(comparison.checks.map((check) => check.checkId));
    for (const [index, check] of comparison.checks.entries()) {
      expect(checksCsv[index + 2]!.slice(2), check.checkId).toEqual(comparison.ranking.map((site) => expectedOutcome(check, site.target.id)));
    }
    const gapsCsv = parseCsv((await downloaded('Gaps (CSV)')).text);
    expect(gapsCsv[0]).toEqual(['Check', 'Check id', 'Category', 'Estimated gain (points)', 'Found on your page', 'How to fix', 'Competitors that pass']);
    expect(gapsCsv.slice(1).map((row) => [row[0], row[1], Number(row[3])])).toEqual(comparison.gaps.map((gap) => [gap.title, gap.checkId, gap.estimatedGain]));

    // Every cell's message is reachable by keyboard: focus the grid, move with the arrows.
    await page.locator('.cell[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    const focusedMessage = await page.evaluate(() => document.activeElement?.getAttribute('title'));
    expect(focusedMessage).toBeTruthy();
    expect(await page.locator('.matrix-detail').textContent()).toContain(focusedMessage!);
    await screenshot(page, 'comparison');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await sidewaysOverflow(page);
    expect(overflow, 'the page must not scroll sideways at phone width').toBeLessThanOrEqual(0);
    await screenshot(page, 'comparison-phone');

    await page.locator('.rank-site').first().click();
    await page.locator('table.checks').waitFor();
    expect(await page.locator('table.checks tr[data-check-id]').count()).toBeGreaterThan(0);
    await screenshots(page, 'page-detail');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('opens the comparison with what to fix first: gaps by estimated gain, each titled, found, how to fix and who passes', async () => {
    const mine = site.url('/medium');
    // Not /poor: it is held until the first test releases it, and this test must pass alone too.
    const id = await createBatch(app.graphqlUrl, { name: 'Fix first', urls: [site.url('/good'), mine], subjectUrl: mine });
    expect(await waitForBatchStatus(app.graphqlUrl, id)).toBe('COMPLETED');
    const { batch } = await graphqlData<{
      batch: { comparison: { gaps: ApiGap[] }; targets: { isSubject: boolean; analysis: { checks: { id: string; title: string; howToFix: string }[] } }[] };
    }>(
      app.graphqlUrl,
      `query ($id: ID!) { batch(id: $id) {
        comparison { gaps { checkId title message howToFix estimatedGain competitors { url } } }
        targets { isSubject analysis { checks { id title howToFix } } } } }`,
      { id },
    );
    const { gaps } = batch.comparison;
    // A gap and the subject's own check result name the check and its fix alike.
    const subjectChecks = batch.targets.find((target) => target.isSubject)!.analysis.checks;
    for (const gap of gaps) {
      expect(subjectChecks.find((check) => check.id === gap.checkId)).toEqual({ id: gap.checkId, title: gap.title, howToFix: gap.howToFix });
    }
    expect(gaps.length).toBeGreaterThan(2);
    const gains = gaps.map((gap) => gap.estimatedGain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    // Different gains, or the bars could not show them apart.
    expect(new Set(gains).size).toBeGreaterThan(1);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(id)}/comparison`);
    const list = page.locator('.fix-list li');
    await list.first().waitFor();
    // It opens the screen: the first section heading, before the ranking.
    const headings = await page.locator('.comparison h2').allTextContents();
    expect(headings[0]).toBe(`What to fix first on ${new URL(mine).host}/medium`);
    expect(headings.indexOf('Ranking')).toBeGreaterThan(0);

    const shown = await list.evaluateAll((items) =>
      items.map((item) => {
        const text = (selector: string) => item.querySelector(selector)?.textContent ?? null;
        const track = item.querySelector('.gain-track')!.getBoundingClientRect().width;
        return {
          checkId: item.getAttribute('data-check-id'),
          title: text('.fix-title'),
          gain: text('.fix-gain'),
          found: text('.fix-found'),
          howToFix: text('.fix-how'),
          passing: text('.fix-competitors'),
          bar: item.querySelector('.gain-fill')!.getBoundingClientRect().width / track,
        };
      }),
    );
    const largest = gains[0]!;
    expect(shown.map(({ bar: _bar, ...item }) => item)).toEqual(
      gaps.map((gap) => ({
        checkId: gap.checkId,
        title: gap.title,
        gain: `+${Number.isInteger(gap.estimatedGain) ? gap.estimatedGain : gap.estimatedGain.toFixed(1)} point${gap.estimatedGain === 1 ? '' : 's'}`,
        found: gap.message,
        howToFix: gap.howToFix,
        passing: gap.competitors.map((target) => new URL(target.url).host + new URL(target.url).pathname).join(', '),
      })),
    );
    for (const [index, gap] of gaps.entries()) {
      expect(shown[index]!.title, 'a plain title, not the check id').not.toBe(gap.checkId);
      expect(shown[index]!.bar, `${gap.checkId}: bar proportional to its gain`).toBeCloseTo(gap.estimatedGain / largest, 2);
    }
    await screenshot(page, 'fix-first');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await sidewaysOverflow(page), 'the page must not scroll sideways at phone width').toBeLessThanOrEqual(0);
    await screenshot(page, 'fix-first-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('says your site could not be analysed, and why, rather than that it passes every check', async () => {
    const mine = site.url('/not-html');
    const id = await createBatch(app.graphqlUrl, { name: 'Failed subject', urls: [mine, site.url('/good'), site.url('/medium')], subjectUrl: mine });
    expect(await waitForBatchStatus(app.graphqlUrl, id)).toBe('COMPLETED');
    const { batch } = await graphqlData<{ batch: { comparison: { notAnalysed: { error: string; target: { url: string } }[] } } }>(
      app.graphqlUrl,
      `query ($id: ID!) { batch(id: $id) { comparison { notAnalysed { error target { url } } } } }`,
      { id },
    );
    expect(batch.comparison.notAnalysed.map((entry) => entry.target.url)).toEqual([mine]);
    const { error } = batch.comparison.notAnalysed[0]!;

    await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(id)}/comparison`);
    await page.locator('.rank-card').first().waitFor();
    const shown = `${new URL(mine).host}/not-html`;
    expect(await page.locator('.notice', { hasText: 'Not ranked' }).textContent()).toBe(`Not ranked: ${shown} (${error})`);
    await page.getByRole('heading', { name: `What to fix first on ${shown}` }).waitFor();
    expect(await page.title()).toBe('Comparison · Failed subject · Vantage');
    expect(await page.locator('.comparison p.empty').allTextContents()).toContain('Your site could not be analysed, so it has no gaps to list.');
    expect(await page.getByText('passes every check').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('ranks a 404 page below an indexable site with a lower score and says why on its card', async () => {
    const [gone, medium] = [site.url('/gone'), site.url('/medium')];
    const id = await createBatch(app.graphqlUrl, { name: 'Gone page', urls: [gone, medium] });
    expect(await waitForBatchStatus(app.graphqlUrl, id)).toBe('COMPLETED');
    type Indexability = { indexable: boolean; excludedReason: string | null };
    const { batch } = await graphqlData<{
      batch: { comparison: { ranking: (Indexability & { overallScore: number; target: { url: string; analysis: Indexability } })[] } };
    }>(
      app.graphqlUrl,
      `query ($id: ID!) { batch(id: $id) { comparison { ranking {
        overallScore indexable excludedReason target { url analysis { indexable excludedReason } } } } } }`,
      { id },
    );
    const { ranking } = batch.comparison;
    expect(ranking.map((entry) => [entry.target.url, entry.indexable, entry.excludedReason])).toEqual([
      [medium, true, null],
      [gone, false, 'Answers 404'],
    ]);
    // Stored with the page's analysis, which says the same.
    expect(ranking.map((entry) => entry.target.analysis)).toEqual(ranking.map(({ indexable, excludedReason }) => ({ indexable, excludedReason })));
    // The rule, not the scores, puts it last.
    expect(ranking[1]!.overallScore).toBeGreaterThan(ranking[0]!.overallScore);

    await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(id)}/comparison`);
    await page.locator('.rank-card').first().waitFor();
    const cards = await page.locator('.rank-card').evaluateAll((items) =>
      items.map((item) => [item.querySelector('.rank')?.textContent, item.querySelector('.rank-excluded')?.textContent ?? null]),
    );
    expect(cards).toEqual([
      ['#1', null],
      ['#2', 'Not indexable: Answers 404'],
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  /** Pastes the lines into the first URL field, as a user pasting a list would. */
  async function pasteUrls(lines: string[]) {
    await page.getByLabel('URL 1', { exact: true }).evaluate((input, text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, `${lines.join('\n')}\n`);
  }
  const rowErrors = () => page.locator('.url-error').allTextContents();

  it("shows the server's validation message next to the offending URL and creates nothing", async () => {
    // A port only the server refuses: the form's own checks let it through.
    const badUrl = 'http://127.0.0.1:25/';
    const answer = await graphql(app.graphqlUrl, CREATE, { input: { name: 'bad', urls: [site.url('/good'), badUrl] } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    await page.goto(`${app.baseUrl}/`);
    // A pasted list fills one line per URL.
    await pasteUrls([site.url('/good'), badUrl]);
    expect(await page.locator('.url-input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([
      site.url('/good'),
      badUrl,
      '',
    ]);
    await page.getByRole('button', { name: 'Analyse' }).click();

    const badRow = page.locator('[data-row="2"]');
    await expect.poll(() => badRow.locator('.url-error').textContent()).toBe(answer.errors![0]!.message);
    expect(await badRow.locator('input.url-input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-row="1"] .url-error').textContent()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot(page, 'validation-error');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('flags every bad and duplicate URL at once before sending, counts the URLs against the limit and clears them all', async () => {
    const sent: string[] = [];
    const watch = (request: Request) => {
      if (request.method() === 'POST' && request.postData()?.includes('createBatch')) sent.push(request.url());
    };
    page.on('request', watch);
    await page.goto(`${app.baseUrl}/`);
    await pasteUrls(['not a url', 'example.com', 'ftp://x', site.url('/good'), `${site.url('/good')}#reviews`]);
    await expect.poll(() => page.locator('.url-count').textContent()).toBe('5 of at most 50 URLs');
    expect(await page.title()).toBe('New analysis · Vantage');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect.poll(rowErrors).toEqual([
      '"not a url" is not an absolute URL.',
      '',
      '"ftp://x" is not an http(s) URL.',
      '',
      `"${site.url('/good')}#reviews" is the same page as "${site.url('/good')}".`,
    ]);
    page.off('request', watch);
    expect(sent).toEqual([]);
    await screenshots(page, 'validation-every-row');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Clear all' }).click();
    expect(await page.locator('.url-input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['', '', '']);
    expect(await rowErrors()).toEqual(['', '', '']);
    expect(await page.locator('.url-count').textContent()).toBe('0 of at most 50 URLs');
  });

  it('takes a bare host as an https URL', async () => {
    await page.goto(`${app.baseUrl}/`);
    const bare = `${new URL(site.url('/good')).host}/good`;
    await page.getByLabel('URL 1', { exact: true }).fill(bare);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForURL('**/batches/*');
    await page.locator('.targets').getByText(`https://${bare}`).waitFor();
  });

  it('counts each page of a cancelled batch once, shows the cancellation as a notice, offers no retry but a partial comparison', async () => {
    // Two jobs (two pages at a time per host): /good then /not-html, /medium then /held.
    const urls = [site.url('/good'), site.url('/medium'), site.url('/not-html'), site.url('/held')];
    const id = await createBatch(app.graphqlUrl, { name: 'Cancelled midway', urls, subjectUrl: site.url('/medium') });
    const statuses = async () => {
      const { batch } = await graphqlData<{ batch: { targets: { url: string; status: string }[] } }>(
        app.graphqlUrl,
        'query ($id: ID!) { batch(id: $id) { targets { url status } } }',
        { id },
      );
      return batch.targets.map((target) => target.status);
    };
    await expect.poll(statuses, { timeout: 20_000 }).toEqual(['SUCCEEDED', 'SUCCEEDED', 'FAILED', 'RUNNING']);
    await graphqlData(app.graphqlUrl, 'mutation ($id: ID!) { cancelBatch(id: $id) { status } }', { id });

    await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(id)}`);
    await page.locator('[data-status="CANCELLED"]').first().waitFor();
    expect(await page.locator('p.summary').textContent()).toMatch(/^2 analysed, 1 failed, 1 cancelled of 4 · finished .+ after \d+ s$/);
    expect(await page.locator('.target', { hasText: site.url('/good') }).locator('.target-title').textContent()).toBe(
      'Acme widgets: prices and reviews',
    );
    // A row without a note is no taller than its URL and title need: no empty line kept for an error.
    const rowHeight = (path: string) => page.locator('.target', { hasText: site.url(path) }).evaluate((row) => row.getBoundingClientRect().height);
    expect(await rowHeight('/good')).toBeLessThan(await rowHeight('/not-html'));
    expect(await page.title()).toBe('Cancelled midway · Vantage');
    const notice = page.locator('.notice', { hasText: 'Cancelled by request.' });
    expect(await notice.getAttribute('class')).toBe('notice');
    expect(await page.getByRole('button', { name: 'Retry failed' }).count()).toBe(0);
    await screenshots(page, 'batch-cancelled');

    // The two pages analysed before the cancel are compared, marked partial; the others are named as not analysed.
    await page.getByRole('link', { name: 'View partial comparison' }).click();
    await page.locator('.rank-card').first().waitFor();
    expect(await page.locator('.notice-partial').textContent()).toMatch(/^Partial comparison: the batch was cancelled/);
    const { batch } = await graphqlData<{ batch: { comparison: null; partialComparison: { partial: boolean; ranking: { target: { url: string } }[]; notAnalysed: { error: string; target: { url: string } }[]; gaps: { checkId: string }[] } } }>(
      app.graphqlUrl,
      `query ($id: ID!) { batch(id: $id) { comparison { partial } partialComparison { partial ranking { target { url } } notAnalysed { error target { url } } gaps { checkId } } } }`,
      { id },
    );
    expect(batch.comparison).toBeNull();
    expect(batch.partialComparison.partial).toBe(true);
    expect(batch.partialComparison.ranking.map((entry) => entry.target.url)).toEqual([site.url('/good'), site.url('/medium')]);
    expect(batch.partialComparison.notAnalysed.map((entry) => [entry.target.url, entry.error])).toEqual([
      [site.url('/not-html'), expect.any(String)],
      [site.url('/held'), 'Cancelled before it was analysed.'],
    ]);
    expect(await page.locator('.rank-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-target-id')))).toHaveLength(2);
    expect(await page.locator('.fix-list li').count()).toBe(batch.partialComparison.gaps.length);
    expect(await page.locator('.notice', { hasText: 'Not ranked' }).textContent()).toContain('Cancelled before it was analysed.');
    expect(await page.title()).toBe('Comparison · Cancelled midway · Vantage');
    await screenshots(page, 'comparison-partial');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('wraps a long URL on a phone between its parts, never inside one, with the "my site" tag beside it', async () => {
    const long = site.url('/blog/how-to-choose/trail-running-shoes');
    const id = await createBatch(app.graphqlUrl, { name: 'Phone', urls: [long, site.url('/good')], subjectUrl: long });
    expect(await waitForBatchStatus(app.graphqlUrl, id)).toBe('COMPLETED');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(id)}/comparison`);
      const card = page.locator('.rank-card.is-subject');
      await card.waitFor();
      const layout = await card.evaluate((element) => {
        const link = element.querySelector('.rank-site')!;
        // Where each line starts: the text before and after every line break.
        const text = [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
        const breaks: string[] = [];
        let previousTop: number | null = null;
        let before = '';
        for (const node of text) {
          for (let index = 0; index < node.textContent!.length; index += 1) {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + 1);
            const top = Math.round(range.getBoundingClientRect().top);
            const char = node.textContent![index]!;
            if (previousTop !== null && top > previousTop) breaks.push(`${before.slice(-1)}|${char}`);
            previousTop = top;
            before += char;
          }
        }
        const tag = element.querySelector('.tag')!.getBoundingClientRect();
        const rank = element.querySelector('.rank')!.getBoundingClientRect();
        return { breaks, tagBesideRank: tag.top < rank.bottom && tag.bottom > rank.top };
      });
      // The URL is too long for one line here, and breaks only after a slash or a hyphen.
      expect(layout.breaks.length).toBeGreaterThan(0);
      for (const seam of layout.breaks) expect(seam).toMatch(/^[-/]\|/);
      expect(layout.tagBesideRank).toBe(true);
      await screenshot(page, 'ranking-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('lists batches newest first and links each to its page', async () => {
    const first = await createBatch(app.graphqlUrl, { name: 'Older batch', urls: [site.url('/good')] });
    const second = await createBatch(app.graphqlUrl, { name: 'Newer batch', urls: [site.url('/medium')] });

    await page.goto(`${app.baseUrl}/batches`);
    const rows = page.locator('table.batches tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const ids = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-batch-id')));
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    await expect
      .poll(() => page.locator(`tr[data-batch-id="${second}"] [data-status]`).getAttribute('data-status'), { timeout: 20_000 })
      .toBe('COMPLETED');
    await screenshots(page, 'batches');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Newer batch' }).click();
    await page.waitForURL(`**/batches/${encodeURIComponent(second)}`);
    await page.getByRole('heading', { name: 'Newer batch' }).waitFor();
  });

  it('puts batches created elsewhere at the top of the list as they are created, and follows them', async () => {
    await page.goto(`${app.baseUrl}/batches`);
    await page.locator('table.batches tbody tr').first().waitFor();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    // Nothing tells the page when its subscription is in place: create until one shows up.
    let created = '';
    await waitUntil(
      async () => {
        created = await createBatch(app.graphqlUrl, { name: 'Created elsewhere', urls: [site.url('/good')] });
        return page.locator(`tr[data-batch-id="${created}"]`).waitFor({ timeout: 2_000 }).then(() => true, () => false);
      },
      { what: 'a batch created elsewhere to appear in the list', intervalMs: 0 },
    );
    const rows = page.locator('table.batches tbody tr');
    expect(await rows.first().getAttribute('data-batch-id')).toBe(created);
    await expect
      .poll(() => page.locator(`tr[data-batch-id="${created}"] [data-status]`).getAttribute('data-status'), { timeout: 20_000 })
      .toBe('COMPLETED');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('picks up where it was after the socket drops: it resubscribes and the snapshot catches it up', async () => {
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      sockets.push(socket);
      socket.connectToServer();
    });
    const id = await createBatch(app.graphqlUrl, { name: 'Dropped socket', urls: [site.url('/good'), site.url('/slow')] });
    await page.goto(`${app.baseUrl}/batches/${encodeURIComponent(id)}`);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const statusOf = (path: string) => page.locator('.target', { hasText: site.url(path) }).getAttribute('data-status');
    await expect.poll(() => statusOf('/good'), { timeout: 20_000 }).toBe('SUCCEEDED');
    expect(await statusOf('/slow')).toMatch(/PENDING|RUNNING/);
    expect(sockets).toHaveLength(1);
    // The page may show /good from its first query before its socket is acknowledged.
    await expect.poll(() => page.locator('.connection').textContent()).toBe('Live');

    // Every state the indicator shows: the reconnection can be over before a poll would look.
    await page.evaluate(() => {
      const shown: string[] = [];
      const indicator = document.querySelector('.connection')!;
      new MutationObserver(() => shown.push(indicator.textContent ?? '')).observe(indicator, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      Object.assign(window, { connectionStates: shown });
    });
    // 1012 (service restart) is what a server going down for a deploy sends; clients retry it.
    await sockets[0]!.close({ code: 1012, reason: 'the test drops the socket' });
    await expect.poll(() => sockets.length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator('.connection').textContent()).toBe('Live');
    expect(await page.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates)).toContain(
      'Reconnecting…',
    );

    releaseSlow.open();
    await expect.poll(() => statusOf('/slow'), { timeout: 20_000 }).toBe('SUCCEEDED');
    expect(await page.getByRole('progressbar', { name: 'Batch progress' }).getAttribute('aria-valuenow')).toBe('100');
    await page.getByRole('link', { name: 'View comparison' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
