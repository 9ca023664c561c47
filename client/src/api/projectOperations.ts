import { graphql } from '../gql';

export const ProjectFormFields = graphql(`
  fragment ProjectFormFields on Project {
    id
    name
    brand {
      name
      aliases
      domains
    }
    competitors {
      name
      aliases
      domains
    }
    market
    language
    prompts
    maxPagesPerSite
    schedule {
      cron
      timezone
      runs
      nextRunAt
      lastRunAt
    }
  }
`);

export const ProjectsQuery = graphql(`
  query Projects($first: Int!, $after: String) {
    projects(first: $first, after: $after) {
      edges {
        node {
          id
          name
          brand {
            name
          }
          competitors {
            name
          }
          schedule {
            cron
            timezone
            nextRunAt
          }
          siteAudits(first: 1) {
            edges {
              node {
                id
                status
                createdAt
                finishedAt
              }
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
`);

export const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      ...ProjectFormFields
      createdAt
      schedule {
        lastError
        lastErrorAt
      }
    }
  }
`);

export const ProjectRunsQuery = graphql(`
  query ProjectRuns($id: ID!) {
    project(id: $id) {
      id
      siteAudits(first: 20) {
        edges {
          node {
            ...BatchSummaryFields
          }
        }
      }
    }
  }
`);

export const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
    }
  }
`);

export const UpdateProjectMutation = graphql(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      id
    }
  }
`);

export const DeleteProjectMutation = graphql(`
  mutation DeleteProject($id: ID!) {
    deleteProject(id: $id)
  }
`);

export const RunSiteAuditMutation = graphql(`
  mutation RunSiteAudit($projectId: ID!) {
    runSiteAudit(projectId: $projectId) {
      ...BatchSummaryFields
    }
  }
`);

export const HistorySeriesFields = graphql(`
  fragment HistorySeriesFields on HistorySeries {
    isSubject
    brand {
      name
    }
    points {
      at
      value
    }
  }
`);

export const ProjectMonitoringQuery = graphql(`
  query ProjectMonitoring($id: ID!) {
    project(id: $id) {
      id
      overall: history(metric: OVERALL_SCORE) {
        ...HistorySeriesFields
      }
      seo: history(metric: SEO_SCORE) {
        ...HistorySeriesFields
      }
      aeo: history(metric: AEO_SCORE) {
        ...HistorySeriesFields
      }
      technical: history(metric: TECHNICAL_SCORE) {
        ...HistorySeriesFields
      }
      mentionRate: history(metric: MENTION_RATE) {
        ...HistorySeriesFields
      }
      shareOfVoice: history(metric: SHARE_OF_VOICE) {
        ...HistorySeriesFields
      }
      citationShare: history(metric: CITATION_SHARE) {
        ...HistorySeriesFields
      }
      changes(first: 50) {
        edges {
          node {
            id
            at
            kind
            message
            isSubject
            brand {
              name
            }
            run {
              __typename
              id
            }
          }
        }
      }
    }
  }
`);

export const WebhookFields = graphql(`
  fragment WebhookFields on Webhook {
    id
    url
    events
    createdAt
    deliveries(first: 5) {
      id
      event
      status
      attempts
      deliveredAt
      error
      createdAt
    }
  }
`);

export const ProjectWebhooksQuery = graphql(`
  query ProjectWebhooks($id: ID!) {
    project(id: $id) {
      id
      webhooks {
        ...WebhookFields
      }
    }
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($projectId: ID!, $url: String!, $events: [WebhookEvent!]!) {
    createWebhook(projectId: $projectId, url: $url, events: $events) {
      secret
      webhook {
        id
      }
    }
  }
`);

export const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

export const PingWebhookMutation = graphql(`
  mutation PingWebhook($id: ID!) {
    pingWebhook(id: $id) {
      id
    }
  }
`);

export const ProjectEventsSubscription = graphql(`
  subscription ProjectEvents($projectId: ID!) {
    projectEvents(projectId: $projectId) {
      sequence
      kind
    }
  }
`);
