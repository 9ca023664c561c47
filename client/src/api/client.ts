import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { authorizationHeader, markKeyRequired } from './apiKey';
import { GraphQLRequestError, postGraphQL } from './transport';

export const graphqlPath = '/graphql';

/** Queries and mutations go over plain HTTP; an UNAUTHENTICATED answer opens the key prompt. */
export async function request<Result, Variables>(
  document: DocumentTypeDecoration<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  try {
    return await postGraphQL(graphqlPath, document, variables, authorizationHeader());
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.hasCode('UNAUTHENTICATED')) markKeyRequired();
    throw error;
  }
}
