import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'preact/hooks';
import { useApiKeyEpoch } from '../api/hooks';
import { subscribe } from '../api/socket';
import type { GraphQLRequestError } from '#shared/transport';
import { createSequenceGate } from '#shared/sequenceGate';

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

/**
 * Follows one batch. `generation` restarts the stream (after a retry, the batch runs again).
 * Pass `enabled: false` for batches that are already finished: there is nothing to follow.
 */
export function useBatchProgress<Batch>(
  document: DocumentTypeDecoration<ProgressEvent<Batch>, { id: string }>,
  id: string,
  options: { enabled?: boolean; generation?: number } = {},
): LiveBatch<Batch> {
  const { enabled = true, generation = 0 } = options;
  const epoch = useApiKeyEpoch();
  const [live, setLive] = useState<LiveBatch<Batch>>({ batch: undefined, error: undefined, ended: false });

  useEffect(() => {
    if (!enabled) return;
    const accept = createSequenceGate();
    setLive((previous) => ({ ...previous, error: undefined, ended: false }));
    return subscribe(document, { id }, {
      next: ({ batchProgress }) => {
        if (accept(batchProgress.sequence)) setLive({ batch: batchProgress.batch, error: undefined, ended: false });
      },
      error: (error) => setLive((previous) => ({ ...previous, error })),
      complete: () => setLive((previous) => ({ ...previous, ended: true })),
    });
  }, [document, id, enabled, generation, epoch]);

  return live;
}
