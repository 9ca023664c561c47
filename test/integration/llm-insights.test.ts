import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';

type Mode = 'good' | 'malformed' | 'error' | 'hang';

/** A loopback chat-completions endpoint whose answer the test chooses per batch. */
function chatAnswer(mode: Mode, hang: Promise<void>) {
  return async (_req: unknown, res: ServerResponse): Promise<void> => {
    if (mode === 'hang') {
      await hang;
      res.destroy();
      return;
    }
    if (mode === 'error') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"overloaded"}');
      return;
    }
    const content =
      mode === 'good'
        ? JSON.stringify({ insights: [{ title: 'Publish an llms.txt', body: 'Two rivals publish one.', severity: 'OPPORTUNITY' }] })
        : 'Sure! Here are some insights: ...';
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'x',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content } }],
        usage: { prompt_tokens: 1200, completion_tokens: 80, total_tokens: 1280 },
      }),
    );
  };
}

describe('insights from a language model', () => {
  let app: TestApp;
  let site: FixtureSite;
  let model: FixtureSite;
  let mode: Mode = 'good';
  const hang = gate();

  beforeAll(async () => {
    site = await startFixtureSite({ '/a': pages.good, '/b': pages.medium });
    model = await startFixtureSite({ '/v1/chat/completions': (req, res) => chatAnswer(mode, hang.opened)(req, res) });
    app = await startTestApp({
      LLM_BASE_URL: model.url('/v1'),
      LLM_API_KEY: 'test-key',
      LLM_MODEL: 'test-model-1',
      LLM_TIMEOUT_MS: '500',
      LLM_RETRIES: '0',
    });
  });
  afterAll(async () => {
    hang.open();
    await app?.close();
    await site?.close();
    await model?.close();
  });

  async function analyse(name: string) {
    const id = await createBatch(app.graphqlUrl, { name, urls: [site.url('/a'), site.url('/b')], subjectUrl: site.url('/b') });
    await waitForBatchStatus(app.graphqlUrl, id);
    const query = `query ($id: ID!) { batch(id: $id) { status comparison { llmFailure insights { title source } } } }`;
    return (await graphqlData(app.graphqlUrl, query, { id })).batch;
  }

  it('stores the model\'s insights, marked with the model\'s name', async () => {
    mode = 'good';
    const batch = await analyse('good answer');
    expect(batch.status).toBe('COMPLETED');
    expect(batch.comparison.llmFailure).toBeNull();
    expect(batch.comparison.insights).toEqual([{ title: 'Publish an llms.txt', source: 'test-model-1' }]);
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toContain('vantage_llm_tokens_total{kind="prompt"} 1200');
    expect(metrics).toContain('vantage_llm_tokens_total{kind="completion"} 80');
    expect(metrics).toContain('vantage_llm_request_duration_seconds_count{outcome="ok"} 1');
  });

  it.each([
    ['a malformed answer', 'malformed' as const, /test-model-1/],
    ['an HTTP 500', 'error' as const, /500/],
    ['a hang past the timeout', 'hang' as const, /500 ms/],
  ])('falls back to the rules on %s, records why, and completes the batch', async (_case, answer, reason) => {
    mode = answer;
    const batch = await analyse(answer);
    expect(batch.status).toBe('COMPLETED');
    expect(batch.comparison.llmFailure).toMatch(reason);
    expect(batch.comparison.insights.length).toBeGreaterThan(0);
    expect(new Set(batch.comparison.insights.map((insight: { source: string }) => insight.source))).toEqual(new Set(['rules']));
  });
});
