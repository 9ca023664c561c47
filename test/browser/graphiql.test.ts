import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLE } from '../../src/http/yoga';
import { schema } from '../../src/schema';
import { startTestApp, type TestApp } from '../helpers/app';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { pages } from '../helpers/pages';
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

  it('opens with an example that the schema accepts', () => {
    expect(validate(schema, parse(GRAPHIQL_EXAMPLE))).toEqual([]);
  });

  it('loads with no request leaving the machine and runs a subscription over WebSocket', { timeout: 60_000 }, async () => {
    const id = await createBatch(app.graphqlUrl, { name: 'graphiql', urls: [site.url('/')] });
    await waitForBatchStatus(app.graphqlUrl, id, ['COMPLETED']);

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
    // It opens with Vantage's example, not GraphiQL's welcome text, and keeps the docs explorer.
    await editor.getByText('mutation StartBatch').waitFor();
    expect(await editor.innerText()).not.toContain('in-browser tool');
    await page.getByRole('button', { name: /documentation explorer/i }).waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(`subscription WatchFromTest { batchProgress(id: "${id}") { sequence batch { status } } }`);
    // GraphiQL takes in an edit a moment later: until its tab is named after the new operation,
    // the execute button would still offer the example's two operations.
    await page.waitForFunction(() => localStorage.getItem('graphiql:tabState')?.includes('"title":"WatchFromTest"'));
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('COMPLETED').waitFor();
    await screenshot(page, 'graphiql-subscription');

    expect(sockets).toEqual([app.wsUrl]);
    expect(foreign).toEqual([]);
  });
});
