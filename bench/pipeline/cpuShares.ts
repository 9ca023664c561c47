import fs from 'node:fs';
import { cpuTicksOfStat } from '../lib/vantageProcess';

/** CPU ticks (USER_HZ, 100 a second) of a process or one of its threads, from /proc; null once it is gone. */
function ticksOf(statPath: string): { name: string; ticks: number } | null {
  try {
    const stat = fs.readFileSync(statPath, 'utf8');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: cpuTicksOfStat(stat) };
  } catch {
    return null;
  }
}

/** Every `postgres` process on the machine, and each thread of this process (its main thread apart). */
function readTicks(into: Map<string, number>): void {
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const process = ticksOf(`/proc/${pid}/stat`);
    if (process?.name === 'postgres') into.set(`postgres ${pid}`, process.ticks);
  }
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const thread = ticksOf(`/proc/self/task/${tid}/stat`);
    if (thread) into.set(`${tid === String(process.pid) ? 'main' : 'thread'} ${tid}`, thread.ticks);
  }
}

export interface CpuShares {
  /** CPU seconds of the PostgreSQL processes, of this process's main thread, and of its other threads. */
  postgres: number;
  main: number;
  otherThreads: number;
}

/**
 * Runs `work` while sampling, every 50 ms, the CPU time of PostgreSQL's processes and of this
 * process's threads. Sampled rather than read once at the end, so that a backend that exits
 * meanwhile still counts up to its last sample. Assumes no other PostgreSQL is busy meanwhile.
 */
export async function measureCpuShares<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuShares }> {
  const before = new Map<string, number>();
  readTicks(before);
  const latest = new Map(before);
  const sampler = setInterval(() => readTicks(latest), 50);
  try {
    const result = await work();
    readTicks(latest);
    const cpu: CpuShares = { postgres: 0, main: 0, otherThreads: 0 };
    for (const [key, ticks] of latest) {
      const seconds = (ticks - (before.get(key) ?? 0)) / 100;
      if (key.startsWith('postgres')) cpu.postgres += seconds;
      else if (key.startsWith('main')) cpu.main += seconds;
      else cpu.otherThreads += seconds;
    }
    return { result, cpu };
  } finally {
    clearInterval(sampler);
  }
}
