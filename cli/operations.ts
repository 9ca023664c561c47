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
        error
        maxPagesPerSite
        targets {
          id
          url
          isSubject
          status
          waitingForRetry
          error
          pagesDiscovered
          pagesDone
        }
      }
    }
  }
`);

/** The batch's comparison, or a cancelled batch's partial one (operations/comparison.graphql): `--json` prints exactly this. */
export const BatchComparisonQuery = graphql(`
  query CliBatchComparison($id: ID!) {
    batch(id: $id) {
      id
      status
      error
      comparison {
        ...ComparisonFields
      }
      partialComparison {
        ...ComparisonFields
      }
    }
  }
`);

/** Each crawled site's report, for the per-site results a crawling batch prints after its comparison. */
export const BatchSitesQuery = graphql(`
  query CliBatchSites($id: ID!) {
    batch(id: $id) {
      id
      maxPagesPerSite
      targets {
        id
        url
        isSubject
        pagesDone
        site {
          overallScore
          seoScore
          aeoScore
          technicalScore
          indexablePages
          excludedPages
          issues {
            checkId
            title
            failingPages
            warningPages
            applicablePages
            estimatedGain
          }
        }
      }
    }
  }
`);

export const ProjectFieldsFragment = graphql(`
  fragment CliProjectFields on Project {
    id
    name
    market
    language
    prompts
    maxPagesPerSite
    createdAt
    brand { name aliases domains }
    competitors { name aliases domains }
    schedule { cron timezone runs nextRunAt lastRunAt lastError lastErrorAt }
  }
`);

export const CreateProjectMutation = graphql(`
  mutation CliCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ...CliProjectFields
    }
  }
`);

export const ProjectsQuery = graphql(`
  query CliProjects($after: String) {
    projects(first: 100, after: $after) {
      edges { node { ...CliProjectFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** A project with its latest site audits, as `project show` prints it. */
export const ProjectQuery = graphql(`
  query CliProject($id: ID!) {
    project(id: $id) {
      ...CliProjectFields
      siteAudits(first: 5) {
        edges { node { id name status progress createdAt finishedAt } }
      }
    }
  }
`);

export const RunSiteAuditMutation = graphql(`
  mutation CliRunSiteAudit($projectId: ID!) {
    runSiteAudit(projectId: $projectId) {
      id
      name
    }
  }
`);

export const CancelBatchMutation = graphql(`
  mutation CliCancelBatch($id: ID!) {
    cancelBatch(id: $id) {
      id
      status
    }
  }
`);

export const RunVisibilityAuditMutation = graphql(`
  mutation CliRunVisibilityAudit($projectId: ID!, $input: RunVisibilityAuditInput) {
    runVisibilityAudit(projectId: $projectId, input: $input) {
      id
      project { name }
    }
  }
`);

export const VisibilityProgressSubscription = graphql(`
  subscription CliVisibilityProgress($id: ID!) {
    visibilityProgress(id: $id) {
      sequence
      audit {
        id
        status
        stage
        progress
        requestsTotal
        requestsDone
        requestsFailed
        error
        project { name }
      }
    }
  }
`);

/** The audit as `visibility run` prints it (its results: operations/visibility.graphql): `--json` prints exactly this. */
export const VisibilityAuditQuery = graphql(`
  query CliVisibilityAudit($id: ID!) {
    node(id: $id) {
      ... on VisibilityAudit {
        id
        status
        stage
        engines
        samplesPerPrompt
        prompts
        promptsSource
        requestsTotal
        requestsDone
        requestsFailed
        tokensUsed
        error
        createdAt
        startedAt
        finishedAt
        project { id name }
        ...VisibilityResultFields
      }
    }
  }
`);

export const CancelVisibilityAuditMutation = graphql(`
  mutation CliCancelVisibilityAudit($id: ID!) {
    cancelVisibilityAudit(id: $id) {
      id
      status
    }
  }
`);
