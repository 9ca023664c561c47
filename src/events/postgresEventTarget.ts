import { setMaxListeners } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger';
import {
  ACCESS_CHANNEL,
  ACCESS_TOPIC,
  EVENT_CHANNEL,
  RESYNC,
  batchIdOfPayload,
  batchTopic,
  ownerTopic,
  parseBatchChange,
  type AccessChange,
} from './channel';

/** Takes how long one change took to reach every listener in the process, in seconds. */
export type Observer = { observe(seconds: number): void };

export interface EventTargetHandle {
  eventTarget: EventTarget;
  close(): Promise<void>;
}

/**
 * An EventTarget fed by PostgreSQL LISTEN/NOTIFY: batch changes and access changes NOTIFYed inside any
 * process's transactions reach the listeners in this process once those transactions commit.
 * After a lost connection it reconnects with backoff and tells every live topic to resync,
 * since notifications sent while it was away are gone.
 */
export async function createPostgresEventTarget(
  connectionString: string,
  log: Logger,
  fanoutSeconds?: Observer,
): Promise<EventTargetHandle> {
  const target = new EventTarget();
  // One listener per subscription: a thousand subscribers to one batch is normal, not a leak.
  setMaxListeners(0, target);
  const listenerCounts = new Map<string, number>();
  let ownerTopicsWatched = 0;
  const isOwnerTopic = (type: string) => type.startsWith(ownerTopic(''));
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (type, callback, options) => {
    if (!listenerCounts.has(type) && isOwnerTopic(type)) ownerTopicsWatched++;
    listenerCounts.set(type, (listenerCounts.get(type) ?? 0) + 1);
    add(type, callback, options);
  };
  target.removeEventListener = (type, callback, options) => {
    const left = (listenerCounts.get(type) ?? 1) - 1;
    if (left > 0) listenerCounts.set(type, left);
    else if (listenerCounts.delete(type) && isOwnerTopic(type)) ownerTopicsWatched--;
    remove(type, callback, options);
  };

  let client: pg.Client | null = null;
  let closed = false;

  function deliver(payload: string | undefined): void {
    if (!payload) return;
    const batchWatchers = batchTopic(batchIdOfPayload(payload));
    const batchWatched = listenerCounts.has(batchWatchers);
    if (!batchWatched && ownerTopicsWatched === 0) return; // nobody here watches that batch or any owner
    const started = performance.now();
    try {
      const change = parseBatchChange(payload);
      if (batchWatched) dispatch(batchWatchers, change);
      const ownerWatchers = ownerTopic(change.batch.ownerId);
      if (listenerCounts.has(ownerWatchers)) dispatch(ownerWatchers, change);
    } catch (error) {
      log.error({ err: error }, 'dropping a malformed event payload');
    }
    fanoutSeconds?.observe((performance.now() - started) / 1000);
  }

  function deliverAccessChange(payload: string | undefined): void {
    if (!payload || !listenerCounts.has(ACCESS_TOPIC)) return;
    try {
      dispatch(ACCESS_TOPIC, JSON.parse(payload) as AccessChange);
    } catch (error) {
      log.error({ err: error }, 'dropping a malformed access change');
    }
  }

  function dispatch(topic: string, detail: unknown): void {
    target.dispatchEvent(new CustomEvent(topic, { detail }));
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: 'vantage-events' });
    next.on('notification', (message) => {
      if (message.channel === ACCESS_CHANNEL) deliverAccessChange(message.payload);
      else deliver(message.payload);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'event listener connection lost; reconnecting');
      void reconnect(next);
    });
    await next.connect();
    await next.query(`LISTEN ${ACCESS_CHANNEL}`);
    await next.query(`LISTEN ${EVENT_CHANNEL}`);
    client = next;
  }

  async function reconnect(broken: pg.Client): Promise<void> {
    if (closed || client !== broken) return;
    client = null;
    broken.end().catch(() => {});
    for (let delay = 100; !closed; delay = Math.min(delay * 2, 5000)) {
      try {
        await connect();
        for (const topic of listenerCounts.keys()) {
          dispatch(topic, RESYNC);
        }
        log.info('event listener reconnected');
        return;
      } catch (error) {
        log.debug({ err: error, delay }, 'event listener reconnect failed');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  await connect();
  return {
    eventTarget: target,
    async close() {
      closed = true;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
