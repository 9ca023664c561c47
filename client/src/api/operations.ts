import { graphql } from '../gql';

export const BatchSummaryFields = graphql(`
  fragment BatchSummaryFields on Batch {
    id
    name
    status
    progress
    totalUrls
    completedUrls
    failedUrls
    error
    maxPagesPerSite
    createdAt
    startedAt
    finishedAt
  }
`);

export const TargetRowFields = graphql(`
  fragment TargetRowFields on Target {
    id
    url
    isSubject
    status
    waitingForRetry
    attempts
    error
    pagesDiscovered
    pagesDone
    analysis {
      overallScore
      title
    }
  }
`);

export const BatchesQuery = graphql(`
  query Batches($first: Int!, $after: String) {
    batches(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...BatchSummaryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const BatchCreatedSubscription = graphql(`
  subscription BatchCreated {
    batchCreated {
      ...BatchSummaryFields
    }
  }
`);

export const BatchQuery = graphql(`
  query Batch($id: ID!) {
    batch(id: $id) {
      ...BatchSummaryFields
      targets {
        ...TargetRowFields
      }
    }
  }
`);

export const BatchProgressSubscription = graphql(`
  subscription BatchProgress($id: ID!) {
    batchProgress(id: $id) {
      sequence
      batch {
        ...BatchSummaryFields
        targets {
          ...TargetRowFields
        }
      }
    }
  }
`);

export const BatchSummaryProgressSubscription = graphql(`
  subscription BatchSummaryProgress($id: ID!) {
    batchProgress(id: $id) {
      sequence
      batch {
        ...BatchSummaryFields
      }
    }
  }
`);

export const ComparisonReadySubscription = graphql(`
  subscription ComparisonReady($batchId: ID!) {
    comparisonReady(batchId: $batchId) {
      createdAt
    }
  }
`);

export const SiteReportFields = graphql(`
  fragment SiteReportFields on SiteReport {
    overallScore
    seoScore
    aeoScore
    technicalScore
    indexablePages
    excludedPages
    issues {
      checkId
      title
      category
      failingPages
      warningPages
      applicablePages
      examples
      estimatedGain
      howToFix
    }
  }
`);

export const BatchReportQuery = graphql(`
  query BatchReport($id: ID!) {
    batch(id: $id) {
      ...BatchSummaryFields
      targets {
        id
        url
        isSubject
        status
        error
        analysis {
          finalUrl
          httpStatus
          fetchMs
          bytes
          title
          metaDescription
          canonical
          lang
          wordCount
          headings {
            level
            text
          }
          structuredDataTypes
          seoScore
          aeoScore
          technicalScore
          overallScore
          checks {
            id
            category
            outcome
            weight
            message
          }
        }
      }
      comparison {
        ...ComparisonFields
      }
      partialComparison {
        ...ComparisonFields
      }
    }
  }
`);

export const CreateBatchMutation = graphql(`
  mutation CreateBatch($input: CreateBatchInput!) {
    createBatch(input: $input) {
      id
    }
  }
`);

export const CancelBatchMutation = graphql(`
  mutation CancelBatch($id: ID!) {
    cancelBatch(id: $id) {
      ...BatchSummaryFields
    }
  }
`);

export const RetryBatchMutation = graphql(`
  mutation RetryBatch($id: ID!) {
    retryBatch(id: $id) {
      ...BatchSummaryFields
    }
  }
`);

export const LimitsQuery = graphql(`
  query Limits {
    limits {
      maxUrlsPerBatch
      maxPagesPerSite
    }
  }
`);

/** One crawled site's report, apart from the batch's: a site's issues for every target would exceed the query cost limit. */
export const TargetSiteQuery = graphql(`
  query TargetSite($id: ID!) {
    node(id: $id) {
      ... on Target {
        id
        site {
          ...SiteReportFields
        }
      }
    }
  }
`);

/** One crawled site of a batch: its report (for the filter's check ids) and a page of its crawled pages. */
export const SitePagesQuery = graphql(`
  query SitePages($batchId: ID!, $targetId: ID!, $after: String, $onlyFailing: String, $onlyExcluded: Boolean) {
    batch(id: $batchId) {
      id
      name
    }
    node(id: $targetId) {
      ... on Target {
        id
        url
        isSubject
        status
        pagesDiscovered
        pagesDone
        site {
          ...SiteReportFields
        }
        pages(first: 50, after: $after, onlyFailing: $onlyFailing, onlyExcluded: $onlyExcluded) {
          totalCount
          edges {
            cursor
            node {
              url
              httpStatus
              indexable
              excludedReason
              depth
              error
              analysis {
                overallScore
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
