import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
import { authorizationHeader, markKeyRequired, onApiKeyChange } from './apiKey';
import { graphqlPath } from './client';
import { isCloseEvent, socketErrorToRequestError } from '#shared/socketError';
import { GraphQLRequestError, type GraphQLErrorPayload } from '#shared/transport';

export type SocketState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

// The server refuses connection_init with 4401 (a missing or unknown key) or 4403 (a revoked one).
const keyRefusedCloseCodes: ReadonlySet<number> = new Set([4401, 4403]);
const maxRetryDelayMs = 10_000;

let socketState: SocketState = 'idle';
const stateListeners = new Set<() => void>();

function setSocketState(next: SocketState) {
  socketState = next;
  for (const listener of stateListeners) listener();
}

export function readSocketState() {
  return socketState;
}

export function onSocketStateChange(listener: () => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

function socketUrl() {
  const url = new URL(graphqlPath, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

function connect(): Client {
  let everConnected = false;
  return createClient({
    url: socketUrl(),
    connectionParams: () => {
      const authorization = authorizationHeader();
      return authorization ? { authorization } : {};
    },
    retryAttempts: Number.POSITIVE_INFINITY,
    // Capped backoff: a page left open through a server restart reconnects within seconds.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(maxRetryDelayMs, 500 * 2 ** retries))),
    shouldRetry: (event) => !(isCloseEvent(event) && keyRefusedCloseCodes.has(event.code)),
    on: {
      connecting: () => setSocketState(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        everConnected = true;
        setSocketState('connected');
      },
      closed: (event) => {
        if (isCloseEvent(event) && keyRefusedCloseCodes.has(event.code)) markKeyRequired();
        setSocketState(everConnected && isCloseEvent(event) && event.code !== 1000 ? 'reconnecting' : 'idle');
      },
    },
  });
}

let client: Client | undefined;

onApiKeyChange(() => {
  // A new key needs a new connection_init; subscribers resubscribe when their hooks see the key change.
  // dispose() rejects when the old connection was refused (a missing key): it is gone either way.
  void Promise.resolve(client?.dispose()).catch(() => {});
  client = undefined;
});

export interface SubscriptionHandlers<Result> {
  next(data: Result): void;
  error(error: GraphQLRequestError): void;
  complete(): void;
}

/**
 * Subscribes over the shared socket. After a reconnect graphql-ws subscribes again, and the server
 * answers with a fresh snapshot, so callers only need to drop stale sequences.
 */
export function subscribe<Result, Variables extends Record<string, unknown>>(
  document: DocumentTypeDecoration<Result, Variables>,
  variables: Variables,
  handlers: SubscriptionHandlers<Result>,
): () => void {
  client ??= connect();
  return client.subscribe<Result, Variables>(
    { query: document.toString(), variables },
    {
      next: (message) => {
        if (message.errors?.length) {
          const error = new GraphQLRequestError(message.errors as GraphQLErrorPayload[]);
          if (error.hasCode('UNAUTHENTICATED')) markKeyRequired();
          handlers.error(error);
        } else if (message.data) {
          handlers.next(message.data);
        }
      },
      error: (error) => {
        const requestError = socketErrorToRequestError(error);
        if (requestError.hasCode('UNAUTHENTICATED')) markKeyRequired();
        handlers.error(requestError);
      },
      complete: () => handlers.complete(),
    },
  );
}
