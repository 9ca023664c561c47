import { setTimeout as sleep } from 'node:timers/promises';
import { createAdvisorySlots, type Slot } from '../db/advisorySlots';
import type { Logger } from '../logger';

export interface HostSlots {
  /** Runs `work` holding one of the host's slots, waiting for one if every slot is taken. */
  during<T>(host: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How often waiters look for a slot another process freed; a slot freed here is handed over at once. */
const POLL_MS = 50;
/**
 * A freed slot nobody here waits for is kept this long before it is unlocked: a job's next page
 * of the same host usually asks for it within that time, and then takes it without a statement.
 */
const LINGER_MS = 30;

/**
 * At most `maxPerHost` requests to one host at once across every worker process. Each worker
 * takes at most that many jobs of a host (pg-boss's localGroupConcurrency), but several workers
 * each take theirs, so every request holds one of the host's slots: a request that finds them
 * all taken waits, first in line for the next slot this process frees.
 */
export function createHostSlots(connectionString: string, maxPerHost: number, log: Logger): HostSlots {
  const slots = createAdvisorySlots(connectionString, { name: 'host-slots', namespace: 0x56_48_53_54, maxPerKey: maxPerHost }, log);
  const waiting = new Map<string, PromiseWithResolvers<Slot>[]>();
  const idle = new Map<string, { slot: Slot; timer: NodeJS.Timeout }[]>();

  async function pollFor(host: string, line: PromiseWithResolvers<Slot>[]) {
    while (line.length > 0) {
      await sleep(POLL_MS);
      const slot = line.length > 0 ? await slots.take(host).catch(() => null) : null;
      if (slot) handOver(slot);
    }
    waiting.delete(host);
  }

  function handOver(slot: Slot) {
    const next = waiting.get(slot.key)?.shift();
    if (next) return next.resolve(slot);
    const kept = idle.get(slot.key) ?? [];
    const timer = setTimeout(() => {
      kept.splice(kept.findIndex((one) => one.slot === slot), 1);
      if (kept.length === 0) idle.delete(slot.key);
      void slots.release(slot);
    }, LINGER_MS);
    kept.push({ slot, timer });
    idle.set(slot.key, kept);
  }

  function reuseIdle(host: string): Slot | null {
    const kept = idle.get(host)?.pop();
    if (!kept) return null;
    clearTimeout(kept.timer);
    if (idle.get(host)!.length === 0) idle.delete(host);
    return kept.slot;
  }

  async function acquire(host: string): Promise<Slot> {
    const reused = reuseIdle(host);
    if (reused) return reused;
    if (!waiting.has(host)) {
      const slot = await slots.take(host);
      if (slot) return slot;
    }
    const turn = Promise.withResolvers<Slot>();
    const line = waiting.get(host);
    if (line) {
      line.push(turn);
    } else {
      const newLine = [turn];
      waiting.set(host, newLine);
      void pollFor(host, newLine);
    }
    return turn.promise;
  }

  return {
    async during(host, work) {
      // A page must not fail for want of a lock it only needs to be polite: while the database
      // is unreachable (when hardly any page gets this far), requests go ahead unthrottled.
      const slot = await acquire(host).catch((error: unknown) => {
        log.warn({ err: error, host }, 'host slots unavailable; this request goes ahead without one');
        return null;
      });
      try {
        return await work();
      } finally {
        if (slot) handOver(slot);
      }
    },
    async close() {
      for (const kept of idle.values()) for (const { timer } of kept) clearTimeout(timer);
      idle.clear();
      await slots.close();
    },
  };
}
