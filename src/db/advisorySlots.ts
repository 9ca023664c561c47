import pg from 'pg';
import type { Logger } from '../logger';

const CANDIDATES_PER_QUERY = 64;

/** One of a key's slots, held until released. */
export interface Slot {
  key: string;
  slot: number;
  /** Which of this process's sessions holds it: a lost session released it already. */
  session: number;
}

export interface AdvisorySlots {
  /** Takes a free slot of the key, or returns null when all `maxPerKey` are held. */
  take(key: string): Promise<Slot | null>;
  release(slot: Slot): Promise<void>;
  close(): Promise<void>;
}

export interface SlotOptions {
  /** Names the session in pg_stat_activity and the log. */
  name: string;
  /** The advisory-lock namespace (first int4 key); the second key is the slot's hash. */
  namespace: number;
  maxPerKey: number;
}

/**
 * At most `maxPerKey` holders per key across every process on the database: each holds one of
 * its key's slots, a session-level advisory lock on this process's session. A process that
 * dies, or loses that session, hands its slots back with it, so no slot stays taken by a holder
 * that is gone (for a while after a lost session, the holders it counted are not counted).
 */
export function createAdvisorySlots(connectionString: string, options: SlotOptions, log: Logger): AdvisorySlots {
  const { name, namespace, maxPerKey } = options;
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
      const client = new pg.Client({ connectionString, application_name: `vantage-${name}` });
      client.on('error', (error) => {
        log.warn({ err: error }, `${name} session lost; its slots are free again`);
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
        [key, candidates, namespace],
      );
      if (!rows[0]) continue;
      if (session !== current) throw new Error(`the ${name} session was lost while taking a slot`);
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
      const unlock = () => current.client.query(`SELECT pg_advisory_unlock($3, hashtext($1 || ' ' || $2::int))`, [key, slot, namespace]);
      await inTurn(unlock)
        // A session closed or lost meanwhile took all its locks with it: nothing is left held.
        .catch((error: unknown) => {
          if (session === current) log.warn({ err: error }, `could not release a ${name} slot`);
        });
    },
    async close() {
      const closing = session ?? (await opening?.catch(() => null));
      session = null;
      await closing?.client.end().catch(() => {});
    },
  };
}
