import { afterEach, describe, expect, it } from 'vitest';
import { startChatServer } from '../compare/chatServer';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startFixtureSite } from '../helpers/fixtures';
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
});
