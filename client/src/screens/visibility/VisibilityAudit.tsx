import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { CancelVisibilityAuditMutation, VisibilityAuditQuery, VisibilityProgressSubscription, VisibilityResultsQuery } from '../../api/visibilityOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/format';
import type { VisibilityProgressSubscription as ProgressEvent, VisibilityStage, VisibilitySummaryFieldsFragment } from '../../gql/graphql';
import { isFinished } from '../../live/status';
import { useProgressStream } from '../../live/useProgressStream';
import type { GraphQLRequestError } from '#shared/transport';
import { InsightList } from '../comparison/InsightList';
import { useScreenTitle } from '../useScreenTitle';
import { CitedDomains } from './CitedDomains';
import { MentionHeatmap } from './MentionHeatmap';
import { PromptTable } from './PromptTable';
import { ShareOfVoice } from './ShareOfVoice';

export const stageWords: Record<VisibilityStage, string> = {
  QUEUED: 'Queued',
  GENERATING_PROMPTS: 'Choosing the prompts',
  ASKING: 'Asking the engines',
  ANALYSING: 'Finding the mentions',
  SCORING: 'Scoring',
  DONE: 'Done',
};

const readAudit = ({ visibilityProgress }: ProgressEvent) => ({ sequence: visibilityProgress.sequence, item: visibilityProgress.audit });

/** "12 of 36 requests done, 2 failed · 1,204 tokens" */
function requestCounts(audit: VisibilitySummaryFieldsFragment): string {
  const failed = audit.requestsFailed > 0 ? `, ${audit.requestsFailed} failed` : '';
  return `${audit.requestsDone} of ${audit.requestsTotal} requests done${failed} · ${audit.tokensUsed.toLocaleString()} tokens`;
}

/** What the audit found: present once it completed. */
function Results({ id }: { id: string }) {
  const results = useQuery(VisibilityResultsQuery, { id });
  const audit = results.data?.node?.__typename === 'VisibilityAudit' ? results.data.node : undefined;
  if (!audit) {
    return (
      <>
        <ErrorNotice error={results.error} context="Could not load the results" />
        {!results.error && <p class="loading">Loading…</p>}
      </>
    );
  }
  const subject = audit.brands.find((row) => row.isSubject)?.brand.name ?? '';
  const engines = [...new Set(audit.brands.flatMap((row) => row.byEngine.map((cell) => cell.engine)))];
  return (
    <div class="visibility-results">
      <div class="visibility-charts">
        <ShareOfVoice brands={audit.brands} />
        <MentionHeatmap brands={audit.brands} engines={engines} />
      </div>
      <h2>Prompts</h2>
      {audit.promptsSource && <p class="hint">Prompts from {audit.promptsSource === 'PROJECT' ? 'the project' : audit.promptsSource === 'MODEL' ? 'the insight model' : 'templates'}.</p>}
      <PromptTable auditId={id} results={audit.promptResults} subject={subject} />
      <h2>Why competitors are cited</h2>
      {audit.citedPagesBatch ? (
        <p class="cited-pages" data-testid="cited-pages">
          <a href={`/batches/${encodeURIComponent(audit.citedPagesBatch.id)}`}>Compare the pages the engines cited with yours</a>{' '}
          <StatusBadge status={audit.citedPagesBatch.status} />
        </p>
      ) : (
        <p class="empty">No cited pages were analysed: no prompt was lost to a competitor, or the lost ones cited nothing.</p>
      )}
      <h2>Cited domains</h2>
      <CitedDomains domains={audit.citedDomains} subject={subject} />
      <h2>Insights</h2>
      {audit.insightsFailure && <p class="notice">The insight model's insights could not be used ({audit.insightsFailure}); these are the rules'.</p>}
      <InsightList insights={audit.insights} empty="No insights for this audit." />
    </div>
  );
}

/** One visibility audit: followed live while it runs, then what the engines named and cited. */
export function VisibilityAudit() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const initial = useQuery(VisibilityAuditQuery, { id });
  const live = useProgressStream(VisibilityProgressSubscription, id, readAudit);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<GraphQLRequestError>();
  const found = initial.data?.node?.__typename === 'VisibilityAudit' ? initial.data.node : undefined;
  // Once the stream has spoken it is newer than any query answer.
  const audit = live.item ?? found;
  useScreenTitle(found?.project ? `Visibility of ${found.project.name}` : 'Visibility audit');

  if (!audit) {
    if (initial.data && !found) return <p class="notice">No such visibility audit.</p>;
    return (
      <>
        <ErrorNotice error={initial.error ?? live.error} context="Could not load the audit" />
        {!initial.error && <p class="loading">Loading…</p>}
      </>
    );
  }

  const cancel = async () => {
    setCancelling(true);
    setCancelError(undefined);
    try {
      await request(CancelVisibilityAuditMutation, { id });
    } catch (error) {
      setCancelError(error as GraphQLRequestError);
    } finally {
      setCancelling(false);
    }
  };

  const finished = isFinished(audit.status);
  return (
    <section class="visibility-audit" aria-labelledby="visibility-title" data-status={audit.status} data-stage={audit.stage}>
      <div class="title-row">
        <h1 id="visibility-title">AI visibility{found?.project && ` of ${found.project.name}`}</h1>
        <StatusBadge status={audit.status} />
      </div>
      <p class="lead">
        {found?.project && (
          <>
            <a href={`/projects/${encodeURIComponent(found.project.id)}`}>Back to the project</a>
            {' · '}
          </>
        )}
        Started {formatDateTime(audit.createdAt)} · {audit.engines.join(', ')} · each prompt asked {audit.samplesPerPrompt}{' '}
        {audit.samplesPerPrompt === 1 ? 'time' : 'times'} per engine
      </p>
      <ProgressBar value={audit.progress} label="Audit progress" />
      <p class="summary" aria-live="polite">
        <span data-testid="visibility-stage">{stageWords[audit.stage]}</span> · <span data-testid="visibility-requests">{requestCounts(audit)}</span>
        {finished && audit.finishedAt && ` · finished ${formatDateTime(audit.finishedAt)}`}
      </p>
      {audit.error && <p class={audit.status === 'FAILED' ? 'notice notice-error' : 'notice'}>{audit.error}</p>}
      {!finished && (
        <div class="actions">
          <button type="button" disabled={cancelling} onClick={cancel}>
            Cancel audit
          </button>
        </div>
      )}
      <ErrorNotice error={cancelError} context="Could not cancel the audit" />
      <ErrorNotice error={live.item ? live.error : undefined} context="Live updates" />
      {audit.status === 'COMPLETED' && <Results id={id} />}
    </section>
  );
}
