import { afterEach, describe, expect, it } from 'vitest';
import { startChatServer } from '../compare/chatServer';
import { startTestApp } from '../helpers/app';
import { launchChromium } from '../browser/chromium';
import { assertClientBuilt } from '../browser/clientBuild';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { graphqlData } from '../helpers/graphql';
import { startVantage } from '../cli/runCli';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';
import { gate, heldPage, startFixtureSite } from '../helpers/fixtures';
import { pages } from '../helpers/pages';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { waitUntil } from '../helpers/wait';

const RECOVERY = { JOB_HEARTBEAT_SECONDS: '10', QUEUE_SUPERVISE_SECONDS: '1', QUEUE_POLL_SECONDS: '1' };
/** The README's crash-recovery bound for RECOVERY: heartbeat + supervise + poll. */
const RECOVERY_BOUND_MS = (10 + 1 + 1) * 1000;
/** What the bound leaves out: the retry's backoff, a fresh worker's start, and a busy machine. */
const SLACK_MS = 8000;

describe('workers that stop mid-job', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function database(): Promise<TestDatabase> {
    const created = await createTestDatabase();
    cleanups.push(() => created.drop());
    return created;
  }

  async function spawn(env: Record<string, string>): Promise<VantageProcess> {
    const vantage = await spawnVantage({ ...RECOVERY, ...env });
    cleanups.push(() => stopProcess([vantage]));
    return vantage;
  }

  it('recovers a comparison whose worker was killed within the crash-recovery bound, however long the language model may take', { timeout: 60_000 }, async () => {
    const { url } = await database();
    const site = await startFixtureSite({ '/a': pages.good, '/b': pages.poor });
    cleanups.push(() => site.close());
    // The first request hangs (the worker dies waiting on it); later ones fail fast, so the rules write the insights.
    const model = await startChatServer();
    cleanups.push(() => model.close());
    model.reply((response, attempt) => {
      if (attempt > 1) response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"overloaded"}');
    });
    const env = { DATABASE_URL: url, LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'test', LLM_TIMEOUT_MS: '600000', LLM_RETRIES: '0' };
    const first = await spawn(env);
    const id = await createBatch(`${first.url}/graphql`, { name: 'compare crash', urls: [site.url('/a'), site.url('/b')] });
    await waitUntil(async () => model.requests.length > 0, { what: 'the comparison to ask the language model' });

    first.kill('SIGKILL');
    const killedAt = Date.now();
    await first.exited;
    const second = await spawn(env);
    await waitForBatchStatus(`${second.url}/graphql`, id, ['COMPLETED'], RECOVERY_BOUND_MS + SLACK_MS);
    expect(Date.now() - killedAt).toBeLessThan(RECOVERY_BOUND_MS + SLACK_MS);
  });

  it('says a page whose worker was killed waits to be retried, from the restart until its retry takes it up', { timeout: 90_000 }, async () => {
    const { url } = await database();
    const release = gate();
    const site = await startFixtureSite({ '/held': heldPage(release.opened, pages.good), '/a': pages.good });
    cleanups.push(() => site.close(), async () => release.open());
    // The API lives through the worker's crash (in this process), so the CLI follows the batch throughout.
    // The held page must not time out (a failed first attempt) while the browser starts, however slowly.
    const workerEnv = { DATABASE_URL: url, VANTAGE_ROLE: 'worker', CRAWL_TIMEOUT_MS: '120000' };
    const [api, worker] = await Promise.all([
      startTestApp({ VANTAGE_ROLE: 'api' }, { database: { url, drop: async () => {} } }),
      spawn(workerEnv),
    ]);
    cleanups.push(() => api.close());
    const id = await createBatch(api.graphqlUrl, { name: 'interrupted', urls: [site.url('/held'), site.url('/a')] });
    const cli = startVantage(['watch', id, '--server', api.baseUrl]);
    cleanups.push(async () => cli.child.kill());
    await waitUntil(async () => site.requests.includes('/held') && cli.output.stderr.includes(`SUCCEEDED ${site.url('/a')}`), {
      what: 'the held page in flight, the other analysed and shown',
    });
    // And so does the web client, whose batch page records every label the held page's row shows.
    assertClientBuilt();
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    await page.goto(`${api.baseUrl}/batches/${encodeURIComponent(id)}`);
    await page.locator('.target[data-status="SUCCEEDED"]').waitFor();
    await page.evaluate((heldUrl) => {
      const labels: string[] = [];
      const note = () => {
        const row = [...document.querySelectorAll('.target')].find((item) => item.querySelector('.target-url')?.textContent?.startsWith(heldUrl));
        const label = [row?.querySelector('.badge')?.textContent, row?.querySelector('.target-note')?.textContent].filter(Boolean).join(': ');
        if (labels.at(-1) !== label) labels.push(label);
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
      Object.assign(window, { heldLabels: labels });
    }, site.url('/held'));
    worker.kill('SIGKILL');
    await worker.exited;

    // The restarted worker finds the page nobody holds: the CLI shows it waiting before pg-boss retries it.
    await spawn(workerEnv);
    await waitUntil(async () => cli.output.stderr.includes(`WAITING   ${site.url('/held')}`), { what: 'the page shown waiting to be retried' });
    const { batch } = await graphqlData<{ batch: { targets: { status: string; waitingForRetry: boolean }[] } }>(
      api.graphqlUrl,
      'query ($id: ID!) { batch(id: $id) { targets { status waitingForRetry } } }',
      { id },
    );
    if (site.requests.filter((path) => path === '/held').length === 1) expect(batch.targets[0]).toEqual({ status: 'RUNNING', waitingForRetry: true });
    release.open();
    await waitForBatchStatus(api.graphqlUrl, id, ['COMPLETED'], 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; the CLI wrote: ${cli.output.stderr}`);
    });
    expect(await cli.exited, cli.output.stderr).toBe(0);
    const held = cli.output.stderr.split('\n').filter((line) => line.includes(site.url('/held')));
    await page.locator('.target[data-status="SUCCEEDED"]').nth(1).waitFor();
    expect(await page.evaluate(() => (window as unknown as { heldLabels: string[] }).heldLabels)).toEqual([
      'Running',
      'Waiting to be retried: Its worker stopped mid-page; it will be retried shortly.',
      'Running',
      'Succeeded',
    ]);
    expect(held).toEqual([
      `  RUNNING   ${site.url('/held')}`,
      `  WAITING   ${site.url('/held')}  interrupted (its worker stopped); waiting to be retried`,
      `  RUNNING   ${site.url('/held')}`,
      `  SUCCEEDED ${site.url('/held')}`,
    ]);
  });

  it('hands a job back on every SIGTERM without spending a retry or an attempt, so no page ends FAILED unfetched', { timeout: 90_000 }, async () => {
    const { url } = await database();
    const release = gate();
    const site = await startFixtureSite({ '/held': heldPage(release.opened, pages.good), '/a': pages.good, '/b': pages.good });
    cleanups.push(() => site.close(), async () => release.open());
    // One job of the three pages, the held one first; one attempt each, so pg-boss would give the
    // job up after its fourth failed run. Each SIGTERM finds the held page in hand past the grace.
    const env = { DATABASE_URL: url, SHUTDOWN_GRACE_MS: '200', ANALYZE_MAX_ATTEMPTS: '1', CRAWL_MAX_PER_HOST: '1', WORKER_CONCURRENCY: '2' };
    let worker = await spawn(env);
    const id = await createBatch(`${worker.url}/graphql`, { name: 'sigterms', urls: ['/held', '/a', '/b'].map((path) => site.url(path)) });
    for (let stop = 1; stop <= 4; stop++) {
      await waitUntil(async () => site.requests.filter((path) => path === '/held').length >= stop, { what: `request ${stop} of the held page` });
      worker.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      worker = await spawn(env);
    }
    release.open();

    await waitForBatchStatus(`${worker.url}/graphql`, id, ['COMPLETED', 'FAILED'], 30_000);
    const targets = await withClient(url, async (client) =>
      (await client.query(`SELECT url, status, attempts FROM "Target" ORDER BY position`)).rows.map((row) => [new URL(row.url).pathname, row.status, row.attempts]),
    );
    expect(targets).toEqual([
      ['/held', 'SUCCEEDED', 1],
      ['/a', 'SUCCEEDED', 1],
      ['/b', 'SUCCEEDED', 1],
    ]);
  });
});
