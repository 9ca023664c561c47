import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { accessibilityViolations } from './accessibility';
import { useBrowserSession } from './browserSession';
import { screenshot, screenshots, sidewaysOverflow } from './chromium';

const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;

describe('a project dashboard over time', () => {
  let app: TestApp;
  let own: FixtureSite;
  const session = useBrowserSession();
  let page: Page;

  beforeAll(async () => {
    own = await startFixtureSite({ '/': pages.good });
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
    await own?.close();
  });

  beforeEach(async () => {
    page = session.page;
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('charts the scores of every run and lists what changed after a second run against a page that changed', async () => {
    let rivalPage = pages.medium;
    const changing = await startFixtureSite({
      '/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }).end(rivalPage);
      },
    });
    const mine = await startFixtureSite({ '/': pages.good });
    try {
      const { createProject } = await graphqlData<{ createProject: { id: string } }>(app.graphqlUrl, CREATE, {
        input: { name: 'Watched', brand: { name: 'Mine', domains: [mine.origin] }, competitors: [{ name: 'Rival Shoes', domains: [changing.origin] }] },
      });
      await page.goto(`${app.baseUrl}/projects/${encodeURIComponent(createProject.id)}`);
      await page.getByRole('heading', { name: 'Watched' }).waitFor();
      await page.locator('p.empty', { hasText: 'No changes yet' }).waitFor();
      expect(await page.locator('.change-feed').count()).toBe(0);

      const live = page.locator('.live-run');
      const runAndWait = async (runs: number) => {
        await page.getByRole('button', { name: 'Run site audit' }).click();
        await expect.poll(() => page.locator('table.runs tbody tr').count(), { timeout: 20_000 }).toBe(runs);
        await expect.poll(() => live.getAttribute('data-status'), { timeout: 20_000 }).toBe('COMPLETED');
      };
      await runAndWait(1);
      // Between the runs the rival's page gets a title, a description and an answer.
      rivalPage = pages.good.replace('Acme widgets', 'Rival widgets');
      await runAndWait(2);

      const { project } = await graphqlData<{
        project: { history: { brand: { name: string }; points: { value: number }[] }[]; changes: { edges: { node: { message: string; kind: string } }[] } };
      }>(
        app.graphqlUrl,
        `query ($id: ID!) { project(id: $id) { history(metric: OVERALL_SCORE) { brand { name } points { value } } changes { edges { node { message kind } } } } }`,
        { id: createProject.id },
      );
      const changes = project.changes.edges.map((edge) => edge.node);
      expect(changes.map((change) => change.kind)).toContain('SCORE_UP');
      const feed = page.locator('.change-feed .change');
      await expect.poll(() => feed.locator('.change-message').allTextContents(), { timeout: 20_000 }).toEqual(changes.map((change) => change.message));
      expect(await feed.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual(changes.map((change) => change.kind));

      const overall = page.locator('figure[data-metric="overall"]');
      await overall.locator('canvas').first().waitFor();
      expect(await page.locator('figure.history-chart').count()).toBe(4);
      expect(await overall.locator('.chart-legend li').allTextContents()).toEqual(
        project.history.map((series, index) => `${series.brand.name}${index === 0 ? 'your brand' : ''}${series.points.at(-1)!.value}`),
      );
      await screenshot(page, 'project-monitoring');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The same values as a table, one row per run, one column per brand.
      await overall.getByRole('button', { name: 'Show table' }).click();
      const cells = await overall.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent))));
      expect(cells).toEqual([0, 1].map((run) => project.history.map((series) => series.points[run]!.value)));
      expect(await overall.getByRole('button', { name: 'Show chart' }).getAttribute('aria-pressed')).toBe('true');
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => sidewaysOverflow(page), { timeout: 20_000 }).toBeLessThanOrEqual(0);
      await screenshot(page, 'project-monitoring-phone');
    } finally {
      await Promise.all([changing.close(), mine.close()]);
    }
  }, 60_000);

  it('follows a run started elsewhere through projectEvents, and keeps webhooks with their deliveries', async () => {
    const receiver = await startFixtureSite({ '/hook': 'ok' });
    const hold = gate();
    const slow = await startFixtureSite({ '/': heldPage(hold.opened, pages.medium) });
    try {
      const { createProject } = await graphqlData<{ createProject: { id: string } }>(app.graphqlUrl, CREATE, {
        input: { name: 'Hooked', brand: { name: 'Mine', domains: [own.origin] }, competitors: [{ name: 'Slow', domains: [slow.origin] }] },
      });
      await page.goto(`${app.baseUrl}/projects/${encodeURIComponent(createProject.id)}`);
      await page.getByRole('heading', { name: 'Hooked' }).waitFor();
      await expect.poll(() => page.locator('.connection').textContent(), { timeout: 20_000 }).toBe('Live');
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));

      // Started by another client: the dashboard hears of it and follows it to its end.
      await graphqlData(app.graphqlUrl, `mutation ($id: ID!) { runSiteAudit(projectId: $id) { id } }`, { id: createProject.id });
      await expect.poll(() => page.locator('.live-run').getAttribute('data-status'), { timeout: 20_000 }).toMatch(/PENDING|RUNNING/);
      hold.open();
      await expect.poll(() => page.locator('.live-run').getAttribute('data-status'), { timeout: 20_000 }).toBe('COMPLETED');
      await expect.poll(() => page.locator('table.runs tbody tr [data-status]').first().getAttribute('data-status'), { timeout: 20_000 }).toBe('COMPLETED');
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByLabel('Webhook URL').fill(receiver.url('/hook'));
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const secret = page.getByTestId('webhook-secret');
      await secret.waitFor();
      await page.getByRole('button', { name: 'Copy secret' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await secret.textContent());
      const hook = page.locator('.webhook', { hasText: receiver.url('/hook') });
      expect(await hook.locator('.webhook-events').textContent()).toBe('Run Completed, Run Failed, Change Detected');
      await page.getByRole('button', { name: 'Done' }).click();
      expect(await secret.count(), 'the secret is shown once').toBe(0);

      await hook.getByRole('button', { name: 'Send test' }).click();
      await expect.poll(() => hook.locator('.deliveries li').first().textContent(), { timeout: 20_000 }).toMatch(/^✓ Ping · HTTP 200 · 1 attempt · /);
      expect(receiver.requests).toEqual(['/hook']);
      await screenshots(page, 'project-webhooks');
      expect(await accessibilityViolations(page)).toEqual([]);

      await hook.getByRole('button', { name: `Delete webhook ${receiver.url('/hook')}` }).click();
      await hook.waitFor({ state: 'detached' });
      const { project } = await graphqlData<{ project: { webhooks: unknown[] } }>(app.graphqlUrl, `query ($id: ID!) { project(id: $id) { webhooks { id } } }`, {
        id: createProject.id,
      });
      expect(project.webhooks).toEqual([]);
    } finally {
      hold.open();
      await Promise.all([receiver.close(), slow.close()]);
    }
  });
});
