import { postJson } from '../remoteApi';
import { withoutKey } from './engines/client';
import { parseChatCompletion } from './engines/protocols';

/** The insight model (LLM_*): an OpenAI-compatible chat-completions endpoint. */
export interface InsightModel {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  retries: number;
}

/**
 * One question to the insight model, its answer's text back (with `json`, asked for as a JSON
 * object). Throws a RemoteApiError, without the key in its message, when no usable answer came.
 */
export async function askInsightModel(model: InsightModel, content: string, options: { json?: boolean; signal?: AbortSignal } = {}): Promise<string> {
  const url = `${model.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = model.apiKey ? { authorization: `Bearer ${model.apiKey}` } : {};
  const policy = { timeoutMs: model.timeoutMs, retries: model.retries, maxBytes: 1024 * 1024, retryDelayMs: 1000, maxRetryAfterMs: model.timeoutMs };
  const body = { model: model.model, ...(options.json ? { response_format: { type: 'json_object' } } : {}), messages: [{ role: 'user', content }] };
  const { result } = await postJson(url, headers, body, policy, (text) => parseChatCompletion(text, 'openai-chat'), options.signal).catch((error: unknown) => {
    throw withoutKey(error, model.apiKey);
  });
  return result.text;
}
