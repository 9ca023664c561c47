import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { graphqlData, post, type HttpAnswer } from '../helpers/graphql';

export { post, type HttpAnswer } from '../helpers/graphql';

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const keyHeaders = (key: string | null) => (key ? bearer(key) : {});

/** A GraphQL request over HTTP with the given key (none: keyless). */
export function gql<T = any>(url: string, key: string | null, query: string, variables: Record<string, unknown> = {}) {
  return post<T>(url, JSON.stringify({ query, variables }), keyHeaders(key));
}

/** Like gql(), but fails the test on any error. */
export function gqlData<T = any>(url: string, key: string | null, query: string, variables: Record<string, unknown> = {}) {
  return graphqlData<T>(url, query, variables, keyHeaders(key));
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
