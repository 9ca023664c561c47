import { parentPort, workerData } from 'node:worker_threads';
import { wsClient } from '../../test/helpers/graphql';

export interface SubscriberThreadInput {
  wsUrl: string;
  batchId: string;
  subscribers: number;
  query: string;
}

/** Posted by the thread: when each subscriber has its first state, and at the end every receipt. */
export type SubscriberThreadMessage =
  | { type: 'subscribed' }
  | { type: 'finished'; receipts: [sequence: number, receivedAt: number][][] }
  | { type: 'failed'; message: string };

const input = workerData as SubscriberThreadInput;
const post = (message: SubscriberThreadMessage) => parentPort!.postMessage(message);
const now = () => performance.timeOrigin + performance.now();

/** graphql-ws fails with an Error, GraphQL errors, or a socket's CloseEvent or ErrorEvent. */
function describe(error: unknown): Error {
  if (error instanceof Error) return error;
  const { type, code, reason, message } = error as { type?: string; code?: number; reason?: string; message?: string };
  return new Error(type ? `${type} ${code ?? ''} ${reason ?? message ?? ''}`.trim() : JSON.stringify(error));
}

// Receipt times are taken here, in a thread that does nothing but receive, so that the
// bench's own bookkeeping does not delay them.
const receipts = await Promise.all(
  Array.from({ length: input.subscribers }, async () => {
    const client = wsClient(input.wsUrl);
    const received: [number, number][] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ batchProgress: { sequence: number } }>(
          { query: input.query, variables: { id: input.batchId } },
          {
            next: ({ data, errors }) => {
              if (errors?.length) return reject(new Error(JSON.stringify(errors)));
              received.push([data!.batchProgress.sequence, now()]);
              if (received.length === 1) post({ type: 'subscribed' });
            },
            error: (error) => reject(describe(error)),
            complete: resolve,
          },
        );
      });
    } finally {
      await client.dispose();
    }
    return received;
  }),
).catch((error: Error) => {
  post({ type: 'failed', message: error.message });
  return null;
});
if (receipts) post({ type: 'finished', receipts });
