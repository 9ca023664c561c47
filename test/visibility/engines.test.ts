import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type AnswerEngineConfig } from '../../src/config';
import { createEngineClient, createEngineLimiter, RemoteApiError } from '../../src/visibility';
import { parseRetryAfter } from '../../src/remoteApi';

const KEY = 'sk-test-key-do-not-leak';

/** One scripted reply: what the engine server does with the next request. */
type Reply = (response: ServerResponse) => void;

interface Received {
  at: number;
  path: string;
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[]; [field: string]: unknown };
}

/** An answer-engine server on loopback that plays its script, one reply per request, and records each request. */
let server: Server;
let baseUrl: string;
let script: Reply[] = [];
let received: Received[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ at: Date.now(), path: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()) });
      const reply = script.shift();
      if (reply) reply(response);
      else response.writeHead(500).end('script exhausted');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  script = [];
  received = [];
});

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => (response) =>
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));

/** A chat-completions response as OpenAI sends it. */
const completion = (content: string | null, extra: { annotations?: unknown[]; top?: Record<string, unknown> } = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_790_000_000,
  model: 'scripted-model-2026-01',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null, annotations: extra.annotations ?? [] } }],
  usage: { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 },
  ...extra.top,
});

function engine(kind: 'openai-chat' | 'perplexity', extra: Record<string, unknown> = {}): AnswerEngineConfig {
  const config = loadConfig({
    ANSWER_ENGINES: JSON.stringify([{ name: 'scripted', kind, baseUrl, model: 'configured-model', apiKeyEnv: 'SCRIPTED_KEY', ...extra }]),
    SCRIPTED_KEY: KEY,
  });
  return config.answerEngines[0]!;
}

const policy = { timeoutMs: 2_000, retries: 2, maxBytes: 1024 * 1024, retryDelayMs: 10 };

async function failure(promise: Promise<unknown>): Promise<RemoteApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RemoteApiError);
  return error as RemoteApiError;
}

describe('OpenAI chat completions', () => {
  it('asks one prompt and reads the text, url_citation annotations (chat and Responses shapes), links and bare URLs', async () => {
    const text = 'Top picks: [Acme](https://acme.com/trail) and Hoka (see https://www.runnersworld.com/best-shoes). Also www.hoka.com.';
    script.push(
      json(
        completion(text, {
          annotations: [
            { type: 'url_citation', url_citation: { url: 'https://outdoorgear.example/review', title: 'Review', start_index: 0, end_index: 10 } },
            { type: 'url_citation', url: 'https://trail.example/guide#top', title: 'Guide', start_index: 11, end_index: 20 },
            { type: 'file_citation', file_id: 'f' },
          ],
        }),
      ),
    );
    const client = createEngineClient(engine('openai-chat', { requestOptions: { web_search_options: {} } }), policy);
    const answer = await client.ask('best trail running shoes');
    expect(answer).toMatchObject({
      text,
      citations: [
        'https://outdoorgear.example/review',
        'https://trail.example/guide',
        'https://acme.com/trail',
        'https://www.runnersworld.com/best-shoes',
        'https://www.hoka.com/',
      ],
      model: 'scripted-model-2026-01',
      tokens: 42,
      attempts: 1,
    });
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    expect(received).toEqual([
      {
        at: expect.any(Number),
        path: '/v1/chat/completions',
        authorization: `Bearer ${KEY}`,
        body: { web_search_options: {}, model: 'configured-model', messages: [{ role: 'user', content: 'best trail running shoes' }] },
      },
    ]);
  });

  it('sends no authorization to an engine without a key, and takes content given as parts', async () => {
    script.push(json({ choices: [{ message: { role: 'assistant', content: [{ type: 'text', text: 'Acme ' }, { type: 'text', text: 'wins.' }] } }] }));
    const local = loadConfig({ ANSWER_ENGINES: JSON.stringify([{ name: 'ollama', kind: 'openai-chat', baseUrl: `${baseUrl}/`, model: 'llama3.2' }]) });
    const answer = await createEngineClient(local.answerEngines[0]!, policy).ask('q');
    expect(answer).toMatchObject({ text: 'Acme wins.', citations: [], model: 'llama3.2', tokens: null });
    expect(received[0]!.authorization).toBeUndefined();
    expect(received[0]!.path).toBe('/v1/chat/completions');
  });
});

describe('Perplexity', () => {
  it('reads its citations and search_results, each URL once', async () => {
    script.push(
      json(
        completion('Acme is popular [1][2].', {
          top: {
            citations: ['https://acme.com/about', 'https://reddit.com/r/running/x'],
            search_results: [
              { title: 'About', url: 'https://acme.com/about', date: '2026-01-02' },
              { title: 'Forum', url: 'https://forum.example/thread' },
            ],
          },
        }),
      ),
    );
    const answer = await createEngineClient(engine('perplexity'), policy).ask('is acme good');
    expect(answer.citations).toEqual(['https://acme.com/about', 'https://reddit.com/r/running/x', 'https://forum.example/thread']);
  });

  it('an openai-chat engine ignores fields only Perplexity defines', async () => {
    script.push(json(completion('Plain.', { top: { citations: ['https://acme.com/about'] } })));
    expect((await createEngineClient(engine('openai-chat'), policy).ask('q')).citations).toEqual([]);
  });
});

describe('faults', () => {
  it.each([429, 503])('%i with Retry-After: waits the seconds it asks, then succeeds', async (status) => {
    script.push(json({ error: { message: 'slow down' } }, status, { 'retry-after': '1' }), json(completion('Acme.')));
    const answer = await createEngineClient(engine('openai-chat'), policy).ask('q');
    expect(answer).toMatchObject({ text: 'Acme.', attempts: 2 });
    // Without Retry-After the backoff would be 5-10 ms (retryDelayMs 10).
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('500 then success: retried with backoff', async () => {
    script.push(json({ error: 'boom' }, 500), json(completion('Hoka.')));
    expect(await createEngineClient(engine('openai-chat'), policy).ask('q')).toMatchObject({ text: 'Hoka.', attempts: 2 });
    expect(received).toHaveLength(2);
  });

  it('a server that never answers: TIMEOUT after every attempt', async () => {
    script.push(() => {}, () => {});
    const error = await failure(createEngineClient(engine('openai-chat'), { ...policy, timeoutMs: 200, retries: 1 }).ask('q'));
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: false, details: { attempts: 2 } });
    expect(error.message).toBe('no answer within 200 ms (attempt 2 of 2)');
    expect(received).toHaveLength(2);
  });

  it('invalid JSON: INVALID_JSON, not asked again', async () => {
    script.push(json('{"choices": [', 200));
    expect(await failure(createEngineClient(engine('openai-chat'), policy).ask('q'))).toMatchObject({ code: 'INVALID_JSON', details: { attempts: 1 } });
    expect(received).toHaveLength(1);
  });

  it.each([
    ['empty content', completion('')],
    ['white space', completion(' \n ')],
    ['null content (a refusal)', completion(null)],
  ])('an empty answer (%s): EMPTY_ANSWER', async (_, body) => {
    script.push(json(body));
    expect(await failure(createEngineClient(engine('openai-chat'), policy).ask('q'))).toMatchObject({ code: 'EMPTY_ANSWER' });
  });

  it('JSON without choices: INVALID_RESPONSE', async () => {
    script.push(json({ object: 'list', data: [] }));
    expect(await failure(createEngineClient(engine('openai-chat'), policy).ask('q'))).toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('a 5 MB answer: refused at the cap (ANSWER_MAX_BYTES), not buffered and not asked again', async () => {
    script.push(json(completion('Acme '.repeat(1024 * 1024))));
    const error = await failure(createEngineClient(engine('openai-chat'), policy).ask('q'));
    expect(error).toMatchObject({ code: 'TOO_LARGE', details: { attempts: 1 } });
    expect(error.message).toContain(`larger than ${1024 * 1024} bytes`);
    expect(received).toHaveLength(1);
  });

  it('401: not retried, and the key appears in no error', async () => {
    script.push(json({ error: { message: 'invalid api key' } }, 401));
    const error = await failure(createEngineClient(engine('openai-chat'), policy).ask('q'));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', details: { status: 401, attempts: 1 } });
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(KEY);
  });

  it('cancelled while waiting out a Retry-After: CANCELLED at once, nothing more sent', async () => {
    script.push(json({}, 429, { 'retry-after': '30' }));
    const controller = new AbortController();
    const asking = createEngineClient(engine('openai-chat'), policy).ask('q', { signal: controller.signal });
    await expect.poll(() => received.length).toBe(1);
    controller.abort();
    expect(await failure(asking)).toMatchObject({ code: 'CANCELLED' });
    expect(received).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(['1.5'], now)).toBe(1500);
    expect(parseRetryAfter('Tue, 01 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('engine limiter', () => {
  it('runs at most `concurrency` requests at once', async () => {
    const limiter = createEngineLimiter({ key: 'e', concurrency: 2, requestsPerMinute: 1000 });
    const releases: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const tasks = Array.from({ length: 5 }, () =>
      limiter.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
      }),
    );
    for (let released = 0; released < 5; released++) {
      await expect.poll(() => releases.length).toBe(Math.min(released + 2, 5));
      releases[released]!();
    }
    await Promise.all(tasks);
    expect(most).toBe(2);
  });

  it('starts no more requests per window than its budget, waiting for the next window', async () => {
    const limiter = createEngineLimiter({ key: 'e', concurrency: 10, requestsPerMinute: 2, store: new RateLimiterMemory({ points: 2, duration: 1 }) });
    const started = await Promise.all(Array.from({ length: 3 }, () => limiter.run(async () => Date.now())));
    expect(started[1]! - started[0]!).toBeLessThan(500);
    expect(started[2]! - started[0]!).toBeGreaterThanOrEqual(500);
  });

  it('a request waiting for the budget is cancelled by its signal', async () => {
    const limiter = createEngineLimiter({ key: 'e', concurrency: 10, requestsPerMinute: 1 });
    await limiter.run(async () => 'first');
    const controller = new AbortController();
    const waiting = limiter.run(async () => 'second', controller.signal);
    controller.abort();
    expect(await failure(waiting)).toMatchObject({ code: 'CANCELLED' });
  });
});
