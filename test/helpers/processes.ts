import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface VantageProcess {
  url: string;
  pid: number;
  /** Parsed log lines (pino JSON) written so far. */
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Vantage as its own OS process (`src/server.ts`, the way `npm start` runs it), for tests
 * that kill, restart or multiply processes. Resolves once the process says it is ready.
 * `detached`: in a process group of its own, to kill as a terminal would; `cwd`: another clone.
 */
export async function spawnVantage(
  env: Record<string, string>,
  { detached = false, cwd = ROOT }: { detached?: boolean; cwd?: string } = {},
): Promise<VantageProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd,
    detached,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', CRAWL_ALLOW_PRIVATE: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  readline.createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const ready = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        const url = /is ready: GraphiQL at (\S+)\/graphql|health at (\S+)\/health/.exec(String(entry.msg ?? ''));
        if (url) resolve((url[1] ?? url[2])!);
      } catch {
        logs.push({ msg: line });
      }
    });
    void exited.then((code) =>
      reject(new Error(`Vantage exited (${code}) before it was ready:\n${[...logs.map((l) => JSON.stringify(l)), ...stderr].join('\n')}`)),
    );
  });
  return {
    url: await ready,
    pid: child.pid!,
    logs,
    exited,
    kill: (signal) => child.kill(signal),
  };
}

/** Stops a process with SIGTERM and waits for it to exit. */
export async function stopProcess(processes: (VantageProcess | undefined)[]): Promise<void> {
  await Promise.all(
    processes.map(async (vantage) => {
      if (!vantage) return;
      vantage.kill('SIGTERM');
      await vantage.exited;
    }),
  );
}
