import { spawn } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repoRoot, 'bin/vantage.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and collects its output; killed if it outlives the timeout. */
export function run(command: string, args: string[], { timeoutMs = 60_000, env = {} as Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The CLI as a child process, the way `npx vantage` runs it. */
export function vantage(args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<CliRun> {
  return run(process.execPath, [bin, ...args], options);
}

/** The batch id the CLI announces on stderr. */
export function announcedBatchId(stderr: string): string {
  const match = /^Batch (\S+) /m.exec(stderr);
  if (!match) throw new Error(`The CLI announced no batch:\n${stderr}`);
  return match[1]!;
}

/** The CLI as a child process still running, for tests that signal it while it works. */
export function startVantage(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output, exited };
}
