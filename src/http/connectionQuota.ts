import pg from 'pg';
import type { Logger } from '../logger';

/** The advisory-lock namespace (first int4 key) of connection slots; the second key is the slot's hash. */
const SLOT_LOCKS = 0x56_57_4b_53;
const CANDIDATES_PER_QUERY = 64;

/** One of a key's connection slots, held until the connection closes. */
export interface Slot {
  key: string;
  slot: number;
  /** Which of this process's quota sessions holds it: a lost session released it already. */
  session: number;
}

export interface ConnectionQuota {
  /** Takes a free slot of the key, or returns null when all `maxPerKey` are held. */
  take(key: string): Promise<Slot | null>;
  release(slot: Slot): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open WebSocket connections per key across every api process on the database: each
 * connection holds one of its key's slots, a session-level advisory lock on this process's
 * quota session. A process that dies, or loses that session, hands its slots back with it, so
 * no slot stays taken by a connection that is gone (for a while after a lost session, the
 * connections it counted are not counted).
 */
export function createConnectionQuota(connectionString: string, maxPerKey: number, log: Logger): ConnectionQuota {
  type Session = { client: pg.Client; id: number; held: Map<string, Set<number>> };
  let session: Session | null = null;
  let opening: Promise<Session> | null = null;
  let sessions = 0;
  let lastQuery: Promise<unknown> = Promise.resolve();

  /**
   * One statement at a time on the session: two takes of one key in flight would both win the
   * same (re-entrant) lock, and a client with a query in flight must not be given another.
   */
  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = lastQuery.then(work);
    lastQuery = result.catch(() => {});
    return result;
  }

  function open() {
    opening ??= (async () => {
      const client = new pg.Client({ connectionString, application_name: 'vantage-connection-quota' });
      client.on('error', (error) => {
        log.warn({ err: error }, 'connection-quota session lost; its slots are free again');
        if (session?.client === client) session = null;
        client.end().catch(() => {});
      });
      await client.connect();
      session = { client, id: ++sessions, held: new Map() };
      return session;
    })().finally(() => {
      opening = null;
    });
    return opening;
  }

  async function takeSlot(key: string): Promise<Slot | null> {
    const current = session ?? (await open());
    const held = current.held.get(key) ?? new Set<number>();
    // Advisory locks are re-entrant within a session, so only slots this process does not
    // hold are tried, the lowest first, a few per query; the scan stops at the first lock won.
    for (let next = 0; next < maxPerKey; ) {
      const candidates: number[] = [];
      for (; next < maxPerKey && candidates.length < CANDIDATES_PER_QUERY; next++) if (!held.has(next)) candidates.push(next);
      const { rows } = await current.client.query<{ slot: number }>(
        `SELECT slot FROM unnest($2::int[]) AS slot WHERE pg_try_advisory_lock($3, hashtext($1 || ' ' || slot)) LIMIT 1`,
        [key, candidates, SLOT_LOCKS],
      );
      if (!rows[0]) continue;
      if (session !== current) throw new Error('the connection-quota session was lost while taking a slot');
      current.held.set(key, held.add(rows[0].slot));
      return { key, slot: rows[0].slot, session: current.id };
    }
    return null;
  }

  return {
    take: (key) => inTurn(() => takeSlot(key)),
    async release({ key, slot, session: holder }) {
      const current = session;
      if (current?.id !== holder || !current.held.get(key)?.delete(slot)) return;
      if (current.held.get(key)!.size === 0) current.held.delete(key);
      const unlock = () => current.client.query(`SELECT pg_advisory_unlock($3, hashtext($1 || ' ' || $2::int))`, [key, slot, SLOT_LOCKS]);
      await inTurn(unlock)
        // A session closed or lost meanwhile took all its locks with it: nothing is left held.
        .catch((error: unknown) => {
          if (session === current) log.warn({ err: error }, 'could not release a connection slot');
        });
    },
    async close() {
      const closing = session ?? (await opening?.catch(() => null));
      session = null;
      await closing?.client.end().catch(() => {});
    },
  };
}
