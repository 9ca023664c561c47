/**
 * Every `extensions.code` an error can reach a client with, and what it means: the first five
 * are the public contract's, the last two the server's own. schema.graphql's header and the
 * README list them from here.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'invalid input (the message names the offending value); nothing is written',
  UNAUTHENTICATED: 'missing or unknown API key',
  NOT_FOUND: 'no such object, or it belongs to another owner (never reveal which)',
  CONFLICT: "the operation does not fit the object's state (e.g. retry of a running batch)",
  RATE_LIMITED: 'too many requests or batches for this owner right now (extensions.retryAfterSeconds: when to ask again)',
  FORBIDDEN: 'a browser request from an origin not allowed (CORS_ORIGINS), or without the header that tells it from a cross-site form',
  INTERNAL_SERVER_ERROR: 'an unexpected failure, logged by the server; the message carries a request id to quote',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes of the public contract; any other error is masked before it reaches a client. */
export type UserErrorCode = Exclude<ErrorCode, 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR'>;

/** An error meant for the caller: its message is shown and its code lands in `extensions.code`. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const notFound = (what: string) => new UserError('NOT_FOUND', `No ${what} with that id.`);

/** How much of a caller's value an error quotes back: enough to recognise it, never the whole upload. */
const MAX_QUOTED_CHARS = 200;

/** The value cut to MAX_QUOTED_CHARS, with an ellipsis where it was cut. */
export function quoted(value: string): string {
  return value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value;
}
