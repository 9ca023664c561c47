// GraphQL over HTTP POST, shared by the web client and the CLI: no DOM or Node specifics.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export interface GraphQLErrorPayload {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly GraphQLErrorPayload[]) {
    super(errors.map((error) => error.message).join('\n') || 'The server answered with an error');
    this.name = 'GraphQLRequestError';
  }

  hasCode(code: ErrorCode): boolean {
    return this.errors.some((error) => error.extensions?.code === code);
  }
}

export async function postGraphQL<Result, Variables>(
  url: string,
  document: DocumentTypeDecoration<Result, Variables>,
  variables: Variables,
  authorization?: string,
): Promise<Result> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (authorization) headers.authorization = authorization;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = await readJson(response);
  if (body?.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!response.ok || !body?.data) {
    throw new GraphQLRequestError([{ message: `The server answered ${response.status} ${response.statusText}`.trim() }]);
  }
  return body.data as Result;
}

async function readJson(response: Response): Promise<{ data?: unknown; errors?: GraphQLErrorPayload[] } | undefined> {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return (await response.json()) as { data?: unknown; errors?: GraphQLErrorPayload[] };
  } catch {
    return undefined;
  }
}
