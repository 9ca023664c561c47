/** The codes of the public contract; any other error is masked before it reaches a client. */
export type UserErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

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
