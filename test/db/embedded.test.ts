import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded';
import { withClient } from '../helpers/database';
import { capturedLogger } from '../helpers/logs';
import { waitUntil } from '../helpers/wait';

const portOf = (url: string) => Number(new URL(url).port);
const postmasterPid = (dataDir: string) => Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('the embedded PostgreSQL', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  });

  async function dataDir() {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vantage-embedded-'));
    // As root the cluster runs as the postgres user, who must reach the directory.
    await fs.chmod(dir, 0o755);
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    return dir;
  }
  function started(database: EmbeddedDatabase) {
    cleanups.push(() => database.stop());
    return database;
  }

  it('keeps its port across restarts (never 5432) and leaves shutdown signals to Vantage', async () => {
    const dir = await dataDir();
    const { log } = capturedLogger();
    const signals = () => ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit'].map((event) => process.listenerCount(event));
    const before = signals();
    const first = await startEmbeddedPostgres(dir, log);
    expect(signals()).toEqual(before);
    await first.stop();
    const second = started(await startEmbeddedPostgres(dir, log));
    expect(portOf(second.url)).toBe(portOf(first.url));
    expect(portOf(second.url)).not.toBe(5432);
    await withClient(second.url, (client) => client.query('SELECT 1'));
  });

  it('moves to another port when its own is taken, and a process that joined it follows', async () => {
    const dir = await dataDir();
    const { log, lines } = capturedLogger();
    const owner = await startEmbeddedPostgres(dir, log);
    const moved: string[] = [];
    const joiner = started(await startEmbeddedPostgres(dir, log, { onMoved: (url) => moved.push(url) }));
    expect(joiner.url).toBe(owner.url);
    await owner.stop();

    const squatter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(portOf(owner.url), '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));
    const restarted = started(await startEmbeddedPostgres(dir, log));
    expect(portOf(restarted.url)).not.toBe(portOf(owner.url));
    expect(lines.some((line) => line.level === 40 && line.to === portOf(restarted.url))).toBe(true);

    await waitUntil(async () => moved.length > 0, { what: 'the joined process to follow' });
    expect(moved).toEqual([restarted.url]);
    // The moment before the starter holds the owner lock: a process that joined the old postmaster and stops then leaves the new one alone.
    await withClient(restarted.url, (client) =>
      client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'vantage embedded owner'`),
    );
    const postmaster = postmasterPid(dir);
    await joiner.stop();
    expect(isProcessAlive(postmaster)).toBe(true);
    await restarted.stop();
    const again = started(await startEmbeddedPostgres(dir, log));
    expect(again.url).toBe(restarted.url);
  });

  it('is stopped by a joined process when the process that owned it is gone, and left alone while its owner lives', async () => {
    const dir = await dataDir();
    const { log, lines } = capturedLogger();
    const owner = started(await startEmbeddedPostgres(dir, log));
    const postmaster = postmasterPid(dir);
    const joiner = await startEmbeddedPostgres(dir, log);
    await joiner.stop();
    expect(isProcessAlive(postmaster)).toBe(true);

    // The owner's session ends as it would if its process were killed.
    const second = await startEmbeddedPostgres(dir, log);
    await withClient(owner.url, (client) =>
      client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'vantage embedded owner'`),
    );
    await second.stop();
    expect(isProcessAlive(postmaster)).toBe(false);
    expect(lines.some((line) => String(line.msg).includes('the process that owned it is gone'))).toBe(true);
  });
});
