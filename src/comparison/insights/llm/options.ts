/** The tokens a server says the request took, when it says. */
export interface TokenUsage {
  prompt: number;
  completion: number;
}

/** How to reach an OpenAI-compatible chat-completions endpoint. */
export interface LlmOptions {
  /** Up to and including the API version, e.g. "https://api.openai.com/v1"; "/chat/completions" is appended. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Per attempt, covering the answer's headers and body. Default 30 000. */
  timeoutMs?: number;
  /** Attempts after the first one, for timeouts, network errors, 408, 429 and 5xx. Default 2. */
  retries?: number;
  /** Wait before the first retry, doubled for each further one (with jitter). Default 1 000. */
  retryDelayMs?: number;
  /** Told of each request (all its attempts) once it ends, e.g. for metrics. */
  observe?: (request: { seconds: number; ok: boolean; usage: TokenUsage | null }) => void;
}

export const LLM_DEFAULTS = { timeoutMs: 30_000, retries: 2, retryDelayMs: 1_000 } as const;

/** Why a model's answer could not be used (a failed request is a RemoteApiError instead). */
export class LlmError extends Error {
  override readonly name = 'LlmError';
}
