import { randomUUID } from 'node:crypto';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticator';
import type { Caller } from '../auth/caller';
import { UserError } from '../errors';
import type { Context, Services } from '../schema/context';
import { schema } from '../schema';
import { corsPolicy } from './origins';
import {
  authenticateFirst,
  codeRefusedOperations,
  limitRequestBody,
  operationLimits,
  rejectForeignOrigins,
  subscriptionsOverWebSocketOnly,
} from './requestGuards';
import type { ResultSink } from './resultSink';
import { shareEventResults } from './sharedEventResults';

/** What the WebSocket server hands to Yoga: the caller it authenticated at connection_init. */
export interface ServerContext {
  caller?: Caller;
  /** A WebSocket subscription's direct way to its socket. */
  resultSink?: ResultSink;
}

/**
 * Yoga with the contract's error rule: a UserError keeps its message and code, anything else
 * is logged and reaches the client only as a request id to quote. Every operation runs as an
 * authenticated caller, inside the request limits, and only for allowed browser origins.
 */
export function createGraphQLServer(services: Services, auth: Authenticator) {
  const { config } = services;
  const maskError = maskErrorFor(services);
  const authentication = authenticateFirst(auth, config.requestLimits.unauthenticatedPerMinute, maskError);
  return createYoga<ServerContext, Context>({
    schema,
    // A WebSocket operation comes with the caller its connection authenticated.
    context: ({ request, caller }) => ({ ...services, caller: caller ?? authentication.callerOf(request) }),
    graphqlEndpoint: '/graphql',
    // GraphiQL needs introspection. Its scripts are served by Vantage itself, not from a CDN.
    graphiql: config.introspection ? { subscriptionsProtocol: 'WS', title: 'Vantage' } : false,
    renderGraphiQL,
    cors: corsPolicy(config.corsOrigins),
    plugins: [
      rejectForeignOrigins(config.corsOrigins),
      limitRequestBody(config.requestLimits.maxBytes),
      useCSRFPrevention(),
      authentication.plugin,
      subscriptionsOverWebSocketOnly(),
      shareEventResults(maskError),
      ...operationLimits(config),
      codeRefusedOperations(),
    ],
    logging: false,
    maskedErrors: { maskError },
  });
}

/** A UserError keeps its message and code; anything unexpected is logged and replaced by a request id. */
function maskErrorFor(services: Services) {
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
    if (error instanceof GraphQLError && !error.originalError) return error; // parse/validation/authentication errors
    const requestId = randomUUID();
    services.log.error({ err: original ?? error, requestId }, 'unexpected error in a GraphQL operation');
    return new GraphQLError(`Internal error (request id ${requestId}).`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  };
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;
