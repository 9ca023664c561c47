import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { getOperationAST, getVariableValues, GraphQLError, type ExecutionArgs } from 'graphql';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticator';
import type { Caller } from '../auth/caller';
import type { Context, Services } from '../schema/context';
import { schema } from '../schema';
import { maskErrorFor, tidyValidationErrors } from './errorMasking';
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

/** What GraphiQL opens with: a batch started and watched, instead of GraphiQL's own welcome text. */
export const GRAPHIQL_EXAMPLE = `# Vantage compares a site with its competitors on SEO and answer-engine checks.
# 1. Run StartBatch: your page is the subject, the others are its competitors.
# 2. Put the id it returns in the variables below as {"id": "…"} and run WatchBatch:
#    progress streams live until the batch ends.
# The documentation explorer (the book icon) lists every query, mutation and subscription.

mutation StartBatch {
  createBatch(
    input: {
      name: "My site against two rivals"
      subjectUrl: "https://example.com/"
      urls: ["https://example.com/", "https://example.org/", "https://example.net/"]
    }
  ) {
    id
    status
  }
}

subscription WatchBatch($id: ID!) {
  batchProgress(id: $id) {
    sequence
    batch {
      status
      progress
      completedUrls
      totalUrls
    }
  }
}
`;

/**
 * Queries run compiled (graphql-jit): a dashboard's thousands of history points resolve several
 * times faster (bench/projectHistory.bench.ts). Mutations and subscriptions keep graphql-js's
 * executor, and so do queries whose variables do not coerce: graphql-jit reports those without
 * the error codes clients rely on.
 */
function runsCompiled({ schema, document, operationName, variableValues }: ExecutionArgs): boolean {
  const operation = getOperationAST(document, operationName);
  return operation?.operation === 'query' && !getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {}).errors;
}

/**
 * Yoga with the contract's error rule (errorMasking.ts). Every operation runs as an
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
    graphiql: config.introspection ? { subscriptionsProtocol: 'WS', title: 'Vantage', defaultQuery: GRAPHIQL_EXAMPLE } : false,
    // GraphiQL's page is megabytes of script held in memory: loaded when someone first opens it, never by a worker.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
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
      tidyValidationErrors(!config.introspection),
      useGraphQlJit({}, { enableIf: runsCompiled }),
    ],
    logging: false,
    maskedErrors: { maskError },
  });
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;
