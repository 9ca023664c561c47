import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/db/embedded';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { waitUntil } from '../helpers/wait';

const ROOT = path.resolve(import.meta.dirname, '../..');
const postmasterPid = (clusterDir: string) => Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
/** The embedded default, also when the suite runs against DATABASE_URL's server. */
const EMBEDDED = { DATABASE_URL: '' };
const ready = async (vantage: VantageProcess) => (await fetch(`${vantage.url}/ready`).catch(() => null))?.status === 200;

/** The embedded default as people run it: `npm start` in a terminal, several processes, root. */
describe('the embedded PostgreSQL under real processes', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  });

  async function dataDir() {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vantage-processes-'));
    await fs.chmod(dir, 0o755);
    cleanups.push(async () => {
      // Whatever a failed test left running must not outlive it.
      await fs.readFile(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').then(
        (pid) => process.kill(Number(pid.split('\n')[0]), 'SIGQUIT'),
        () => {},
      );
      await fs.rm(dir, { recursive: true, force: true });
    });
    return dir;
  }
  function tracked(vantage: VantageProcess) {
    cleanups.push(() => stopProcess([vantage]));
    return vantage;
  }

  it('Ctrl-C on `npm start` in a terminal prints "shutting down" and "stopped", exits 0 and leaves no postmaster', { timeout: 60_000 }, async () => {
    const dir = await dataDir();
    // `script` gives npm a pseudo-terminal: Ctrl-C written to it is a SIGINT for the whole foreground process group.
    // `exec` leaves npm alone in that group, as an interactive shell would; a waiting dash would die of the SIGINT.
    const terminal = spawn('script', ['-q', '-e', '-c', 'exec npm start', '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, ...EMBEDDED, VANTAGE_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info', LOG_FORMAT: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    terminal.stdout.on('data', (chunk) => (output += chunk));
    terminal.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => terminal.once('exit', resolve));
    cleanups.push(async () => {
      terminal.kill('SIGKILL');
      await exited;
    });
    const text = () => output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    await waitUntil(async () => text().includes('is ready'), { timeoutMs: 45_000, what: `npm start to be ready:\n${text()}` });
    const postmaster = postmasterPid(path.join(dir, 'postgres'));
    terminal.stdin.write('\x03');

    expect(await exited, text()).toBe(0);
    const lines = text().split('\n');
    // Human lines on a terminal: local time, level, message.
    expect(lines).toContainEqual(expect.stringMatching(/^\^?C?\[\d\d:\d\d:\d\d\.\d{3}\] INFO: shutting down/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: stopped/));
    expect(text()).not.toMatch(/ERROR|WARN|second signal|terminating connection/);
    expect(isProcessAlive(postmaster)).toBe(false);
  });

  it('survives kill -9 of its first process group: the restart adopts the postmaster on its port, a joined worker follows, and Ctrl-C of both stops it', { timeout: 90_000 }, async () => {
    const dir = await dataDir();
    const first = tracked(await spawnVantage({ ...EMBEDDED, VANTAGE_DATA_DIR: dir }, { detached: true }));
    const worker = tracked(await spawnVantage({ ...EMBEDDED, VANTAGE_DATA_DIR: dir, VANTAGE_ROLE: 'worker' }));
    expect(worker.logs.some((line) => String(line.msg).includes('joining'))).toBe(true);
    const postmaster = postmasterPid(path.join(dir, 'postgres'));

    process.kill(-first.pid, 'SIGKILL');
    await first.exited;
    const restarted = tracked(await spawnVantage({ ...EMBEDDED, VANTAGE_DATA_DIR: dir }, { detached: true }));
    expect(restarted.logs.some((line) => String(line.msg).startsWith('adopting the embedded PostgreSQL'))).toBe(true);
    await waitUntil(() => ready(restarted), { what: 'the restarted process to be ready' });
    await waitUntil(() => ready(worker), { what: 'the joined worker to be ready' });

    worker.kill('SIGINT');
    restarted.kill('SIGINT');
    expect(await worker.exited, JSON.stringify(worker.logs.slice(-8), null, 1)).toBe(0);
    expect(await restarted.exited).toBe(0);
    expect(isProcessAlive(postmaster)).toBe(false);
  });

  it('a joined worker follows the cluster to another port when its own was taken while the cluster was down', { timeout: 90_000 }, async () => {
    const dir = await dataDir();
    const first = tracked(await spawnVantage({ ...EMBEDDED, VANTAGE_DATA_DIR: dir }));
    const worker = tracked(await spawnVantage({ ...EMBEDDED, VANTAGE_DATA_DIR: dir, VANTAGE_ROLE: 'worker' }));
    const port = Number(readFileSync(path.join(dir, 'postgres-port'), 'utf8'));
    first.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const squatter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));
    tracked(await spawnVantage({ ...EMBEDDED, VANTAGE_DATA_DIR: dir }));
    expect(Number(readFileSync(path.join(dir, 'postgres-port'), 'utf8'))).not.toBe(port);

    // The worker reconnects and says it is ready again, at the health URL of its new server.
    const healthUrls = () => worker.logs.flatMap((line) => /health at (\S+)\/health/.exec(String(line.msg))?.[1] ?? []);
    const again = await waitUntil(async () => healthUrls()[1], { timeoutMs: 45_000, what: 'the worker to be ready again' });
    expect(worker.logs.some((line) => String(line.msg).includes('following it'))).toBe(true);
    expect((await fetch(`${again}/ready`)).status).toBe(200);
  });

  it.runIf(os.userInfo().uid === 0)(
    'runs as root from a clone under a private directory (mode 700) without changing its permissions',
    { timeout: 90_000 },
    async () => {
      // A clone of this one (hard links: same files, no copying) under a directory only root may enter.
      await fs.mkdir(path.join(ROOT, '.data'), { recursive: true });
      const home = await fs.mkdtemp(path.join(ROOT, '.data', 'private-home-'));
      await fs.chmod(home, 0o700);
      cleanups.push(() => fs.rm(home, { recursive: true, force: true }));
      const clone = path.join(home, 'vantage');
      await fs.mkdir(clone);
      const entries = (await fs.readdir(ROOT)).filter((entry) => !['.git', '.data'].includes(entry));
      await promisify(execFile)('cp', ['-al', ...entries.map((entry) => path.join(ROOT, entry)), clone]);

      const vantage = tracked(await spawnVantage(EMBEDDED, { cwd: clone }));
      const relocated = vantage.logs.find((line) => String(line.msg).includes('keeps its cluster in /var/lib/vantage/'));
      expect(relocated).toBeDefined();
      cleanups.push(() => fs.rm(path.dirname(String(relocated!.clusterDir)), { recursive: true, force: true }));
      expect(await ready(vantage)).toBe(true);
      expect((await fs.stat(home)).mode & 0o777).toBe(0o700);

      vantage.kill('SIGTERM');
      expect(await vantage.exited).toBe(0);
    },
  );
});
