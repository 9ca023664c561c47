import type { AnswerEngineConfig } from '../../config';
import { parseUrl, urlsInText } from '../urls';
import { postJson, RemoteApiError, type RequestPolicy } from '../../remoteApi';
import { parseChatCompletion } from './protocols';

/** One answer of one engine to one prompt. */
export interface EngineAnswer {
  text: string;
  /** The engine's sources, then links and bare URLs in the text; http(s) only, each once, without fragments. */
  citations: string[];
  /** The model the engine says answered; the configured one when it does not say. */
  model: string;
  /** Total tokens the engine reports; null when it reports none. */
  tokens: number | null;
  /** Of the attempt that answered. */
  latencyMs: number;
  attempts: number;
}

export interface EngineClient {
  readonly name: string;
  readonly model: string;
  ask(prompt: string, options?: { signal?: AbortSignal }): Promise<EngineAnswer>;
}

/**
 * The error with the key cut out of its message: an engine's error body, which the message
 * quotes, may echo the Authorization header it was sent.
 */
export function withoutKey(error: unknown, key: string | null): unknown {
  if (!key || !(error instanceof RemoteApiError) || !error.message.includes(key)) return error;
  return new RemoteApiError(error.code, error.message.replaceAll(key, '[key removed]'), error.retryable, error.details);
}

export const REQUEST_DEFAULTS = { retryDelayMs: 1_000, maxRetryAfterMs: 120_000 } as const;

/**
 * A client for one configured engine. Both kinds speak chat completions over plain undici, not
 * the `openai` package: the same code then caps the body while it streams in (the package reads
 * it whole), honours Retry-After on 503 as on 429, and reads Perplexity's extra fields, which
 * the package's types do not know; and no second HTTP stack sits beside the crawler's.
 */
export function createEngineClient(
  engine: AnswerEngineConfig,
  policy: Pick<RequestPolicy, 'timeoutMs' | 'retries' | 'maxBytes'> & Partial<RequestPolicy>,
): EngineClient {
  const url = `${engine.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const fullPolicy: RequestPolicy = { ...REQUEST_DEFAULTS, ...policy };
  return {
    name: engine.name,
    model: engine.model,
    async ask(prompt, { signal } = {}) {
      // The key goes into the header here and nowhere else: never into an error or a result.
      const headers: Record<string, string> = engine.apiKey ? { authorization: `Bearer ${engine.apiKey}` } : {};
      const body = { ...engine.requestOptions, model: engine.model, messages: [{ role: 'user', content: prompt }] };
      const response = await postJson(url, headers, body, fullPolicy, (text) => parseChatCompletion(text, engine.kind), signal).catch((error: unknown) => {
        throw withoutKey(error, engine.apiKey);
      });
      const parsed = response.result;
      const citations = [...new Set([...parsed.sources.map((source) => parseUrl(source)?.url), ...urlsInText(parsed.text).map((found) => found.url)])].filter(
        (citation) => citation !== undefined,
      );
      return {
        text: parsed.text,
        citations,
        model: parsed.model ?? engine.model,
        tokens: parsed.tokens,
        latencyMs: response.latencyMs,
        attempts: response.attempts,
      };
    },
  };
}
