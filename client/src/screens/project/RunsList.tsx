import { ProgressBar } from '../../components/ProgressBar';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/format';
import type { BatchSummaryFieldsFragment } from '../../gql/graphql';

/** The project's site audits, newest first, each linked to its batch screen. */
export function RunsList({ runs }: { runs: readonly BatchSummaryFieldsFragment[] }) {
  if (runs.length === 0) return <p class="empty">No runs yet.</p>;
  return (
    <ScrollRegion label="Runs">
      <table class="runs">
        <caption class="visually-hidden">Site audits of this project, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Finished</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-batch-id={run.id}>
              <th scope="row">
                <a href={`/batches/${encodeURIComponent(run.id)}`}>{formatDateTime(run.createdAt)}</a>
              </th>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>
                <ProgressBar value={run.progress} label={`Progress of the run started ${formatDateTime(run.createdAt)}`} />
              </td>
              <td>{run.finishedAt ? <time dateTime={run.finishedAt}>{formatDateTime(run.finishedAt)}</time> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
