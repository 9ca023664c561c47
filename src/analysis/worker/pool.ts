import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import type { PageReport } from '../types';
import type { AnalysisTask } from './analyzePage';

export interface AnalysisPool {
  analyze(task: AnalysisTask): Promise<PageReport>;
  readonly threads: number;
  destroy(): Promise<void>;
}

/** One less than the cores, so the main thread keeps a core for HTTP and WebSocket traffic. */
export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function createAnalysisPool(threads: number): AnalysisPool {
  const pool = new Piscina({
    filename: new URL('./entry.mjs', import.meta.url).href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 30_000,
  });
  let destroyed = false;
  return {
    threads,
    async analyze(task) {
      // Piscina would start fresh threads for a task after destroy(); a closed pool stays closed.
      if (destroyed) throw new Error('The analysis pool is closed.');
      // The body's ArrayBuffer is moved to the worker, not copied: it is not used here again.
      return pool.run(task, { transferList: [task.fetched.body.buffer as ArrayBuffer] });
    },
    async destroy() {
      destroyed = true;
      await pool.destroy();
    },
  };
}
