import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { LLM_DEFAULTS, LlmError, type LlmOptions } from './options';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** More than any sensible list of insights; a larger answer is refused rather than buffered. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

async function readText(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy();
      throw new LlmError(`the response is larger than ${MAX_RESPONSE_BYTES} bytes`, false);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function postOnce(url: string, options: LlmOptions, payload: string, timeoutMs: number): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
      body: payload,
      signal,
    });
    status = response.statusCode;
    text = await readText(response.body);
  } catch (error) {
    if (error instanceof LlmError) throw error;
    if (signal.aborted) throw new LlmError(`no answer within ${timeoutMs} ms`, true);
    throw new LlmError(`the request failed: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  if (status < 200 || status > 299) {
    throw new LlmError(`HTTP ${status}: ${text.slice(0, 200)}`, isRetryableStatus(status));
  }
  return text;
}

/**
 * POSTs a chat completion and returns the response body, retrying timeouts, network errors, 408,
 * 429 and 5xx with exponential backoff. Throws LlmError naming the last reason and the attempt.
 */
export async function postChatCompletion(
  options: LlmOptions,
  body: { messages: ChatMessage[]; response_format: { type: 'json_object' } },
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? LLM_DEFAULTS.timeoutMs;
  const retries = options.retries ?? LLM_DEFAULTS.retries;
  const retryDelayMs = options.retryDelayMs ?? LLM_DEFAULTS.retryDelayMs;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const payload = JSON.stringify({ model: options.model, ...body });
  const attempts = retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await postOnce(url, options, payload, timeoutMs);
    } catch (error) {
      const failure = error as LlmError;
      if (!failure.retryable || attempt >= attempts) {
        throw new LlmError(`${failure.message} (attempt ${attempt} of ${attempts})`, false);
      }
      // Equal jitter: workers that failed together do not all come back at the same moment.
      const delay = retryDelayMs * 2 ** (attempt - 1);
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}
