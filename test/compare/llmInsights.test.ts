import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeInsights, writeRuleInsights, type LlmOptions } from '../../src/comparison';
import { answer, completion, startChatServer, type ChatServer } from './chatServer';
import { subjectBehind } from './insightCases';

const MODEL = 'test-model-7b';

const MODEL_INSIGHTS = [
  { title: 'Fix your title first', body: '2 of 3 competitors have a document title; yours has none.', severity: 'CRITICAL' },
  { title: 'Compression is an edge', body: 'You compress; 2 of 3 competitors do not.', severity: 'INFO' },
] as const;

describe('writeInsights with a language model', () => {
  let server: ChatServer;
  let llm: LlmOptions;

  beforeAll(async () => {
    server = await startChatServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    llm = { baseUrl: `${server.baseUrl}/`, apiKey: 'sk-test', model: MODEL, timeoutMs: 2_000, retries: 2, retryDelayMs: 5 };
  });

  it('uses the model’s insights, with the model as source, after sending a compact JSON summary', async () => {
    server.reply((response) => answer(response, 200, completion(JSON.stringify({ insights: MODEL_INSIGHTS }))));
    const input = subjectBehind();

    const written = await writeInsights(input, { llm });

    expect(written).toEqual({
      insights: MODEL_INSIGHTS.map((insight) => ({ ...insight, source: MODEL })),
      llmFailure: null,
    });
    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/chat/completions', authorization: 'Bearer sk-test' });
    const body = sent?.body as { model: string; response_format: unknown; messages: { role: string; content: string }[] };
    expect(body.model).toBe(MODEL);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(body.messages[0]?.content).toContain('{"insights":[');
    const summary = JSON.parse(body.messages[1]?.content ?? '');
    expect(summary.subject).toEqual({ site: 'mine.test', rank: 4, analysedCompetitors: 3 });
    expect(summary.gaps[0]).toMatchObject({ check: 'document-title', competitorsPassing: ['rival-one.test', 'rival-two.test'], estimatedGain: 20 });
    expect(summary.checks.find((row: { check: string }) => row.check === 'compression')).toEqual({
      check: 'compression',
      category: 'TECHNICAL',
      weight: 1,
      passed: 2,
      warned: 1,
      failed: 1,
      subjectOutcome: 'PASS',
    });
    expect(summary.notAnalysed).toEqual([{ site: 'rival-four.test', error: 'The server did not answer within 10 s.' }]);
    expect(body.messages[1]?.content).not.toContain('<html');
  });

  it('retries a 500 and uses the answer that follows', async () => {
    server.reply((response, attempt) =>
      attempt === 1
        ? answer(response, 500, '{"error":"overloaded"}')
        : answer(response, 200, completion(JSON.stringify({ insights: MODEL_INSIGHTS }))),
    );
    const written = await writeInsights(subjectBehind(), { llm });
    expect(written.llmFailure).toBeNull();
    expect(written.insights[0]?.source).toBe(MODEL);
    expect(server.requests).toHaveLength(2);
  });

  it('falls back to the rules when the answer is not JSON, without asking again', async () => {
    server.reply((response) => answer(response, 200, completion('Here are some insights: your site is great!')));
    const input = subjectBehind();
    const written = await writeInsights(input, { llm });
    expect(written.insights).toEqual(writeRuleInsights(input));
    expect(written.llmFailure).toBe(
      `${MODEL}: the model's answer is not JSON: Here are some insights: your site is great!`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('falls back to the rules when the JSON does not hold valid insights', async () => {
    const invalid = { insights: [{ title: 'Fix it', body: 'Now.', severity: 'HIGH' }] };
    server.reply((response) => answer(response, 200, completion(JSON.stringify(invalid))));
    const input = subjectBehind();
    const written = await writeInsights(input, { llm });
    expect(written.insights).toEqual(writeRuleInsights(input));
    expect(written.llmFailure).toMatch(/^test-model-7b: the model's answer has no valid insights: insights\.0\.severity: /);
  });

  it('falls back to the rules after the retries when the server keeps answering 500', async () => {
    server.reply((response) => answer(response, 500, '{"error":"internal"}'));
    const input = subjectBehind();
    const written = await writeInsights(input, { llm });
    expect(written.insights).toEqual(writeRuleInsights(input));
    expect(written.llmFailure).toBe(`${MODEL}: HTTP 500: {"error":"internal"} (attempt 3 of 3)`);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry an answer that will not change, such as 401', async () => {
    server.reply((response) => answer(response, 401, '{"error":"bad key"}'));
    const written = await writeInsights(subjectBehind(), { llm });
    expect(written.llmFailure).toBe(`${MODEL}: HTTP 401: {"error":"bad key"} (attempt 1 of 3)`);
    expect(server.requests).toHaveLength(1);
  });

  it('falls back to the rules when the server hangs past the timeout on every attempt', async () => {
    server.reply(() => {
      // Never answers.
    });
    const input = subjectBehind();
    const written = await writeInsights(input, { llm: { ...llm, timeoutMs: 150, retries: 1 } });
    expect(written.insights).toEqual(writeRuleInsights(input));
    expect(written.llmFailure).toBe(`${MODEL}: no answer within 150 ms (attempt 2 of 2)`);
    expect(server.requests).toHaveLength(2);
  });

  it('times out an answer whose body stops halfway', async () => {
    server.reply((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"choices":[');
    });
    const written = await writeInsights(subjectBehind(), { llm: { ...llm, timeoutMs: 150, retries: 0 } });
    expect(written.llmFailure).toBe(`${MODEL}: no answer within 150 ms (attempt 1 of 1)`);
    expect(written.insights[0]?.source).toBe('rules');
  });

  it('falls back to the rules when nothing listens at the address', async () => {
    const closed = await startChatServer();
    await closed.close();
    const written = await writeInsights(subjectBehind(), { llm: { ...llm, baseUrl: closed.baseUrl, retries: 0 } });
    expect(written.llmFailure).toMatch(/^test-model-7b: the request failed: .*\(attempt 1 of 1\)$/);
    expect(written.insights[0]?.source).toBe('rules');
  });

  it('uses the rules alone, and reports no failure, when no model is configured', async () => {
    const input = subjectBehind();
    expect(await writeInsights(input)).toEqual({ insights: writeRuleInsights(input), llmFailure: null });
    expect(await writeInsights(input, { llm: null })).toEqual({ insights: writeRuleInsights(input), llmFailure: null });
    expect(server.requests).toHaveLength(0);
  });
});
