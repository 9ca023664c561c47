import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { authorizationHeader, markKeyRequired } from './apiKey';
import { GraphQLRequestError, postGraphQL } from '#shared/transport';

export const graphqlPath = '/graphql';

/**
 * Queries and mutations go over plain HTTP. Every failure comes back as a GraphQLRequestError, a
 * lost connection included, so screens have one kind of error to show; UNAUTHENTICATED also opens
 * the key prompt.
 */
export async function request<Result, Variables>(
  document: DocumentTypeDecoration<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  try {
    return await postGraphQL(graphqlPath, document, variables, authorizationHeader());
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) {
      throw new GraphQLRequestError([{ message: `The server cannot be reached (${error instanceof Error ? error.message : String(error)})` }]);
    }
    if (error.hasCode('UNAUTHENTICATED')) markKeyRequired();
    throw error;
  }
}
