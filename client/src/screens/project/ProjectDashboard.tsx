import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ProjectQuery, ProjectRunsQuery, ProjectWebhooksQuery, RunSiteAuditMutation } from '../../api/projectOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format/format';
import { describeSchedule } from '../../format/schedule';
import type { BatchSummaryFieldsFragment, ProjectQuery as ProjectResult } from '../../gql/graphql';
import { isFinished } from '../../live/status';
import { useProjectEvents } from '../../live/useProjectEvents';
import type { GraphQLRequestError } from '#shared/transport';
import { useScreenTitle } from '../useScreenTitle';
import { DeleteProject } from './DeleteProject';
import { LiveRun } from './LiveRun';
import { Monitoring } from './Monitoring';
import { RunsList } from './RunsList';
import { VisibilityAudits } from './VisibilityAudits';
import { Webhooks } from './Webhooks';

type Project = NonNullable<ProjectResult['project']>;

function Brands({ project }: { project: Project }) {
  return (
    <ul class="brand-list" aria-label="Brands">
      {[project.brand, ...project.competitors].map((brand, index) => (
        <li key={brand.domains[0] ?? brand.name} class={index === 0 ? 'brand-own' : undefined}>
          <strong>{brand.name}</strong>
          {index === 0 && <span class="tag">your brand</span>}
          <span class="brand-domains">{brand.domains.join(', ')}</span>
          {brand.aliases.length > 0 && <span class="brand-aliases">also {brand.aliases.join(', ')}</span>}
        </li>
      ))}
    </ul>
  );
}

function ScheduleSummary({ schedule }: { schedule: Project['schedule'] }) {
  if (!schedule) return <p class="schedule-summary">Not scheduled: runs start only when you start them.</p>;
  return (
    <dl class="schedule-summary">
      <dt>Schedule</dt>
      <dd data-testid="schedule-text">{describeSchedule(schedule.cron, schedule.timezone).text}</dd>
      <dt>Next run</dt>
      <dd>
        <time dateTime={schedule.nextRunAt} data-testid="next-run">
          {formatDateTime(schedule.nextRunAt)}
        </time>
      </dd>
      <dt>Last scheduled run</dt>
      <dd>{formatDateTime(schedule.lastRunAt)}</dd>
      {schedule.lastError && (
        <>
          <dt>Not started at {formatDateTime(schedule.lastErrorAt)}</dt>
          <dd class="schedule-error" data-testid="schedule-error">
            {schedule.lastError}
          </dd>
        </>
      )}
    </dl>
  );
}

export function ProjectDashboard() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const project = useQuery(ProjectQuery, { id });
  const runs = useQuery(ProjectRunsQuery, { id });
  const webhooks = useQuery(ProjectWebhooksQuery, { id });
  const [following, setFollowing] = useState<BatchSummaryFieldsFragment>();
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<GraphQLRequestError>();
  const [monitoringVersion, setMonitoringVersion] = useState(0);
  useScreenTitle(project.data?.project?.name ?? 'Project');

  const runList = runs.data?.project?.siteAudits.edges.map((edge) => edge.node) ?? [];
  // The run followed live: the one started here, or one going when the list was read (started by
  // the schedule or another client). It stays in view once it ended, until another starts.
  useEffect(() => {
    const going = runList.find((run) => !isFinished(run.status));
    if (going && going.id !== following?.id) setFollowing(going);
  }, [runs.data]);

  const runNow = async () => {
    setStarting(true);
    setRunError(undefined);
    try {
      const { runSiteAudit } = await request(RunSiteAuditMutation, { projectId: id });
      setFollowing(runSiteAudit);
      runs.reload();
    } catch (error) {
      setRunError(error as GraphQLRequestError);
    } finally {
      setStarting(false);
    }
  };

  // A run started anywhere (the schedule, the CLI, another tab) shows up here and is followed;
  // the end of a run and its changes bring new history, changes and deliveries.
  const liveError = useProjectEvents(id, (kind) => {
    if (kind === 'RUN_STARTED' || kind === 'RUN_ENDED' || kind === 'SNAPSHOT') runs.reload();
    if (kind === 'RUN_ENDED' || kind === 'SNAPSHOT') project.reload();
    if (kind === 'RUN_ENDED' || kind === 'CHANGE_DETECTED' || kind === 'SNAPSHOT') {
      setMonitoringVersion((count) => count + 1);
      webhooks.reload();
    }
  });

  const current = project.data?.project;
  if (!current) {
    return (
      <>
        <ErrorNotice error={project.error} context="Could not load the project" />
        {!project.error && <p class="loading">Loading…</p>}
      </>
    );
  }

  return (
    <section class="project-dashboard" aria-labelledby="project-title">
      <div class="title-row">
        <h1 id="project-title">{current.name}</h1>
        <div class="title-actions">
          <a class="button" href={`/projects/${encodeURIComponent(id)}/edit`}>
            Edit
          </a>
          <DeleteProject id={id} name={current.name} />
        </div>
      </div>
      {current.market && <p class="lead">{current.market}</p>}
      <div class="dashboard-top">
        <Brands project={current} />
        <ScheduleSummary schedule={current.schedule} />
      </div>
      <div class="actions">
        <button type="button" class="primary" disabled={starting} onClick={runNow}>
          {starting ? 'Starting…' : 'Run site audit'}
        </button>
      </div>
      <ErrorNotice error={runError} context="Could not start a run" />
      <ErrorNotice error={liveError} context="Live updates" />
      {following && <LiveRun key={following.id} initial={following} />}
      <Monitoring projectId={id} version={monitoringVersion} />
      <h2>Runs</h2>
      <ErrorNotice error={runs.error} context="Could not load the runs" />
      <RunsList runs={runList} />
      <VisibilityAudits projectId={id} />
      <h2>Webhooks</h2>
      <ErrorNotice error={webhooks.error} context="Could not load the webhooks" />
      {webhooks.data?.project && <Webhooks projectId={id} webhooks={webhooks.data.project.webhooks} onChanged={webhooks.reload} />}
    </section>
  );
}
