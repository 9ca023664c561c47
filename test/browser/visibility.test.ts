import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { openAiAnswer, perplexityAnswer, startEngineServer, type EngineServer, type Reply } from '../visibility/engineServer';
import { accessibilityViolations } from './accessibility';
import { useBrowserSession } from './browserSession';
import { screenshot, screenshots, sidewaysOverflow } from './chromium';

const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const RESULTS = `query ($id: ID!) { node(id: $id) { ... on VisibilityAudit {
  requestsTotal
  brands { brand { name } isSubject shareOfVoice mentionRate mentionRateLow mentionRateHigh byEngine { engine mentionRate mentionRateLow mentionRateHigh } }
  promptResults { prompt lost }
  citedDomains { domain }
  insights { title }
  citedPagesBatch { id }
} } }`;

/** An answer that tries to be markup: the screen must show it as the characters it is. */
const HOSTILE = 'Rival is recommended for beginners <img src=x onerror="window.injected=1"> and <b>bold</b> about it.';

const percent = (share: number) => `${Math.round(share * 100)}%`;

async function createProject(app: TestApp, name: string, prompts: string[]): Promise<string> {
  const { createProject } = await graphqlData<{ createProject: { id: string } }>(app.graphqlUrl, CREATE, {
    input: {
      name,
      market: 'trail running shoes',
      brand: { name: 'Acme', aliases: ['Acme Trail'], domains: ['acme.com'] },
      competitors: [
        { name: 'Rival', domains: ['rival.com'] },
        { name: 'Zenith', domains: ['zenith.io'] },
      ],
      prompts,
    },
  });
  return createProject.id;
}

describe('the visibility screen', () => {
  let app: TestApp;
  let engines: EngineServer;
  let cited: FixtureSite;
  const session = useBrowserSession();
  let page: Page;
  // The engines answer only once the test has seen the audit going: the screen must follow it live.
  const release = gate();
  // Never opened while the cancelled audit runs.
  const never = gate();

  beforeAll(async () => {
    cited = await startFixtureSite({ '/best-for-beginners': pages.good });
    const answers: Record<string, Record<string, Reply>> = {
      gpt: {
        'best trail shoes': openAiAnswer('For trail shoes, Acme is the best choice. Rival is also good.', ['https://acme.com/trail']),
        'shoes for beginners': openAiAnswer(HOSTILE),
      },
      pplx: {
        'best trail shoes': perplexityAnswer('Acme leads; Zenith follows.', ['https://acme.com/a', 'https://outdoor.example.net/best']),
        'shoes for beginners': perplexityAnswer('Rival is best for beginners.', [cited.url('/best-for-beginners')]),
      },
    };
    engines = await startEngineServer(async (request) => {
      if (request.prompt === 'a prompt never answered') await never.opened;
      await release.opened;
      return answers[request.engine]?.[request.prompt] ?? openAiAnswer('No idea.');
    });
    const engine = (name: string, kind: string) => ({ name, kind, baseUrl: engines.baseUrl(name), model: `${name}-model` });
    app = await startTestApp({
      ANSWER_ENGINES: JSON.stringify([engine('gpt', 'openai-chat'), engine('pplx', 'perplexity')]),
      ANSWER_RETRIES: '0',
      ANSWER_TIMEOUT_MS: '60000',
      QUEUE_POLL_SECONDS: '0.5',
    });
  });

  afterAll(async () => {
    release.open();
    never.open();
    await app?.close();
    await engines?.close();
    await cited?.close();
  });

  beforeEach(async () => {
    page = session.page;
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('runs an audit from the project screen, follows it live and shows who the engines named and cited', async () => {
    const projectId = await createProject(app, 'Trail shoes', ['best trail shoes', 'shoes for beginners']);
    await page.goto(`${app.baseUrl}/projects/${encodeURIComponent(projectId)}`);
    await page.getByRole('heading', { name: 'Trail shoes' }).waitFor();
    // The audits' part of the screen has loaded: with an engine configured, a button and no hint.
    await page.getByRole('button', { name: 'Run visibility audit' }).waitFor();
    expect(await page.getByTestId('engine-hint').count()).toBe(0);
    await page.getByRole('button', { name: 'Run visibility audit' }).click();
    await page.waitForURL(/\/visibility\/[^/]+$/);
    const auditId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    // Going: every request held at the engines.
    const screen = page.locator('section.visibility-audit');
    await expect.poll(() => screen.getAttribute('data-stage'), { timeout: 20_000 }).toBe('ASKING');
    expect(await screen.getAttribute('data-status')).toBe('RUNNING');
    expect(await page.getByTestId('visibility-stage').textContent()).toBe('Asking the engines');
    // 2 prompts × 2 engines × 3 samples.
    expect(await page.getByTestId('visibility-requests').textContent()).toBe('0 of 12 requests done · 0 tokens');
    await page.getByRole('button', { name: 'Cancel audit' }).waitFor();

    release.open();
    await expect.poll(() => screen.getAttribute('data-status'), { timeout: 30_000 }).toBe('COMPLETED');
    expect(await page.getByTestId('visibility-requests').textContent()).toMatch(/^12 of 12 requests done · [\d,]+ tokens$/);
    expect(await page.getByRole('button', { name: 'Cancel audit' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    const { node: audit } = await graphqlData(app.graphqlUrl, RESULTS, { id: auditId });
    expect(audit.brands.map((row: { brand: { name: string } }) => row.brand.name)).toEqual(['Acme', 'Rival', 'Zenith']);

    // Share of voice: one bar per brand, the brand first and marked.
    const bars = page.locator('.sov-bars .sov-row');
    await bars.first().waitFor();
    expect(await bars.evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-brand'), row.querySelector('.sov-value')!.textContent]))).toEqual(
      audit.brands.map((row: { brand: { name: string }; shareOfVoice: number }) => [row.brand.name, percent(row.shareOfVoice)]),
    );
    expect(await bars.first().getAttribute('class')).toContain('sov-subject');
    expect(await bars.first().locator('.tag').textContent()).toBe('your brand');

    // The heatmap: a row per brand, a column per engine and all engines, the interval with each value.
    const heat = page.locator('table.heatmap');
    expect(await heat.locator('thead th').allTextContents()).toEqual(['Brand', 'gpt', 'pplx', 'All engines']);
    type Rate = { engine?: string; mentionRate: number; mentionRateLow: number; mentionRateHigh: number };
    const cell = (rate: Rate) => `${percent(rate.mentionRate)}95% interval ${percent(rate.mentionRateLow)}–${percent(rate.mentionRateHigh)}`;
    expect(await heat.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)))).toEqual(
      audit.brands.map((row: Rate & { byEngine: Rate[] }) => [...['gpt', 'pplx'].map((engine) => cell(row.byEngine.find((each) => each.engine === engine)!)), cell(row)]),
    );
    // Reached by keyboard: from the table's scroll region, Tab lands on the first cell, which shows its interval.
    await page.getByRole('region', { name: 'Mention rate per engine and brand' }).focus();
    await page.keyboard.press('Tab');
    const focused = heat.locator('td.heat:focus');
    expect(await focused.locator('.heat-value').textContent()).toBe(percent(audit.brands[0].byEngine.find((each: Rate) => each.engine === 'gpt').mentionRate));
    expect((await focused.locator('.heat-interval').boundingBox())!.width).toBeGreaterThan(20);
    expect((await heat.locator('tbody tr').nth(1).locator('.heat-interval').first().boundingBox())!.width).toBeLessThanOrEqual(1);

    // Prompts: the lost one first, although the project lists it second.
    expect(audit.promptResults).toEqual([
      { prompt: 'best trail shoes', lost: false },
      { prompt: 'shoes for beginners', lost: true },
    ]);
    const rows = page.locator('table.prompts tr.prompt-row');
    expect(await rows.evaluateAll((all) => all.map((row) => [row.querySelector('th')!.firstChild!.textContent, row.getAttribute('data-lost')]))).toEqual([
      ['shoes for beginners', 'true'],
      ['best trail shoes', 'false'],
    ]);
    expect(await rows.first().locator('.lost-badge').textContent()).toBe('Lost');

    // Its answers: the hostile one shown as the characters it is, the mention marked, no element made of it.
    await rows.first().getByRole('button', { name: /Show answers/ }).click();
    const answers = page.locator('.answers-row .answer');
    await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(6);
    const hostile = page.locator('.answer[data-engine="gpt"]').first();
    expect(await hostile.locator('.answer-text').textContent()).toBe(HOSTILE);
    expect(await hostile.locator('.answer-text mark').evaluateAll((marks) => marks.map((mark) => [mark.textContent, mark.getAttribute('data-brand')]))).toEqual([
      ['Rival', 'Rival'],
    ]);
    expect(await hostile.locator('.answer-text *:not(mark)').count()).toBe(0);
    expect(await page.evaluate(() => ({ images: document.querySelectorAll('img').length, bold: document.querySelectorAll('.answer b').length, injected: 'injected' in window }))).toEqual({
      images: 0,
      bold: 0,
      injected: false,
    });
    const pplx = page.locator('.answer[data-engine="pplx"]').first();
    expect(await pplx.locator('.answer-citations a').getAttribute('href')).toBe(cited.url('/best-for-beginners'));

    // The won prompt: both brands marked where the answer names them, the project's own set apart.
    await rows.nth(1).getByRole('button', { name: /Show answers/ }).click();
    const won = page.locator('.answer[data-engine="gpt"]').nth(3);
    await won.waitFor();
    expect(await won.locator('mark').evaluateAll((marks) => marks.map((mark) => [mark.textContent, mark.className]))).toEqual([
      ['Acme', 'mention mention-subject'],
      ['Rival', 'mention'],
    ]);

    // Cited domains, most cited first; the cited pages' batch; the insights.
    expect(await page.locator('table.cited-domains tbody tr').evaluateAll((all) => all.map((row) => row.getAttribute('data-domain')))).toEqual(
      audit.citedDomains.map((domain: { domain: string }) => domain.domain),
    );
    expect(audit.insights.length).toBeGreaterThan(0);
    expect((await page.locator('.insights .insight h3').allTextContents()).sort()).toEqual(audit.insights.map((insight: { title: string }) => insight.title).sort());
    expect(audit.citedPagesBatch).not.toBeNull();
    const link = page.getByRole('link', { name: 'Compare the pages the engines cited with yours' });
    expect(await link.getAttribute('href')).toBe(`/batches/${encodeURIComponent(audit.citedPagesBatch.id)}`);

    await screenshot(page, 'visibility-audit');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show table' }).click();
    expect(await page.locator('table.brand-scores tbody th').allTextContents()).toEqual(['Acmeyour brand', 'Rival', 'Zenith']);
    expect(await page.getByRole('button', { name: 'Show bars' }).getAttribute('aria-pressed')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => sidewaysOverflow(page), { timeout: 20_000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'visibility-audit-phone');

    // The project lists the audit, linked to this screen; the cited pages' batch opens on its own screen.
    await link.click();
    await page.waitForURL(`${app.baseUrl}/batches/${encodeURIComponent(audit.citedPagesBatch.id)}`);
    await page.goto(`${app.baseUrl}/projects/${encodeURIComponent(projectId)}`);
    const listed = page.locator(`table.visibility-runs tr[data-audit-id="${auditId}"]`);
    expect(await listed.locator('[data-status]').getAttribute('data-status')).toBe('COMPLETED');
    expect(await listed.getByRole('link').getAttribute('href')).toBe(`/visibility/${encodeURIComponent(auditId)}`);

    // The dashboard charts the audit's visibility metrics over time, in percent, as the API's history has them.
    type Series = { brand: { name: string }; points: { value: number }[] };
    const { project } = await graphqlData<{ project: { history: Series[] } }>(
      app.graphqlUrl,
      `query ($id: ID!) { project(id: $id) { history(metric: SHARE_OF_VOICE) { brand { name } points { value } } } }`,
      { id: projectId },
    );
    expect(project.history.length).toBeGreaterThan(1);
    const legend = page.locator('figure[data-metric="shareOfVoice"] .chart-legend li');
    await expect
      .poll(async () => (await legend.allInnerTexts()).map((text) => text.replace('your brand', '').replace(/\s+/g, ' ').trim()), { timeout: 20_000 })
      .toEqual(project.history.map((series) => `${series.brand.name} ${Math.round(series.points[0]!.value * 1000) / 10}`));
    expect(await page.locator('figure[data-metric="mentionRate"] canvas').count()).toBe(1);
  }, 90_000);

  it('cancels a running audit from its screen', async () => {
    const projectId = await createProject(app, 'Cancelled', ['a prompt never answered']);
    await page.goto(`${app.baseUrl}/projects/${encodeURIComponent(projectId)}`);
    await page.getByRole('button', { name: 'Run visibility audit' }).click();
    const screen = page.locator('section.visibility-audit');
    await expect.poll(() => screen.getAttribute('data-stage'), { timeout: 20_000 }).toBe('ASKING');
    await page.getByRole('button', { name: 'Cancel audit' }).click();
    await expect.poll(() => screen.getAttribute('data-status'), { timeout: 20_000 }).toBe('CANCELLED');
    expect(await page.getByTestId('visibility-requests').textContent()).toBe('0 of 6 requests done · 0 tokens');
    expect(await page.locator('.visibility-results').count()).toBe(0);
  });
});

describe('the visibility screen without an answer engine', () => {
  let app: TestApp;
  const session = useBrowserSession();

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says how to configure one instead of offering a button that fails', async () => {
    const page = session.page;
    const projectId = await createProject(app, 'Unasked', ['best trail shoes']);
    await page.goto(`${app.baseUrl}/projects/${encodeURIComponent(projectId)}`);
    const hint = page.getByTestId('engine-hint');
    await hint.waitFor();
    expect(await hint.locator('code').first().textContent()).toBe('ANSWER_ENGINES');
    expect(await hint.textContent()).toContain('Answer engines');
    expect(await page.getByRole('button', { name: 'Run visibility audit' }).count()).toBe(0);
    await screenshots(page, 'visibility-no-engine');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
