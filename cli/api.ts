import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { socketErrorToRequestError } from '#shared/socketError';
import { GraphQLRequestError, postGraphQL, type GraphQLErrorPayload } from '#shared/transport';
import type { Connection } from './args';

const retryAttempts = 5;

/** The server's HTTP and WebSocket endpoints, from its base URL (a trailing /graphql is fine too). */
export function endpoints(server: string): { http: string; ws: string } {
  const url = new URL(server);
  if (!url.pathname.endsWith('/graphql')) url.pathname = `${url.pathname.replace(/\/$/, '')}/graphql`;
  const http = url.href;
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http, ws: url.href };
}

export class Api {
  private readonly http: string;
  private readonly socket: Client;
  private readonly authorization: string | undefined;

  constructor(connection: Connection) {
    const urls = endpoints(connection.server);
    this.http = urls.http;
    this.authorization = connection.key ? `Bearer ${connection.key}` : undefined;
    const authorization = this.authorization;
    this.socket = createClient({
      url: urls.ws,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts,
      connectionParams: () => (authorization ? { authorization } : {}),
    });
  }

  request<Result, Variables>(document: DocumentTypeDecoration<Result, Variables>, variables: Variables): Promise<Result> {
    return postGraphQL(this.http, document, variables, this.authorization);
  }

  /** Results of a subscription; after a reconnect graphql-ws subscribes again and the stream goes on. */
  async *subscribe<Result, Variables extends Record<string, unknown>>(
    document: DocumentTypeDecoration<Result, Variables>,
    variables: Variables,
  ): AsyncGenerator<Result> {
    const results = this.socket.iterate<Result>({ query: document.toString(), variables });
    try {
      for await (const result of results) {
        if (result.errors?.length) throw new GraphQLRequestError(result.errors as GraphQLErrorPayload[]);
        if (result.data) yield result.data;
      }
    } catch (error) {
      // A plain Error is the network's (the server cannot be reached), which main explains itself.
      throw error instanceof Error ? error : socketErrorToRequestError(error);
    }
  }

  close(): Promise<void> {
    return Promise.resolve(this.socket.dispose());
  }
}
