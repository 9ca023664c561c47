import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config';
import { isAllowedOrigin } from './origins';
import { limitQueryCost } from './queryCost';

function refusal(fetchAPI: { Response: typeof Response }, status: number, code: string, message: string) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
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
