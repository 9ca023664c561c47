import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'preact/hooks';
import { useApiKeyEpoch } from '../api/hooks';
import { subscribe } from '../api/socket';
import type { GraphQLRequestError } from '#shared/transport';
import { createSequenceGate } from '#shared/sequenceGate';

interface LiveState<Item> {
  /** The newest state from the stream; undefined until the snapshot arrives. */
  item: Item | undefined;
  error: GraphQLRequestError | undefined;
  /** The server completed the stream: the item reached a terminal status. */
  ended: boolean;
}

/**
 * Follows one batch or audit through a progress subscription (snapshot first, then states in
 * sequence order), keeping the newest state. `read` takes the sequence and the state out of an
 * event; it must not change between renders. `generation` restarts the stream; pass
 * `enabled: false` for what has already finished: there is nothing to follow.
 */
export function useProgressStream<Event, Item>(
  document: DocumentTypeDecoration<Event, { id: string }>,
  id: string,
  read: (event: Event) => { sequence: number; item: Item },
  options: { enabled?: boolean; generation?: number } = {},
): LiveState<Item> {
  const { enabled = true, generation = 0 } = options;
  const epoch = useApiKeyEpoch();
  const [live, setLive] = useState<LiveState<Item>>({ item: undefined, error: undefined, ended: false });

  useEffect(() => {
    if (!enabled) return;
    const accept = createSequenceGate();
    setLive((previous) => ({ ...previous, error: undefined, ended: false }));
    return subscribe(document, { id }, {
      next: (event) => {
        const { sequence, item } = read(event);
        if (accept(sequence)) setLive({ item, error: undefined, ended: false });
      },
      error: (error) => setLive((previous) => ({ ...previous, error })),
      complete: () => setLive((previous) => ({ ...previous, ended: true })),
    });
  }, [document, id, enabled, generation, epoch]);

  return live;
}
