import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: GraphQLResponse<T>;
}

/** A POST of `body` as it is (JSON unless the headers say otherwise), answered with status, headers and body. */
export async function post<T = any>(url: string, body: string, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T> };
}

export async function graphql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return (await post<T>(url, JSON.stringify({ query, variables }), headers)).body;
}

/** Like graphql(), but fails the test on any error. */
export async function graphqlData<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const result = await graphql<T>(url, query, variables, headers);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams });
}

export interface Recording<T> {
  events: T[];
  errors: unknown[];
  /** Resolves when the server completed the subscription (or rejects on an error). */
  completed: Promise<void>;
  /** Resolves once an event matching the predicate arrived. */
  waitFor(predicate: (event: T) => boolean): Promise<T>;
}

/** Subscribes and records every event until the server completes the stream. */
export function record<T = any>(client: Client, query: string, variables: Record<string, unknown>): Recording<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: { predicate: (event: T) => boolean; resolve: (event: T) => void }[] = [];
  const completed = new Promise<void>((resolve, reject) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (message) => {
          if (message.errors) errors.push(...message.errors);
          if (!message.data) return;
          const event = message.data as T;
          events.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        },
        error: (error) => {
          errors.push(error);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: resolve,
      },
    );
  });
  completed.catch(() => {});
  return {
    events,
    errors,
    completed,
    waitFor: (predicate) => {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}
