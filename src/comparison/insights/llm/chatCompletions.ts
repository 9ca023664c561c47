import { postJson } from '../../../remoteApi';
import { LLM_DEFAULTS, type LlmOptions } from './options';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** More than any sensible list of insights; a larger answer is refused rather than buffered. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * POSTs a chat completion and returns the response body, retrying timeouts, network errors, 408,
 * 429 and 5xx with exponential backoff (or the server's Retry-After, up to the timeout). Throws a
 * RemoteApiError naming the last reason and the attempt.
 */
export async function postChatCompletion(
  options: LlmOptions,
  body: { messages: ChatMessage[]; response_format: { type: 'json_object' } },
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? LLM_DEFAULTS.timeoutMs;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const policy = {
    timeoutMs,
    retries: options.retries ?? LLM_DEFAULTS.retries,
    retryDelayMs: options.retryDelayMs ?? LLM_DEFAULTS.retryDelayMs,
    maxBytes: MAX_RESPONSE_BYTES,
    maxRetryAfterMs: timeoutMs,
  };
  const { result } = await postJson(url, { authorization: `Bearer ${options.apiKey}` }, { model: options.model, ...body }, policy, (text) => text);
  return result;
}
