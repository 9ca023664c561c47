import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import { UserError } from '../errors';
import type { Services } from '../schema/context';
import { schema } from '../schema';

/**
 * Yoga with the contract's error rule: a UserError keeps its message and code, anything else
 * is logged and reaches the client only as a request id to quote.
 */
export function createGraphQLServer(services: Services) {
  return createYoga({
    schema,
    context: () => services,
    graphqlEndpoint: '/graphql',
    graphiql: { subscriptionsProtocol: 'WS', title: 'Vantage' },
    // GraphiQL's scripts served by Vantage itself, not from a CDN: it works offline and under a strict CSP.
    renderGraphiQL,
    logging: false,
    maskedErrors: {
      maskError(error) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof UserError) {
          const source = error instanceof GraphQLError ? error : undefined;
          return new GraphQLError(original.message, {
            nodes: source?.nodes,
            path: source?.path,
            extensions: { code: original.code, ...original.details },
          });
        }
        if (error instanceof GraphQLError && !error.originalError) return error; // parse/validation errors
        const requestId = randomUUID();
        services.log.error({ err: original ?? error, requestId }, 'unexpected error in a GraphQL operation');
        return new GraphQLError(`Internal error (request id ${requestId}).`, {
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        });
      },
    },
  });
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;
