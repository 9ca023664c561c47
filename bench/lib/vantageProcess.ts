import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../../src/logger';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface VantageProcess {
  /** The process running src/server.ts itself (node with tsx as an import hook, no wrapper). */
  pid: number;
  /** Base URL of its HTTP server; null for a worker. */
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Starts `src/server.ts` in a process of its own with the given role and settings, and resolves
 * once it logs that it is ready. Its warnings and errors are passed on to the bench's log.
 */
export function spawnVantage(role: 'api' | 'worker', env: Record<string, string>, log: Logger): Promise<VantageProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: REPO_ROOT,
    // As `npm start` runs it: two malloc arenas (see package.json).
    env: { MALLOC_ARENA_MAX: '2', ...process.env, ...env, VANTAGE_ROLE: role, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the Vantage ${role} process exited with ${code} before it was ready`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { level?: number; msg?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        entry = { level: 40, msg: line };
      }
      if ((entry.level ?? 0) >= 40) log.warn({ role, pid: child.pid, entry }, 'from a Vantage child process');
      if (!entry.msg?.includes('is ready')) return;
      resolve({
        pid: child.pid!,
        url: entry.msg.match(/GraphiQL at (http:\/\/\S+)\/graphql/)?.[1] ?? null,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

export interface ProcessUsage {
  rssMiB: number;
  /** The highest RSS the process has had (VmHWM). */
  peakMiB: number;
  /** User plus system CPU time used so far. */
  cpuSeconds: number;
}

/** Linux's /proc view of a process; CPU times count USER_HZ ticks, 100 a second on x86 and arm Linux. */
export async function usageOf(pid: number): Promise<ProcessUsage> {
  const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
  const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024, cpuSeconds: cpuTicksOfStat(stat) / 100 };
}

/** User plus system CPU time, in USER_HZ ticks, from the text of a /proc/<pid>/stat or task stat file. */
export function cpuTicksOfStat(stat: string): number {
  // The fields after the command name (which may contain spaces) start with the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime (14) and stime (15)
}
