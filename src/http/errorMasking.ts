import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES, quoted, UserError, type ErrorCode } from '../errors';
import type { Services } from '../schema/context';

/** graphql-js's "Did you mean …?" hints name fields, types and enum values of the schema. */
const SUGGESTION = /\s*Did you mean .*\?$/s;
/** A quoted value in a message, as graphql-js writes a caller's value into one. */
const LONG_QUOTED_VALUE = /"((?:[^"\\]|\\.){200,})"/g;

/**
 * An error graphql-js or Yoga raised about the request itself, before any resolver ran: a
 * variable of the wrong type, an unknown input field, a body that is not GraphQL, CSRF's
 * refusal. It has no path, and only GraphQL errors in its chain (a bug would be another error).
 */
function isRefusedRequest(error: GraphQLError): boolean {
  if (error.path) return false;
  let cause: unknown = error.originalError;
  while (cause) {
    if (!(cause instanceof GraphQLError)) return false;
    cause = cause.originalError;
  }
  return true;
}

/** The message without what it must not reveal or repeat at length. */
function clientMessage(message: string, hideSuggestions: boolean): string {
  const short = message.replace(LONG_QUOTED_VALUE, (_match, value: string) => `"${quoted(value)}"`);
  return hideSuggestions ? short.replace(SUGGESTION, '') : short;
}

/** The error with another message and extensions, where it was. */
function rewritten(error: GraphQLError, message: string, extensions: GraphQLError['extensions']): GraphQLError {
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions });
}

const isDocumented = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

/**
 * A refused request keeps its message and gets a documented code in place of none or Yoga's
 * own (such as OPERATION_RESOLUTION_FAILURE): FORBIDDEN for CSRF's 403, else BAD_USER_INPUT.
 */
function codedRefusal(error: GraphQLError, hideSuggestions: boolean): GraphQLError {
  const { code, http } = error.extensions as { code?: unknown; http?: { status?: number } };
  const documented = isDocumented(code) ? code : http?.status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT';
  return rewritten(error, clientMessage(error.message, hideSuggestions), { ...error.extensions, code: documented });
}

/**
 * The contract's error rule: a UserError keeps its message and code, a refused request its
 * message with a code, anything unexpected is logged and reaches the client only as a request id.
 */
export function maskErrorFor({ config, log }: Pick<Services, 'config' | 'log'>) {
  const hideSuggestions = !config.introspection;
  return (error: unknown): GraphQLError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof UserError) {
      const source = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(original.message, {
        nodes: source?.nodes,
        path: source?.path,
        extensions: { code: original.code, ...original.details },
      });
    }
    if (error instanceof GraphQLError && isRefusedRequest(error)) return codedRefusal(error, hideSuggestions);
    const requestId = randomUUID();
    log.error({ err: original ?? error, requestId }, 'unexpected error in a GraphQL operation');
    return new GraphQLError(`Internal error (request id ${requestId}).`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode, requestId },
    });
  };
}

/**
 * Validation errors as a refused request's: a long value quoted at most in part and, with
 * introspection off, no suggested names ("Did you mean the enum value …?"), which would reveal
 * the schema piece by piece. Over WebSocket too, where they reach the client unmasked.
 */
export function tidyValidationErrors(hideSuggestions: boolean): Plugin {
  return {
    onValidate: () => ({ valid, result, setResult }) => {
      if (valid) return;
      setResult(
        result.map((error) => {
          const message = clientMessage(error.message, hideSuggestions);
          return message === error.message ? error : rewritten(error, message, error.extensions);
        }),
      );
    },
  };
}
