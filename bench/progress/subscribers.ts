import { Worker } from 'node:worker_threads';
import type { SubscriberThreadInput, SubscriberThreadMessage } from './subscriberThread';

/** What a realistic progress view asks for on every event (README's example, without the comparison). */
export const PROGRESS_QUERY = `subscription ($id: ID!) {
  batchProgress(id: $id) { sequence target { url status error } batch { status progress completedUrls } }
}`;

export interface Subscribers {
  /** Resolves once every subscriber has received the batch's current state. */
  subscribed: Promise<void>;
  /** Every subscriber's receipts, in order, once all subscriptions completed. */
  finished: Promise<[sequence: number, receivedAt: number][][]>;
}

/** `count` graphql-ws clients, one connection each, spread over `threads` worker threads. */
export function subscribe(wsUrl: string, batchId: string, count: number, threads: number): Subscribers {
  const threadCount = Math.max(1, Math.min(threads, count));
  const perThread = Array.from({ length: threadCount }, (_, i) => Math.floor(count / threadCount) + (i < count % threadCount ? 1 : 0));
  let subscribedCount = 0;
  let markSubscribed!: () => void;
  const subscribed = new Promise<void>((resolve) => (markSubscribed = resolve));
  const finished = Promise.all(
    perThread.map(
      (subscribers) =>
        new Promise<[number, number][][]>((resolve, reject) => {
          const input: SubscriberThreadInput = { wsUrl, batchId, subscribers, query: PROGRESS_QUERY };
          const thread = new Worker(new URL('./subscriberThread.ts', import.meta.url), { workerData: input });
          thread.on('message', (message: SubscriberThreadMessage) => {
            if (message.type === 'subscribed' && ++subscribedCount === count) markSubscribed();
            if (message.type === 'finished') resolve(message.receipts);
            if (message.type === 'failed') reject(new Error(`a subscriber failed: ${message.message}`));
          });
          thread.on('error', reject);
        }),
    ),
  ).then((groups) => groups.flat());
  return { subscribed: Promise.race([subscribed, finished.then(() => {})]), finished };
}
