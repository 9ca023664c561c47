import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../../api/hooks';
import { ProjectsQuery } from '../../api/projectOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ShowOlder } from '../../components/ShowOlder';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/format';
import { describeSchedule } from '../../format/schedule';
import type { ProjectsQuery as ProjectsResult } from '../../gql/graphql';
import { useScreenTitle } from '../useScreenTitle';

type ProjectRow = ProjectsResult['projects']['edges'][number]['node'];

const pageSize = 20;

export function Projects() {
  const [after, setAfter] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<ProjectRow[]>([]);
  const page = useQuery(ProjectsQuery, { first: pageSize, after });
  useScreenTitle('Projects');

  useEffect(() => {
    if (!page.data) return;
    const nodes = page.data.projects.edges.map((edge) => edge.node);
    setLoaded((current) => (after === null ? nodes : [...current, ...nodes.filter((node) => !current.some((known) => known.id === node.id))]));
  }, [page.data]);

  const pageInfo = page.data?.projects.pageInfo;
  return (
    <section aria-labelledby="projects-title">
      <div class="title-row">
        <h1 id="projects-title">Projects</h1>
        <a class="button primary" href="/projects/new">
          New project
        </a>
      </div>
      <p class="lead">A project keeps your brand and its competitors, and audits them again on a schedule.</p>
      <ErrorNotice error={page.error} context="Could not load projects" />
      {page.data && loaded.length === 0 && <p class="empty">No projects yet. Create one to follow your brand over time.</p>}
      {loaded.length > 0 && (
        <ScrollRegion label="Projects">
          <table class="projects">
            <caption class="visually-hidden">Projects, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Brand</th>
                <th scope="col">Competitors</th>
                <th scope="col">Schedule</th>
                <th scope="col">Last run</th>
              </tr>
            </thead>
            <tbody>
              {loaded.map((project) => {
                const lastRun = project.siteAudits.edges[0]?.node;
                return (
                  <tr key={project.id} data-project-id={project.id}>
                    <th scope="row">
                      <a href={`/projects/${encodeURIComponent(project.id)}`}>{project.name}</a>
                    </th>
                    <td data-label="Brand">{project.brand.name}</td>
                    <td data-label="Competitors">{project.competitors.length}</td>
                    <td data-label="Schedule">{project.schedule ? describeSchedule(project.schedule.cron, project.schedule.timezone).text : 'Not scheduled'}</td>
                    <td data-label="Last run">
                      {lastRun ? (
                        <span class="last-run">
                          <StatusBadge status={lastRun.status} />
                          <a href={`/batches/${encodeURIComponent(lastRun.id)}`}>{formatDateTime(lastRun.finishedAt ?? lastRun.createdAt)}</a>
                        </span>
                      ) : (
                        'Never'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ShowOlder pageInfo={pageInfo} loading={page.loading} noun="projects" onMore={setAfter} />
    </section>
  );
}
