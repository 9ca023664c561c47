import { on } from 'node:events';
import type { Logger } from '../logger';
import { ACCESS_TOPIC, batchTopic, ownerTopic, type AccessChange, type BatchChange, type RESYNC } from './channel';
import { createPostgresEventTarget, type Observer } from './postgresEventTarget';

export * from './channel';

export type BatchTopicMessage = BatchChange | typeof RESYNC;

/** A topic's messages; `return` stops listening, and a `next` still waiting then ends. */
export interface TopicMessages extends AsyncIterableIterator<BatchTopicMessage> {
  return(): Promise<IteratorReturnResult<undefined>>;
}

/** The committed changes this process hears, by batch or by owner. */
export interface Events {
  /** The topic's messages from this call on: the listener is in place when it returns. */
  subscribe(kind: 'batch' | 'owner', id: string): TopicMessages;
  /**
   * Calls `listener` with each of the topic's messages, in the turn it arrives, until the
   * returned function is called. `listener` must not throw: nothing would catch it.
   */
  listen(kind: 'batch' | 'owner', id: string, listener: (message: BatchTopicMessage) => void): () => void;
  /** Like `listen`, for keys created and revoked by any process; RESYNC when some may have been missed. */
  listenToAccess(listener: (message: AccessChange | typeof RESYNC) => void): () => void;
}

export async function createEvents(connectionString: string, log: Logger, fanoutSeconds?: Observer) {
  const handle = await createPostgresEventTarget(connectionString, log, fanoutSeconds);
  const topic = (kind: 'batch' | 'owner', id: string) => (kind === 'batch' ? batchTopic(id) : ownerTopic(id));
  function listenTo<T>(name: string, listener: (message: T) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<T>).detail);
    handle.eventTarget.addEventListener(name, handler);
    let listening = true;
    return () => {
      if (listening) handle.eventTarget.removeEventListener(name, handler);
      listening = false;
    };
  }
  const events: Events = {
    subscribe: (kind, id) => topicMessages(handle.eventTarget, topic(kind, id)),
    listen: (kind, id, listener) => listenTo(topic(kind, id), listener),
    listenToAccess: (listener) => listenTo(ACCESS_TOPIC, listener),
  };
  return { events, close: handle.close };
}

/**
 * Node's `events.on`, not Yoga's pubsub: a thousand subscribers to one batch is the normal
 * case, and the Repeater behind each Yoga subscription cost about 9 µs of CPU per subscriber
 * and event, against about 1 µs here (measured on this project's machines; see bench/RESULTS.md).
 */
function topicMessages(target: EventTarget, topic: string): TopicMessages {
  const events = on(target, topic);
  return {
    async next() {
      const result = await events.next();
      return result.done ? result : { done: false, value: (result.value[0] as CustomEvent<BatchTopicMessage>).detail };
    },
    async return() {
      await events.return!();
      return { done: true as const, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
