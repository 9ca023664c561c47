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
