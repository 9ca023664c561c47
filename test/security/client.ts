import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLResponse } from '../helpers/graphql';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: GraphQLResponse<T>;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export async function post<T = any>(url: string, body: string, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T> };
}

/** A GraphQL request over HTTP with the given key (none: keyless). */
export function gql<T = any>(url: string, key: string | null, query: string, variables: Record<string, unknown> = {}) {
  return post<T>(url, JSON.stringify({ query, variables }), key ? bearer(key) : {});
}

/** Like gql(), but fails the test on any error. */
export async function gqlData<T = any>(url: string, key: string | null, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await gql<T>(url, key, query, variables);
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export function firstErrorCode(answer: HttpAnswer): string | undefined {
  return answer.body.errors?.[0]?.extensions?.code;
}

/** A graphql-ws client whose connection_init payload is `connectionParams` (a key: the Bearer form). */
export function socket(url: string, connectionParams?: string | Record<string, unknown>) {
  const closes: number[] = [];
  let closed!: (code: number) => void;
  const closedWith = new Promise<number>((resolve) => (closed = resolve));
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // The close code is what the tests look at; graphql-ws would print the refusal otherwise.
    onNonLazyError: () => {},
    connectionParams: typeof connectionParams === 'string' ? bearer(connectionParams) : connectionParams,
    on: {
      closed: (event) => {
        const code = (event as { code: number }).code;
        closes.push(code);
        closed(code);
      },
    },
  });
  return { client, closedWith, closes };
}

/** Starts a subscription; resolves with its first message (data or errors). */
export function firstMessage(client: Client, query: string, variables: Record<string, unknown>) {
  return new Promise<{ data?: any; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>(
    (resolve, reject) => {
      client.subscribe({ query, variables }, { next: resolve, error: reject, complete: () => {} });
    },
  );
}
