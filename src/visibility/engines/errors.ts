/** Why an engine gave no usable answer. */
export type EngineErrorCode =
  | 'TIMEOUT'
  | 'NETWORK'
  | 'HTTP_STATUS'
  | 'TOO_LARGE'
  | 'INVALID_JSON'
  | 'INVALID_RESPONSE'
  | 'EMPTY_ANSWER'
  | 'CANCELLED';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    /** Whether asking again may help: timeouts, network errors, 408, 429 and 5xx. */
    readonly retryable: boolean,
    readonly details: { status?: number; retryAfterMs?: number; attempts?: number } = {},
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
