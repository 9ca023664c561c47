import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';
import { useBrowserSession } from './browserSession';
import { screenshot } from './chromium';

describe('GraphiQL at /graphql', () => {
  let app: TestApp;
  let site: FixtureSite;
  const session = useBrowserSession();

  beforeAll(async () => {
    site = await startFixtureSite({ '/': pages.good });
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  it('loads with no request leaving the machine and runs a subscription over WebSocket', { timeout: 60_000 }, async () => {
    const { createBatch } = await graphqlData(
      app.graphqlUrl,
      `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`,
      { input: { name: 'graphiql', urls: [site.url('/')] } },
    );
    await waitUntil(async () => {
      const { batch } = await graphqlData(app.graphqlUrl, `query ($id: ID!) { batch(id: $id) { status } }`, { id: createBatch.id });
      return batch.status === 'COMPLETED';
    }, { what: 'the batch to complete' });

    const page = session.page;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const { protocol, hostname } = new URL(request.url());
      if (protocol.startsWith('http') && hostname !== '127.0.0.1') foreign.push(request.url());
    });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    await page.goto(app.graphqlUrl);
    const editor = page.locator('.graphiql-query-editor .monaco-editor .view-lines').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(`subscription { batchProgress(id: "${createBatch.id}") { sequence batch { status } } }`);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('COMPLETED').waitFor();
    await screenshot(page, 'graphiql-subscription');

    expect(sockets).toEqual([app.wsUrl]);
    expect(foreign).toEqual([]);
  });
});
