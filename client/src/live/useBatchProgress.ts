import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { GraphQLRequestError } from '#shared/transport';
import { useProgressStream } from './useProgressStream';

interface ProgressEvent<Batch> {
  batchProgress: { sequence: number; batch: Batch };
}

export interface LiveBatch<Batch> {
  /** The newest state from the stream; undefined until the snapshot arrives. */
  batch: Batch | undefined;
  error: GraphQLRequestError | undefined;
  /** The server completed the stream: the batch reached a terminal status. */
  ended: boolean;
}

const readBatch = <Batch>({ batchProgress }: ProgressEvent<Batch>) => ({ sequence: batchProgress.sequence, item: batchProgress.batch });

/**
 * Follows one batch. `generation` restarts the stream (after a retry, the batch runs again).
 * Pass `enabled: false` for batches that are already finished: there is nothing to follow.
 */
export function useBatchProgress<Batch>(
  document: DocumentTypeDecoration<ProgressEvent<Batch>, { id: string }>,
  id: string,
  options: { enabled?: boolean; generation?: number } = {},
): LiveBatch<Batch> {
  const { item, error, ended } = useProgressStream(document, id, readBatch<Batch>, options);
  return { batch: item, error, ended };
}
