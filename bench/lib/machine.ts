import { readFile } from 'node:fs/promises';
import os from 'node:os';

/** The facts a reader needs to compare these numbers with their own. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- nproc: ${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- node: ${process.version}, ${os.platform()} ${os.release()}`,
    `- load average at the start: ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`,
  ].join('\n');
}

/** Busy and total CPU time of the whole machine so far, in clock ticks (/proc/stat, Linux). */
export async function machineCpuTicks(): Promise<{ busy: number; total: number }> {
  const [, ...fields] = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const idle = ticks[3]! + ticks[4]!; // idle + iowait
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}
