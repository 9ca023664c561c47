import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { accessibilityViolations } from './accessibility';
import { useBrowserSession } from './browserSession';
import { screenshot, screenshots, sidewaysOverflow } from './chromium';

const PROJECTS = `{ projects(first: 100) { edges { node { id name schedule { cron timezone nextRunAt } } } } }`;
const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;

/** Fills one brand's fieldset: `path` is the server's name for it, `brand` or `competitors[i]`. */
async function fillBrand(page: Page, path: string, brand: { name: string; domains: string; aliases?: string }) {
  const fieldset = page.locator(`fieldset[data-brand="${path}"]`);
  await fieldset.getByLabel('Name', { exact: true }).fill(brand.name);
  await fieldset.getByLabel('Domains').fill(brand.domains);
  if (brand.aliases) await fieldset.getByLabel('Aliases').fill(brand.aliases);
}

describe('the projects screens', () => {
  let app: TestApp;
  let own: FixtureSite;
  let rival: FixtureSite;
  let other: FixtureSite;
  const session = useBrowserSession();
  let page: Page;
  const release = gate();

  beforeAll(async () => {
    own = await startFixtureSite({ '/': pages.good });
    // Held until the test has seen the run going: the dashboard must follow it live.
    rival = await startFixtureSite({
      '/': async (_req, res) => {
        await release.opened;
        res.writeHead(200, { 'content-type': 'text/html' }).end(pages.medium);
      },
    });
    other = await startFixtureSite({ '/': pages.poor });
    app = await startTestApp();
  });

  afterAll(async () => {
    release.open();
    await app?.close();
    await Promise.all([own, rival, other].map((site) => site?.close()));
  });

  beforeEach(async () => {
    page = session.page;
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('creates a project with a schedule, runs it and follows the run live to its end', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
    await page.getByRole('link', { name: 'New project' }).click();

    await page.getByLabel('Project name').fill('Trail shoes');
    await fillBrand(page, 'brand', { name: 'Acme', domains: own.origin, aliases: 'Acme Run, AcmeTrail' });
    await fillBrand(page, 'competitors[0]', { name: 'Rival', domains: rival.origin });
    await page.getByRole('button', { name: 'Add competitor' }).click();
    await fillBrand(page, 'competitors[1]', { name: 'Other', domains: other.origin });
    await page.getByLabel('Market').fill('trail running shoes');
    await page.getByLabel('Prompts').fill('best trail running shoes\nwaterproof trail shoes');
    await page.getByLabel('Run on a schedule').check();
    // The cron last: typing a zone opens its list of suggestions, which would take the next click.
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByLabel('Cron').fill('0 6 * * 1');
    await expect.poll(() => page.getByTestId('schedule-preview').textContent(), { timeout: 20_000 }).toBe('At 06:00, only on Monday (Europe/Berlin)');
    await screenshots(page, 'project-form');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL((url) => /^\/projects\/(?!new$)[^/]+$/.test(url.pathname));
    await page.getByRole('heading', { name: 'Trail shoes' }).waitFor();
    expect(await page.title()).toBe('Trail shoes · Vantage');
    const { projects } = await graphqlData<{ projects: { edges: { node: { id: string; schedule: { nextRunAt: string } } }[] } }>(
      app.graphqlUrl,
      PROJECTS,
    );
    expect(projects.edges).toHaveLength(1);
    const saved = projects.edges[0]!.node;
    expect(decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!)).toBe(saved.id);
    // The server's next slot, as the server computed it.
    expect(await page.getByTestId('next-run').getAttribute('datetime')).toBe(saved.schedule.nextRunAt);
    expect(await page.getByTestId('schedule-text').textContent()).toBe('At 06:00, only on Monday (Europe/Berlin)');
    expect(await page.locator('.brand-list li').allTextContents()).toEqual([
      `Acmeyour brand${own.origin.replace('http://', '')}also Acme Run, AcmeTrail`,
      `Rival${rival.origin.replace('http://', '')}`,
      `Other${other.origin.replace('http://', '')}`,
    ]);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await page.getByRole('button', { name: 'Run site audit' }).click();
    const live = page.locator('.live-run');
    await live.waitFor();
    const progress = page.getByRole('progressbar', { name: 'Run progress' });
    await expect.poll(() => live.locator('.target').count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => live.locator('.target', { hasText: own.origin }).getAttribute('data-status'), { timeout: 20_000 }).toBe('SUCCEEDED');
    expect(await live.locator('.target', { hasText: rival.origin }).getAttribute('data-status')).toMatch(/PENDING|RUNNING/);
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100);
    await screenshots(page, 'project-run-live');
    expect(await accessibilityViolations(page)).toEqual([]);

    release.open();
    await expect.poll(() => live.getAttribute('data-status'), { timeout: 20_000 }).toBe('COMPLETED');
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    const runRows = page.locator('table.runs tbody tr');
    await expect.poll(() => runRows.locator('[data-status]').first().getAttribute('data-status'), { timeout: 20_000 }).toBe('COMPLETED');
    expect(await runRows.count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await screenshot(page, 'project-dashboard');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    // The charts take the new width a frame later.
    await expect.poll(() => sidewaysOverflow(page), { message: 'the dashboard must not scroll sideways at phone width', timeout: 20_000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'project-dashboard-phone');

    // The list shows the project with its brand, competitors, schedule and last run.
    await page.goto(`${app.baseUrl}/projects`);
    const row = page.locator(`tr[data-project-id="${saved.id}"]`);
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['Acme', '2', 'At 06:00, only on Monday (Europe/Berlin)', expect.stringContaining('Completed')]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'projects-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.locator('td').last().getByRole('link').click();
    await page.waitForURL(/\/batches\/[^/]+$/);
  }, 60_000);

  it("shows the server's errors on the fields they name, and writes nothing", async () => {
    const before = (await graphqlData<{ projects: { edges: unknown[] } }>(app.graphqlUrl, PROJECTS)).projects.edges.length;
    await page.goto(`${app.baseUrl}/projects/new`);
    await page.getByLabel('Project name').fill('Duplicates');
    await fillBrand(page, 'brand', { name: 'Acme', domains: 'https://www.acme.com/' });
    await fillBrand(page, 'competitors[0]', { name: 'Copycat', domains: 'acme.com' });
    await page.getByRole('button', { name: 'Create project' }).click();

    const domains = page.locator('fieldset[data-brand="competitors[0]"]').getByLabel('Domains');
    await expect.poll(() => domains.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    const expected = await graphql(app.graphqlUrl, CREATE, {
      input: { name: 'Duplicates', brand: { name: 'Acme', domains: ['https://www.acme.com/'] }, competitors: [{ name: 'Copycat', domains: ['acme.com'] }] },
    });
    expect(expected.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'competitors[0].domains[0]' });
    expect(await page.locator('#project-competitors-0-domains-error').textContent()).toBe(expected.errors![0]!.message);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('project-competitors-0-domains');
    expect(await page.locator('fieldset[data-brand="brand"]').getByLabel('Domains').getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'project-validation-error');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await sidewaysOverflow(page), 'the form must not scroll sideways at phone width').toBeLessThanOrEqual(0);
    await screenshot(page, 'project-validation-error-phone');

    // A bad cron is named on the cron field, with the server's reason; the preview says it first.
    await fillBrand(page, 'competitors[0]', { name: 'Copycat', domains: 'copycat.com' });
    await page.getByLabel('Run on a schedule').check();
    await page.getByLabel('Cron').fill('0 25 * * 1');
    await page.getByRole('button', { name: 'Create project' }).click();
    const cronError = page.locator('#project-schedule-cron-error');
    await expect.poll(() => cronError.textContent(), { timeout: 20_000 }).toMatch(/^The cron "0 25 \* \* 1" is not valid/);
    expect(await page.getByLabel('Cron').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/projects/new');
    expect((await graphqlData<{ projects: { edges: unknown[] } }>(app.graphqlUrl, PROJECTS)).projects.edges.length).toBe(before);
  });

  it('edits a project and deletes it after asking', async () => {
    const { createProject } = await graphqlData<{ createProject: { id: string } }>(app.graphqlUrl, CREATE, {
      input: { name: 'To edit', brand: { name: 'Edit Co', domains: ['edit-co.com'] }, competitors: [{ name: 'Rival', domains: ['rival.com'] }] },
    });
    const path = `/projects/${encodeURIComponent(createProject.id)}`;
    await page.goto(`${app.baseUrl}${path}`);
    await page.getByRole('heading', { name: 'To edit' }).waitFor();
    expect(await page.locator('.schedule-summary').textContent()).toContain('Not scheduled');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(`**${path}/edit`);
    expect(await page.getByLabel('Project name').inputValue()).toBe('To edit');
    await page.getByLabel('Project name').fill('Edited');
    await page.getByLabel('Run on a schedule').check();
    await page.getByLabel('Cron').fill('30 8 * * 1-5');
    await page.getByLabel('Time zone').fill('America/New_York');
    // The one competitor cannot be removed: a project needs at least one.
    expect(await page.getByRole('button', { name: 'Remove competitor 1' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save project' }).click();
    await page.waitForURL(`**${path}`);
    await page.getByRole('heading', { name: 'Edited' }).waitFor();
    expect(await page.getByTestId('schedule-text').textContent()).toBe('At 08:30, Monday through Friday (America/New_York)');
    const { project } = await graphqlData<{ project: { name: string; schedule: { cron: string; timezone: string; nextRunAt: string } } }>(
      app.graphqlUrl,
      `query ($id: ID!) { project(id: $id) { name schedule { cron timezone nextRunAt } } }`,
      { id: createProject.id },
    );
    expect(project).toEqual({ name: 'Edited', schedule: { cron: '30 8 * * 1-5', timezone: 'America/New_York', nextRunAt: expect.any(String) } });
    expect(await page.getByTestId('next-run').getAttribute('datetime')).toBe(project.schedule.nextRunAt);
    expect(await page.getByTestId('schedule-error').count()).toBe(0);

    // A slot the schedule could not start is said on the dashboard. The schedule-runs job that
    // records one has its own tests; here the row is written as that job writes it.
    const database = new pg.Client({ connectionString: app.databaseUrl });
    await database.connect();
    try {
      const uuid = Buffer.from(createProject.id, 'base64').toString().split(':')[1];
      await database.query(`UPDATE "Project" SET "scheduleError" = $2, "scheduleErrorAt" = now() WHERE id = $1`, [uuid, 'The previous run is still going.']);
    } finally {
      await database.end();
    }
    await page.reload();
    expect(await page.getByTestId('schedule-error').textContent()).toBe('The previous run is still going.');

    await page.getByRole('button', { name: 'Delete project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Edited?' });
    await dialog.waitFor();
    await screenshots(page, 'project-delete');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Delete project' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL('**/projects');
    const answer = await graphql(app.graphqlUrl, `query ($id: ID!) { project(id: $id) { id } }`, { id: createProject.id });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
