import { useEffect } from 'preact/hooks';
import { useQuery } from '../../api/hooks';
import { ProjectMonitoringQuery } from '../../api/projectOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ChangeFeed } from './ChangeFeed';
import { HistoryChart } from './HistoryChart';

const charts = [
  { key: 'overall', title: 'Overall score' },
  { key: 'seo', title: 'SEO score' },
  { key: 'aeo', title: 'AEO score' },
  { key: 'technical', title: 'Technical score' },
] as const;

/** Score history and the change feed; `version` changes when a run ends, to read them again. */
export function Monitoring({ projectId, version }: { projectId: string; version: number }) {
  const monitoring = useQuery(ProjectMonitoringQuery, { id: projectId });
  useEffect(() => {
    if (version > 0) monitoring.reload();
  }, [version]);
  const project = monitoring.data?.project;
  return (
    <>
      <h2>Scores over time</h2>
      <ErrorNotice error={monitoring.error} context="Could not load the history" />
      {project && (
        <div class="charts">
          {charts.map(({ key, title }) => (
            <HistoryChart key={key} metric={key} title={title} series={project[key]} />
          ))}
        </div>
      )}
      <h2>Changes</h2>
      {project && <ChangeFeed changes={project.changes.edges.map((edge) => edge.node)} />}
    </>
  );
}
