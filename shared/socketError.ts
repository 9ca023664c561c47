import { GraphQLRequestError, type GraphQLErrorPayload } from './transport';

/** How graphql-ws reports a closed socket: the server's close code and reason. */
export function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

/**
 * graphql-ws fails a subscription with the server's GraphQL errors, a close event or an Error;
 * callers get one kind of error to explain, whatever the cause.
 */
export function socketErrorToRequestError(error: unknown): GraphQLRequestError {
  if (error instanceof GraphQLRequestError) return error;
  if (Array.isArray(error)) return new GraphQLRequestError(error as GraphQLErrorPayload[]);
  if (isCloseEvent(error)) {
    return new GraphQLRequestError([{ message: `The live connection closed (${error.code}${error.reason ? `: ${error.reason}` : ''})` }]);
  }
  return new GraphQLRequestError([{ message: error instanceof Error ? error.message : 'The live connection failed' }]);
}
