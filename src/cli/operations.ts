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

/** Everything the contract says about a comparison: `--json` prints exactly this. */
export const BatchComparisonQuery = graphql(`
  query CliBatchComparison($id: ID!) {
    batch(id: $id) {
      id
      status
      error
      comparison {
        createdAt
        ranking {
          rank
          overallScore
          seoScore
          aeoScore
          technicalScore
          target {
            id
            url
            isSubject
          }
        }
        checks {
          checkId
          category
          passedBy {
            id
            url
          }
          failedBy {
            id
            url
          }
        }
        gaps {
          checkId
          message
          competitors {
            id
            url
          }
        }
        insights {
          title
          body
          severity
          source
        }
      }
    }
  }
`);
