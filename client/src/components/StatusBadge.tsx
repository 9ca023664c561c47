import type { BatchStatus, TargetStatus } from '../gql/graphql';
import { titleCase } from '../format/format';

/** `label` words a status more precisely than its name (a RUNNING page that waits to be retried). */
export function StatusBadge({ status, label }: { status: BatchStatus | TargetStatus; label?: string }) {
  return (
    <span class={`badge status-${status.toLowerCase()}`} data-status={status}>
      {label ?? titleCase(status)}
    </span>
  );
}
