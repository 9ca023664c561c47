import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request an engine received. */
export interface EngineRequest {
  engine: string;
  prompt: string;
  model: string;
  authorization: string | undefined;
  /** How many requests this engine had for this prompt before this one. */
  call: number;
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
  delayMs?: number;
}

/** A reply now, or a promise of one: an engine held until a test lets it answer. */
export type Script = (request: EngineRequest) => Reply | Promise<Reply>;

export interface EngineServer {
  /** `baseUrl(name)` is engine `name`'s base URL (up to /v1). */
  baseUrl(engine: string): string;
  received: EngineRequest[];
  close(): Promise<void>;
}

/** A chat-completions response as OpenAI sends it; `annotations` are url_citation annotations. */
export function openAiAnswer(content: string, annotations: string[] = [], tokens = 42): Reply {
  return {
    body: {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_790_000_000,
      model: 'scripted-gpt-2026-01',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: {
            role: 'assistant',
            content,
            refusal: null,
            annotations: annotations.map((url) => ({ type: 'url_citation', url_citation: { url, title: 'source', start_index: 0, end_index: 1 } })),
          },
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: tokens - 10, total_tokens: tokens },
    },
  };
}

/** Perplexity's shape: the same message, plus top-level `citations` and `search_results`. */
export function perplexityAnswer(content: string, citations: string[] = [], searchResults: string[] = [], tokens = 50): Reply {
  return {
    body: {
      id: 'pplx-1',
      model: 'sonar',
      created: 1_790_000_000,
      object: 'chat.completion',
      citations,
      search_results: searchResults.map((url) => ({ title: 'result', url, date: null })),
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
      usage: { prompt_tokens: 10, completion_tokens: tokens - 10, total_tokens: tokens },
    },
  };
}

/**
 * Answer engines on loopback, one path prefix each (`/<engine>/v1/chat/completions`), speaking
 * the chat-completions protocol; the script decides each reply from the engine, the prompt and
 * how often that engine was asked that prompt before.
 */
export async function startEngineServer(script: Script): Promise<EngineServer> {
  const received: EngineRequest[] = [];
  const calls = new Map<string, number>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const engine = (request.url ?? '').split('/')[1] ?? '';
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { model: string; messages: { content: string }[] };
      const prompt = body.messages[0]?.content ?? '';
      const key = `${engine}\n${prompt}`;
      const call = calls.get(key) ?? 0;
      calls.set(key, call + 1);
      const asked: EngineRequest = { engine, prompt, model: body.model, authorization: request.headers.authorization, call, at: Date.now() };
      received.push(asked);
      const reply = await script(asked);
      const send = () => {
        if (response.destroyed) return;
        response
          .writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
          .end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: (engine) => `http://127.0.0.1:${port}/${engine}/v1`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
