import { graphql } from '../gql';

export const VisibilitySummaryFields = graphql(`
  fragment VisibilitySummaryFields on VisibilityAudit {
    id
    status
    stage
    progress
    engines
    samplesPerPrompt
    requestsTotal
    requestsDone
    requestsFailed
    tokensUsed
    error
    createdAt
    startedAt
    finishedAt
  }
`);

export const VisibilityAuditQuery = graphql(`
  query VisibilityAudit($id: ID!) {
    node(id: $id) {
      __typename
      ... on VisibilityAudit {
        ...VisibilitySummaryFields
        project {
          id
          name
        }
      }
    }
  }
`);

/** What a finished audit found (operations/visibility.graphql); empty until SCORING is done. */
export const VisibilityResultsQuery = graphql(`
  query VisibilityResults($id: ID!) {
    node(id: $id) {
      __typename
      ... on VisibilityAudit {
        id
        promptsSource
        ...VisibilityResultFields
      }
    }
  }
`);

export const PromptAnswersQuery = graphql(`
  query PromptAnswers($id: ID!, $prompt: String!, $after: String) {
    node(id: $id) {
      __typename
      ... on VisibilityAudit {
        id
        answers(prompt: $prompt, first: 50, after: $after) {
          totalCount
          edges {
            node {
              id
              engine
              model
              sample
              text
              cached
              error
              citations
              mentions {
                brand
                position
                sentiment
                recommended
                spans {
                  start
                  end
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`);

export const VisibilityProgressSubscription = graphql(`
  subscription VisibilityProgress($id: ID!) {
    visibilityProgress(id: $id) {
      sequence
      audit {
        ...VisibilitySummaryFields
      }
    }
  }
`);

export const ProjectVisibilityQuery = graphql(`
  query ProjectVisibility($id: ID!) {
    answerEngines {
      name
      model
    }
    project(id: $id) {
      id
      visibilityAudits(first: 20) {
        edges {
          node {
            ...VisibilitySummaryFields
          }
        }
      }
    }
  }
`);

export const RunVisibilityAuditMutation = graphql(`
  mutation RunVisibilityAudit($projectId: ID!) {
    runVisibilityAudit(projectId: $projectId) {
      id
    }
  }
`);

export const CancelVisibilityAuditMutation = graphql(`
  mutation CancelVisibilityAudit($id: ID!) {
    cancelVisibilityAudit(id: $id) {
      ...VisibilitySummaryFields
    }
  }
`);
