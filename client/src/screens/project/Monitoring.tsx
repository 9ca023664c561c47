import { useEffect } from 'preact/hooks';
import { useQuery } from '../../api/hooks';
import { ProjectMonitoringQuery } from '../../api/projectOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ChangeFeed } from './ChangeFeed';
import { HistoryChart, type ChartSeries } from './HistoryChart';

const scoreCharts = [
  { key: 'overall', title: 'Overall score' },
  { key: 'seo', title: 'SEO score' },
  { key: 'aeo', title: 'AEO score' },
  { key: 'technical', title: 'Technical score' },
] as const;

/** Visibility metrics are rates from 0 to 1: charted as percentages, on the scores' 0–100 scale. */
const visibilityCharts = [
  { key: 'mentionRate', title: 'Mention rate (%)' },
  { key: 'shareOfVoice', title: 'Share of voice (%)' },
  { key: 'citationShare', title: 'Citation share (%)' },
] as const;

const asPercent = (series: readonly ChartSeries[]): ChartSeries[] =>
  series.map((each) => ({ ...each, points: each.points.map((point) => ({ at: point.at, value: Math.round(point.value * 1000) / 10 })) }));

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
          {scoreCharts.map(({ key, title }) => (
            <HistoryChart key={key} metric={key} title={title} series={project[key]} />
          ))}
        </div>
      )}
      {project && visibilityCharts.some(({ key }) => project[key].some((series) => series.points.length > 0)) && (
        <>
          <h2>AI visibility over time</h2>
          <div class="charts">
            {visibilityCharts.map(({ key, title }) => (
              <HistoryChart key={key} metric={key} title={title} series={asPercent(project[key])} />
            ))}
          </div>
        </>
      )}
      <h2>Changes</h2>
      {project && <ChangeFeed changes={project.changes.edges.map((edge) => edge.node)} />}
    </>
  );
}
