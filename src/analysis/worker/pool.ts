import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import { AnalysisError, type PageReport } from '../types';
import type { AnalysisTask } from './analyzePage';

export interface AnalysisLimits {
  /** The task's thread is stopped once the analysis has run this long, and the page fails; none by default. */
  timeLimitMs?: number;
  /** Pages waiting for a thread are served in turn across share keys, so one key's backlog cannot starve another's page. */
  shareKey?: string;
}

export interface AnalysisPool {
  analyze(task: AnalysisTask, limits?: AnalysisLimits): Promise<PageReport>;
  readonly threads: number;
  destroy(): Promise<void>;
}

/**
 * Old-space heap of one analysis thread: a bound makes V8 collect before the process grows (8
 * pages of 170,000 headings peaked at 458–472 MiB of RSS with it, 560–595 without), and a page
 * that needs more fails alone instead of taking the server's memory.
 */
const THREAD_HEAP_MB = 256;
/** Young generation of one analysis thread: a page's garbage dies young, and a small one keeps the thread's memory down. */
const THREAD_YOUNG_MB = 8;

/** One less than the cores, so the main thread keeps a core for HTTP and WebSocket traffic. */
export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function createAnalysisPool(threads: number, heapMb = THREAD_HEAP_MB): AnalysisPool {
  const pool = new Piscina({
    filename: new URL('./entry.mjs', import.meta.url).href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: THREAD_YOUNG_MB },
  });
  // Piscina queues abortable tasks first in, first out whatever its taskQueue, so pages wait for
  // a thread here instead, and reach Piscina only when one is free.
  const turns = fairTurns(threads);
  // The clock of a task starts when its thread says so, not while the thread is starting.
  const clocks = new Map<number, () => void>();
  pool.on('message', (message: { analysisStarted?: number }) => {
    if (message?.analysisStarted !== undefined) clocks.get(message.analysisStarted)?.();
  });
  let nextTaskId = 0;
  let destroyed = false;
  return {
    threads,
    async analyze(task, { timeLimitMs, shareKey = '' } = {}) {
      // Piscina would start fresh threads for a task after destroy(); a closed pool stays closed.
      if (destroyed) throw new Error('The analysis pool is closed.');
      await turns.take(shareKey);
      const taskId = nextTaskId++;
      const stop = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      if (timeLimitMs !== undefined) clocks.set(taskId, () => (timer = setTimeout(() => stop.abort(), timeLimitMs)));
      try {
        // The body's ArrayBuffer is moved to the worker, not copied: it is not used here again.
        return await pool.run({ ...task, taskId }, { transferList: [task.fetched.body.buffer as ArrayBuffer], signal: stop.signal });
      } catch (error) {
        // Aborting a running task terminates its thread (Piscina starts another), so nothing of it runs on.
        if (stop.signal.aborted) {
          throw new AnalysisError(`The page's analysis took longer than ${timeLimitMs! / 1000} s and was stopped.`, false);
        }
        if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new AnalysisError(`The page's analysis needed more than the ${heapMb} MB it may use and was stopped.`, false);
        }
        throw error;
      } finally {
        clearTimeout(timer);
        clocks.delete(taskId);
        turns.release();
      }
    },
    async destroy() {
      destroyed = true;
      turns.close(new Error('The analysis pool is closed.'));
      await pool.destroy();
    },
  };
}

/**
 * At most `slots` holders at once. Waiters are served in turn across keys, not first in, first
 * out: the next free slot goes to the waiting key served longest ago, so a key with one page
 * waits for at most one page per other key, however many that key has waiting.
 */
function fairTurns(slots: number) {
  const waiting = new Map<string, PromiseWithResolvers<void>[]>();
  /** When each key last took a slot, for as long as it has pages waiting or running. */
  const lastServed = new Map<string, number>();
  let served = 0;
  let free = slots;
  return {
    async take(key: string): Promise<void> {
      if (free > 0 && waiting.size === 0) {
        free--;
        lastServed.set(key, served++);
        return;
      }
      const turn = Promise.withResolvers<void>();
      const line = waiting.get(key);
      if (line) line.push(turn);
      else waiting.set(key, [turn]);
      return turn.promise;
    },
    release(): void {
      let next: string | undefined;
      for (const key of waiting.keys()) {
        if (next === undefined || (lastServed.get(key) ?? -1) < (lastServed.get(next) ?? -1)) next = key;
      }
      if (next === undefined) {
        free++;
        if (free === slots) lastServed.clear();
        return;
      }
      const line = waiting.get(next)!;
      const turn = line.shift()!;
      if (line.length === 0) waiting.delete(next);
      lastServed.set(next, served++);
      turn.resolve();
    },
    close(reason: Error): void {
      for (const line of waiting.values()) for (const turn of line) turn.reject(reason);
      waiting.clear();
    },
  };
}
