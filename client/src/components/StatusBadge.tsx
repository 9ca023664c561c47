import type { BatchStatus, TargetStatus } from '../gql/graphql';
import { titleCase } from '../format/format';

export function StatusBadge({ status }: { status: BatchStatus | TargetStatus }) {
  return (
    <span class={`badge status-${status.toLowerCase()}`} data-status={status}>
      {titleCase(status)}
    </span>
  );
}
