import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

/** Why a remote API (a language model, an answer engine) gave no usable answer. */
export type RemoteApiErrorCode =
  | 'TIMEOUT'
  | 'NETWORK'
  | 'HTTP_STATUS'
  | 'TOO_LARGE'
  | 'INVALID_JSON'
  | 'INVALID_RESPONSE'
  | 'EMPTY_ANSWER'
  | 'CANCELLED';

export class RemoteApiError extends Error {
  constructor(
    readonly code: RemoteApiErrorCode,
    message: string,
    /** Whether asking again may help: timeouts, network errors, 408, 429 and 5xx. */
    readonly retryable: boolean,
    readonly details: { status?: number; retryAfterMs?: number; attempts?: number } = {},
  ) {
    super(message);
    this.name = 'RemoteApiError';
  }
}

export interface RequestPolicy {
  /** Per attempt, covering the answer's headers and body. */
  timeoutMs: number;
  /** Attempts after the first, for retryable failures. */
  retries: number;
  /** The largest response body read; a larger one is refused (TOO_LARGE), never cut: a cut JSON document cannot be read. */
  maxBytes: number;
  /** Wait before the first retry without Retry-After, doubled for each further one (with jitter). */
  retryDelayMs: number;
  /** The longest Retry-After obeyed; a server asking for more is waited on this long. */
  maxRetryAfterMs: number;
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined || header.trim() === '') return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new RemoteApiError('TOO_LARGE', `the response is larger than ${maxBytes} bytes`, false);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function postOnce<T>(
  url: string,
  headers: Record<string, string>,
  payload: string,
  policy: RequestPolicy,
  signal: AbortSignal | undefined,
  read: (body: string) => T,
): Promise<{ result: T; latencyMs: number }> {
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const started = performance.now();
  let status: number;
  let text: string;
  let retryAfter: string | string[] | undefined;
  try {
    const response = await request(url, {
      method: 'POST',
      headers,
      body: payload,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    status = response.statusCode;
    retryAfter = response.headers['retry-after'];
    text = await readCapped(response.body, policy.maxBytes);
  } catch (error) {
    if (error instanceof RemoteApiError) throw error;
    if (signal?.aborted) throw new RemoteApiError('CANCELLED', 'the request was cancelled', false);
    if (timeout.aborted) throw new RemoteApiError('TIMEOUT', `no answer within ${policy.timeoutMs} ms`, true);
    throw new RemoteApiError('NETWORK', `the request failed: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  if (status < 200 || status > 299) {
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfter) : null;
    throw new RemoteApiError('HTTP_STATUS', `HTTP ${status}: ${text.slice(0, 200)}`, status === 408 || status === 429 || status >= 500, {
      status,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    });
  }
  const latencyMs = Math.round(performance.now() - started);
  return { result: read(text), latencyMs };
}

/**
 * POSTs JSON and returns what `read` makes of the response body (read throws RemoteApiError for a
 * body it cannot use) with the successful attempt's latency, retrying
 * retryable failures with exponential backoff, or after the server's Retry-After on 429 and
 * 503. Throws RemoteApiError naming the last reason and the attempts made; a cancelled signal
 * stops at once, waits included.
 */
export async function postJson<T>(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  policy: RequestPolicy,
  read: (body: string) => T,
  signal?: AbortSignal,
): Promise<{ result: T; latencyMs: number; attempts: number }> {
  const payload = JSON.stringify(body);
  const allHeaders = { 'content-type': 'application/json', accept: 'application/json', ...headers };
  for (let attempt = 1; ; attempt++) {
    try {
      return { ...(await postOnce(url, allHeaders, payload, policy, signal, read)), attempts: attempt };
    } catch (error) {
      const failure = error as RemoteApiError;
      if (!failure.retryable || attempt > policy.retries) {
        throw new RemoteApiError(failure.code, `${failure.message} (attempt ${attempt} of ${policy.retries + 1})`, false, {
          ...failure.details,
          attempts: attempt,
        });
      }
      // Equal jitter: requests that failed together do not all come back at the same moment.
      const backoff = policy.retryDelayMs * 2 ** (attempt - 1);
      const delay = failure.details.retryAfterMs !== undefined ? Math.min(failure.details.retryAfterMs, policy.maxRetryAfterMs) : backoff / 2 + Math.random() * (backoff / 2);
      try {
        await sleep(delay, undefined, { signal });
      } catch {
        throw new RemoteApiError('CANCELLED', 'the request was cancelled', false, { attempts: attempt });
      }
    }
  }
}
