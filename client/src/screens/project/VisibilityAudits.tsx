import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ProjectVisibilityQuery, RunVisibilityAuditMutation } from '../../api/visibilityOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/format';
import type { VisibilitySummaryFieldsFragment } from '../../gql/graphql';
import type { GraphQLRequestError } from '#shared/transport';
import { stageWords } from '../visibility/VisibilityAudit';

const exampleEngines = `ANSWER_ENGINES='[{"name":"chatgpt","kind":"openai-chat","baseUrl":"https://api.openai.com/v1","model":"gpt-4o-mini","apiKeyEnv":"OPENAI_API_KEY"}]'`;

/** A fresh server asks no engine: say how the operator configures one instead of offering a button that fails. */
function NoEngineHint() {
  return (
    <div class="notice engine-hint" data-testid="engine-hint">
      <p>
        No answer engine is configured on this server, so visibility audits cannot run yet. The operator sets <code>ANSWER_ENGINES</code> to a JSON
        array of engines (name, kind, baseUrl, model and the name of the variable holding its key) and restarts the server, for example:
      </p>
      <pre>
        <code>{exampleEngines}</code>
      </pre>
      <p>The README's “Answer engines” section lists every field and the protocols an engine can speak.</p>
    </div>
  );
}

function AuditList({ audits }: { audits: readonly VisibilitySummaryFieldsFragment[] }) {
  if (audits.length === 0) return <p class="empty">No visibility audits yet.</p>;
  return (
    <ScrollRegion label="Visibility audits">
      <table class="runs visibility-runs">
        <caption class="visually-hidden">Visibility audits of this project, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Stage</th>
            <th scope="col">Progress</th>
            <th scope="col">Engines</th>
          </tr>
        </thead>
        <tbody>
          {audits.map((audit) => (
            <tr key={audit.id} data-audit-id={audit.id}>
              <th scope="row">
                <a href={`/visibility/${encodeURIComponent(audit.id)}`}>{formatDateTime(audit.createdAt)}</a>
              </th>
              <td>
                <StatusBadge status={audit.status} />
              </td>
              <td>{stageWords[audit.stage]}</td>
              <td>
                <ProgressBar value={audit.progress} label={`Progress of the audit started ${formatDateTime(audit.createdAt)}`} />
              </td>
              <td>{audit.engines.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The project's visibility audits, and the button that starts one (or how to configure an engine). */
export function VisibilityAudits({ projectId }: { projectId: string }) {
  const visibility = useQuery(ProjectVisibilityQuery, { id: projectId });
  const { route } = useLocation();
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<GraphQLRequestError>();

  const run = async () => {
    setStarting(true);
    setRunError(undefined);
    try {
      const { runVisibilityAudit } = await request(RunVisibilityAuditMutation, { projectId });
      route(`/visibility/${encodeURIComponent(runVisibilityAudit.id)}`);
    } catch (error) {
      setRunError(error as GraphQLRequestError);
      setStarting(false);
    }
  };

  const engines = visibility.data?.answerEngines;
  const audits = visibility.data?.project?.visibilityAudits.edges.map((edge) => edge.node) ?? [];
  return (
    <section class="visibility-panel" aria-labelledby="visibility-panel-title">
      <h2 id="visibility-panel-title">AI visibility</h2>
      <ErrorNotice error={visibility.error} context="Could not load the visibility audits" />
      {engines &&
        (engines.length === 0 ? (
          <NoEngineHint />
        ) : (
          <>
            <p>
              Asks {engines.map((engine) => `${engine.name} (${engine.model})`).join(', ')} the project's prompts, several times each, and measures
              who they name and cite.
            </p>
            <div class="actions">
              <button type="button" class="primary" disabled={starting} onClick={run}>
                {starting ? 'Starting…' : 'Run visibility audit'}
              </button>
            </div>
          </>
        ))}
      <ErrorNotice error={runError} context="Could not start a visibility audit" />
      <AuditList audits={audits} />
    </section>
  );
}
