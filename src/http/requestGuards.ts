import type { IncomingMessage } from 'node:http';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AuthenticationError, type Authenticator } from '../auth/authenticator';
import type { Caller } from '../auth/caller';
import type { Config } from '../config';
import { isAllowedOrigin } from './origins';
import { limitQueryCost } from './queryCost';

function refusal(
  fetchAPI: { Response: typeof Response },
  status: number,
  code: string,
  message: string,
  { extensions = {}, headers = {} }: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * Identifies the caller from the Authorization header (or the local-mode rule) before the
 * body is read: a request without a usable key is refused (UNAUTHENTICATED) without being
 * read or parsed, and past `perMinute` such refusals from one address in a minute, with
 * RATE_LIMITED. Both close the connection, so the rest of the body is not read either.
 * Requests with a valid key are never limited here.
 */
export function authenticateFirst(auth: Authenticator, perMinute: number, maskError: (error: unknown) => GraphQLError) {
  const callers = new WeakMap<Request, Caller>();
  const refusals = new RateLimiterMemory({ points: perMinute, duration: 60 });
  const plugin: Plugin<{}, { req?: IncomingMessage }> = {
    async onRequest({ request, serverContext, fetchAPI, endResponse }) {
      try {
        const caller = await auth.identify({ authorization: request.headers.get('authorization'), host: request.headers.get('host') });
        callers.set(request, caller);
        return;
      } catch (error) {
        if (!(error instanceof AuthenticationError)) {
          // Thrown on, it would reach the client as a stack trace.
          const masked = maskError(error);
          endResponse(refusal(fetchAPI, 500, String(masked.extensions.code), masked.message, { extensions: masked.extensions }));
          return;
        }
        const address = serverContext.req?.socket.remoteAddress ?? 'unknown';
        const limited = await refusals.consume(address).then(
          () => null,
          (reason: unknown) => {
            if (reason instanceof RateLimiterRes) return reason;
            throw reason;
          },
        );
        if (!limited) {
          endResponse(
            refusal(fetchAPI, 401, 'UNAUTHENTICATED', error.message, { headers: { 'www-authenticate': 'Bearer', connection: 'close' } }),
          );
          return;
        }
        const retryAfterSeconds = Math.max(1, Math.ceil(limited.msBeforeNext / 1000));
        endResponse(
          refusal(fetchAPI, 429, 'RATE_LIMITED', `Too many requests without a valid API key from this address; retry in ${retryAfterSeconds} s.`, {
            extensions: { limit: 'UNAUTHENTICATED_REQUESTS_PER_MINUTE', retryAfterSeconds },
            headers: { 'retry-after': String(retryAfterSeconds), connection: 'close' },
          }),
        );
      }
    },
  };
  return {
    plugin,
    /** The caller identified for an HTTP request that got past the plugin. */
    callerOf(request: Request): Caller {
      const caller = callers.get(request);
      if (!caller) throw new Error('The request reached GraphQL without being authenticated.');
      return caller;
    },
  };
}

/**
 * Refuses a request body larger than the limit before it is read. The length must be
 * declared: Node's parser then reads exactly that many bytes, so a lying header cannot
 * smuggle more.
 */
export function limitRequestBody(maxBytes: number): Plugin {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      if (declared === null) {
        endResponse(refusal(fetchAPI, 411, 'BAD_USER_INPUT', 'Send the request body with a Content-Length header.'));
      } else if (!/^\d+$/.test(declared) || Number(declared) > maxBytes) {
        endResponse(
          refusal(fetchAPI, 413, 'BAD_USER_INPUT', `The request body is larger than the limit of ${maxBytes} bytes.`),
        );
      }
    },
  };
}

/** Browser requests from origins other than the server's own and CORS_ORIGINS are refused outright. */
export function rejectForeignOrigins(allowed: readonly string[]): Plugin {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      const origin = request.headers.get('origin');
      if (origin !== null && !isAllowedOrigin(origin, request.headers.get('host'), allowed)) {
        endResponse(refusal(fetchAPI, 403, 'FORBIDDEN', `Requests from ${origin} are not allowed (see CORS_ORIGINS).`));
      }
    },
  };
}

/** Depth, alias, cost and token limits, and introspection when it is switched off. */
export function operationLimits(config: Config): Plugin[] {
  const { maxDepth, maxAliases, maxCost, maxTokens } = config.requestLimits;
  const armor = new EnvelopArmor({
    maxDepth: { n: maxDepth },
    maxAliases: { n: maxAliases },
    costLimit: { enabled: false }, // queryCost.ts: an estimate that knows list sizes
    maxTokens: { n: maxTokens },
    // Hidden by errorMasking.ts, enum values' suggestions included.
    blockFieldSuggestion: { enabled: false },
  });
  const plugins: Plugin[] = [
    ...(armor.protect().plugins as Plugin[]),
    limitQueryCost(maxCost, { maxUrlsPerBatch: config.maxUrlsPerBatch, maxRedirects: config.crawl.maxRedirects }),
  ];
  if (!config.introspection) {
    plugins.push({ onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) });
  }
  return plugins;
}

/** The contract's code for input the server refuses, on an error that has no code of its own. */
function asBadUserInput<E extends Error>(error: E): E | GraphQLError {
  if (!(error instanceof GraphQLError) || error.extensions.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}

/**
 * Syntax errors, validation errors and the limits' refusals (graphql-armor's among them) come
 * without `extensions.code`; the contract gives every error one. Over HTTP and WebSocket alike,
 * since both parse and validate through Yoga's envelop.
 */
export function codeRefusedOperations(): Plugin {
  return {
    onParse: () => ({ result, replaceParseResult }) => {
      if (result instanceof GraphQLError) replaceParseResult(asBadUserInput(result));
    },
    onValidate: ({ validateFn, setValidationFn }) => {
      // graphql-armor's depth and cost rules throw their refusal instead of reporting it.
      setValidationFn((...args) => {
        try {
          return validateFn(...args);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      });
      return ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map((error) => asBadUserInput(error)));
      };
    },
  };
}

/**
 * Subscriptions only over graphql-ws, where connections per key and operations per connection
 * are capped; Yoga would otherwise also stream them over HTTP (server-sent events), uncapped.
 */
export function subscriptionsOverWebSocketOnly(): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      if ('socket' in (args.contextValue as object)) return; // set by websocket.ts
      setResultAndStopExecution({
        errors: [
          new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at this path, not over HTTP.', {
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ],
      });
    },
  };
}
