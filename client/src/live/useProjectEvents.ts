import { useEffect, useRef, useState } from 'preact/hooks';
import { useApiKeyEpoch } from '../api/hooks';
import { ProjectEventsSubscription } from '../api/projectOperations';
import { subscribe } from '../api/socket';
import type { ProjectEventKind } from '../gql/graphql';
import type { GraphQLRequestError } from '#shared/transport';
import { createSequenceGate } from '#shared/sequenceGate';

/**
 * Calls `onEvent` with the kind of every project event after the first snapshot. A later
 * SNAPSHOT (after a reconnect) above the last sequence seen means events were missed: the
 * caller reads everything again.
 */
export function useProjectEvents(projectId: string, onEvent: (kind: ProjectEventKind) => void): GraphQLRequestError | undefined {
  const epoch = useApiKeyEpoch();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [error, setError] = useState<GraphQLRequestError>();

  useEffect(() => {
    const accept = createSequenceGate();
    let first = true;
    setError(undefined);
    return subscribe(ProjectEventsSubscription, { projectId }, {
      next: ({ projectEvents: event }) => {
        const wasFirst = first;
        first = false;
        if (accept(event.sequence) && !wasFirst) handler.current(event.kind);
      },
      error: setError,
      complete: () => {},
    });
  }, [projectId, epoch]);

  return error;
}
