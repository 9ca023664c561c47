import pg from 'pg';
import type { Logger } from '../logger';
import {
  ACCESS_CHANNEL,
  EVENT_CHANNEL,
  PROJECT_CHANNEL,
  RESYNC,
  VISIBILITY_CHANNEL,
  batchIdOfPayload,
  parseBatchChange,
  parseProjectEvent,
  type AccessChange,
  type BatchChange,
  type ProjectEventRecord,
} from './channel';
import { pushStream, type PullIterator } from './pushStream';

export type BatchTopicMessage = BatchChange | typeof RESYNC;
export type AccessMessage = AccessChange | typeof RESYNC;
export type ProjectMessage = ProjectEventRecord | typeof RESYNC;
/** A visibility audit changed (its new sequence), or RESYNC. */
export type AuditMessage = number | typeof RESYNC;

/** A topic's messages; `return` stops listening, and a `next` still waiting then ends. */
export type TopicMessages = PullIterator<BatchTopicMessage>;

/** The committed changes this process hears, by batch or by owner. */
export interface Events {
  /** The topic's messages from this call on: the listener is in place when it returns. */
  subscribe(kind: 'batch' | 'owner', id: string): TopicMessages;
  /**
   * Calls `listener` with each of the topic's messages, in the turn it arrives, until the
   * returned function is called (calling it again changes nothing). A listener that throws is
   * logged; the topic's other listeners still get the message.
   */
  listen(kind: 'batch' | 'owner', id: string, listener: (message: BatchTopicMessage) => void): () => void;
  /** Like `listen`, for keys created and revoked by any process; RESYNC when some may have been missed. */
  listenToAccess(listener: (message: AccessMessage) => void): () => void;
  /** Like `listen`, for the events of one project's log. */
  listenToProject(projectId: string, listener: (message: ProjectMessage) => void): () => void;
  /** Like `listen`, for one visibility audit's changes. */
  listenToAudit(auditId: string, listener: (message: AuditMessage) => void): () => void;
}

/** Takes how long one change took to reach every listener in the process, in seconds. */
export type Observer = { observe(seconds: number): void };

type Listener<Message> = (message: Message) => void;

/**
 * Listeners by topic. A topic is a key of the map exactly while it has a listener, so whether
 * anyone in the process listens to it is one lookup, and a topic nobody listens to costs nothing.
 */
class Topics<Message> {
  readonly #listeners = new Map<string, Set<Listener<Message>>>();

  constructor(private readonly listenerFailed: (error: unknown) => void) {}

  listen(topic: string, listener: Listener<Message>): () => void {
    // An entry of its own, so that listening twice with one function is two listeners.
    const entry: Listener<Message> = (message) => listener(message);
    let listeners = this.#listeners.get(topic);
    if (!listeners) this.#listeners.set(topic, (listeners = new Set()));
    listeners.add(entry);
    return () => {
      if (listeners.delete(entry) && listeners.size === 0) this.#listeners.delete(topic);
    };
  }

  isListened(topic: string): boolean {
    return this.#listeners.has(topic);
  }

  /** How many topics have listeners. */
  get size(): number {
    return this.#listeners.size;
  }

  /** Hands the message to each of the topic's listeners; one that stops listening meanwhile and has not had it yet does not get it. */
  publish(topic: string, message: Message): void {
    for (const listener of this.#listeners.get(topic) ?? []) {
      try {
        listener(message);
      } catch (error) {
        this.listenerFailed(error);
      }
    }
  }

  /** Hands the message to every listener of every topic. */
  publishToAll(message: Message): void {
    for (const topic of this.#listeners.keys()) this.publish(topic, message);
  }
}

/** Access changes concern every connection: their listeners share one topic. */
const EVERY_KEY = 'every key';

/**
 * The process's events, fed by PostgreSQL LISTEN/NOTIFY: batch changes, projects' events and access changes
 * NOTIFYed inside any process's transactions reach the listeners in this process once those
 * transactions commit. A batch change is parsed only if someone here listens to its batch or
 * to some owner, once, and the one parsed object is handed to all of them. After a lost
 * connection it reconnects with backoff and sends RESYNC to every topic listened to, since
 * notifications sent while it was away are gone.
 */
export async function createEvents(connectionString: string, log: Logger, fanoutSeconds?: Observer) {
  const listenerFailed = (error: unknown) => log.error({ err: error }, 'an event listener threw');
  const batches = new Topics<BatchTopicMessage>(listenerFailed); // by batch id
  const owners = new Topics<BatchTopicMessage>(listenerFailed); // by owner id
  const access = new Topics<AccessMessage>(listenerFailed);
  const projects = new Topics<ProjectMessage>(listenerFailed); // by project id
  const audits = new Topics<AuditMessage>(listenerFailed); // by visibility audit id

  let client: pg.Client | null = null;
  let closed = false;

  function deliver(payload: string | undefined): void {
    if (!payload) return;
    const batchId = batchIdOfPayload(payload);
    if (!batches.isListened(batchId) && owners.size === 0) return; // nobody here watches that batch or any owner
    const started = performance.now();
    let change: BatchChange;
    try {
      change = parseBatchChange(payload);
    } catch (error) {
      log.error({ err: error }, 'dropping a malformed event payload');
      return;
    }
    batches.publish(batchId, change);
    owners.publish(change.batch.ownerId, change);
    fanoutSeconds?.observe((performance.now() - started) / 1000);
  }

  function deliverAccessChange(payload: string | undefined): void {
    if (!payload || !access.isListened(EVERY_KEY)) return;
    let change: AccessChange;
    try {
      change = JSON.parse(payload) as AccessChange;
    } catch (error) {
      log.error({ err: error }, 'dropping a malformed access change');
      return;
    }
    access.publish(EVERY_KEY, change);
  }

  function deliverProjectEvent(payload: string | undefined): void {
    const space = payload?.indexOf(' ') ?? -1;
    if (!payload || space < 0 || !projects.isListened(payload.slice(0, space))) return;
    let event: ProjectEventRecord;
    try {
      event = parseProjectEvent(payload.slice(0, space), payload.slice(space + 1));
    } catch (error) {
      log.error({ err: error }, 'dropping a malformed project event');
      return;
    }
    projects.publish(event.projectId, event);
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: 'vantage-events' });
    next.on('notification', (message) => {
      if (message.channel === ACCESS_CHANNEL) deliverAccessChange(message.payload);
      else if (message.channel === PROJECT_CHANNEL) deliverProjectEvent(message.payload);
      else if (message.channel === VISIBILITY_CHANNEL) {
        const [auditId = '', sequence] = (message.payload ?? '').split(' ');
        audits.publish(auditId, Number(sequence));
      } else deliver(message.payload);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'event listener connection lost; reconnecting');
      void reconnect(next);
    });
    await next.connect();
    await next.query(`LISTEN ${ACCESS_CHANNEL}`);
    await next.query(`LISTEN ${EVENT_CHANNEL}`);
    await next.query(`LISTEN ${PROJECT_CHANNEL}`);
    await next.query(`LISTEN ${VISIBILITY_CHANNEL}`);
    client = next;
  }

  async function reconnect(broken: pg.Client): Promise<void> {
    if (closed || client !== broken) return;
    client = null;
    broken.end().catch(() => {});
    for (let delay = 100; !closed; delay = Math.min(delay * 2, 5000)) {
      try {
        await connect();
        for (const topics of [batches, owners, access, projects, audits]) topics.publishToAll(RESYNC);
        log.info('event listener reconnected');
        return;
      } catch (error) {
        log.debug({ err: error, delay }, 'event listener reconnect failed');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  const topicsOf = (kind: 'batch' | 'owner') => (kind === 'batch' ? batches : owners);
  const events: Events = {
    // Not Yoga's pubsub: the Repeater behind each of its subscriptions cost about 9 µs of CPU per
    // subscriber and event, against about 1 µs for the pull view of a push stream (node's `events.on`;
    // measured on this project's machines, see bench/RESULTS.md).
    subscribe(kind, id) {
      const { stream, emit } = pushStream<BatchTopicMessage>(() => stop());
      const stop = topicsOf(kind).listen(id, emit);
      return stream[Symbol.asyncIterator]();
    },
    listen: (kind, id, listener) => topicsOf(kind).listen(id, listener),
    listenToAccess: (listener) => access.listen(EVERY_KEY, listener),
    listenToProject: (projectId, listener) => projects.listen(projectId, listener),
    listenToAudit: (auditId, listener) => audits.listen(auditId, listener),
  };

  await connect();
  return {
    events,
    async close() {
      closed = true;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
