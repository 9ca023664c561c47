import { graphql } from './gql';

export const CreateBatchMutation = graphql(`
  mutation CliCreateBatch($input: CreateBatchInput!) {
    createBatch(input: $input) {
      id
      name
    }
  }
`);

export const BatchProgressSubscription = graphql(`
  subscription CliBatchProgress($id: ID!) {
    batchProgress(id: $id) {
      sequence
      batch {
        id
        name
        status
        progress
        totalUrls
        completedUrls
        failedUrls
        error
        targets {
          id
          url
          isSubject
          status
          error
        }
      }
    }
  }
`);

/** The batch's comparison (operations/comparison.graphql): `--json` prints exactly this. */
export const BatchComparisonQuery = graphql(`
  query CliBatchComparison($id: ID!) {
    batch(id: $id) {
      id
      status
      error
      comparison {
        ...ComparisonFields
      }
    }
  }
`);
