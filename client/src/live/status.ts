import type { BatchStatus } from '../gql/graphql';

const terminal: ReadonlySet<BatchStatus> = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

export function isFinished(status: BatchStatus): boolean {
  return terminal.has(status);
}
