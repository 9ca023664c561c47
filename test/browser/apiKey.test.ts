import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_OWNER_ID } from '../../src/auth/caller';
import { createTestKey } from '../helpers/apiKeys';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch } from '../helpers/batches';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { pages } from '../helpers/pages';
import { accessibilityViolations } from './accessibility';
import { useBrowserSession } from './browserSession';
import { screenshots } from './chromium';

describe('the API key entry', () => {
  let app: TestApp;
  let site: FixtureSite;
  const session = useBrowserSession();
  let page: Page;

  beforeAll(async () => {
    site = await startFixtureSite({ '/': pages.good });
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  beforeEach(() => {
    page = session.page;
  });

  it('keeps the key in local storage and sends it over HTTP and in connection_init, never in a URL', async () => {
    const requestUrls: string[] = [];
    page.on('request', (request) => requestUrls.push(request.url()));
    const initPayloads: unknown[] = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: unknown };
        if (message.type === 'connection_init') initPayloads.push(message.payload);
      }),
    );

    const batchId = await createBatch(app.graphqlUrl, { name: 'keyed', urls: [site.url('/')] });
    // In local mode no key is needed, so none is offered.
    await page.goto(`${app.baseUrl}/batches`);
    await page.getByRole('link', { name: 'keyed' }).waitFor();
    expect(await page.getByRole('button', { name: 'API key' }).count()).toBe(0);
    // From now on every request needs a key; this one belongs to the owner of the keyless batch above.
    const { key } = await createTestKey(app.databaseUrl, 'browser', LOCAL_OWNER_ID);
    await page.goto(`${app.baseUrl}/batches`);
    // The server answers UNAUTHENTICATED, so the client asks for a key.
    const dialog = page.getByRole('dialog', { name: 'API key' });
    await dialog.waitFor();
    await dialog.getByLabel('Key').fill(key);
    await screenshots(page, 'api-key-dialog');
    expect(await accessibilityViolations(page)).toEqual([]);
    // A new key reloads what the screen shows, now with the key.
    const reload = page.waitForRequest((request) => request.url().endsWith('/graphql') && request.method() === 'POST');
    await dialog.getByRole('button', { name: 'Save key' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => localStorage.getItem('vantage.apiKey'))).toBe(key);
    expect((await reload).headers().authorization).toBe(`Bearer ${key}`);

    await page.getByRole('link', { name: 'keyed' }).click();

    await page.locator(`.target[data-status="SUCCEEDED"]`).waitFor({ timeout: 20_000 });
    expect(initPayloads).toContainEqual({ authorization: `Bearer ${key}` });
    expect(requestUrls.filter((url) => url.includes(key))).toEqual([]);
    expect(page.url()).toContain(encodeURIComponent(batchId));

    await page.getByRole('button', { name: 'API key' }).click();
    await dialog.getByLabel('Key').fill('');
    await dialog.getByRole('button', { name: 'Save key' }).click();
    expect(await page.evaluate(() => localStorage.getItem('vantage.apiKey'))).toBeNull();
  });
});
