import net from 'node:net';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { bossErrorLogger } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startTestApp } from './helpers/app';
import { createBatch, waitForBatchStatus } from './helpers/batches';
import { startFixtureSite } from './helpers/fixtures';
import { atLeast, capturedLogger } from './helpers/logs';
import { pages } from './helpers/pages';

/** What pg-boss emitted on Ctrl-C: PostgreSQL's goodbye, carrying the connection it came on. */
function terminatedConnection() {
  const error = new Error('terminating connection due to administrator command') as Error & { code: string; client: pg.Client };
  error.code = '57P01';
  error.client = new pg.Client({ connectionString: 'postgresql://127.0.0.1:1/x' });
  return error;
}

function lines(format: 'pretty' | 'json') {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      written.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('info', destination, format), written };
}

describe('log lines', () => {
  it('serialise an error as its message, code and stack, never the client object it carries', () => {
    const { log, written } = lines('json');
    log.error({ err: terminatedConnection() }, 'pg-boss error');
    const entry = JSON.parse(written[0]!);
    expect(entry.err).toEqual({
      type: 'Error',
      message: 'terminating connection due to administrator command',
      code: '57P01',
      stack: expect.stringContaining('terminatedConnection'),
    });
    expect(written[0]!.length).toBeLessThan(2000);
  });

  it('on a terminal are one human line each: local time, level, message, fields; an error adds its message and code, and its stack below', () => {
    const { log, written } = lines('pretty');
    // A time zone 13¾ hours from UTC tells local time from UTC whatever the machine's zone.
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Chatham';
    const minute = (date: Date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    const before = minute(new Date());
    log.info({ port: 20123 }, 'embedded PostgreSQL started');
    const after = minute(new Date());
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    log.error({ err: terminatedConnection() }, 'pg-boss error');
    const time = /^\[(\d\d:\d\d):\d\d\.\d{3}\] /.exec(written[0]!);
    expect([before, after]).toContain(time?.[1]);
    expect(written[0]!.slice(time![0].length)).toBe('INFO: embedded PostgreSQL started {"port":20123}');
    expect(written[1]).toMatch(/^\[[\d:.]+\] ERROR: pg-boss error: terminating connection due to administrator command \(57P01\)\s*$/);
    expect(written[2]).toMatch(/^\s+err: Error: terminating connection/);
    expect(written[3]).toMatch(/^\s+at terminatedConnection /);
    expect(written.join('\n')).not.toContain('client');
  });

  it('are JSON with LOG_FORMAT=json, human on a terminal by default, and another format is refused', () => {
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('pg-boss errors', () => {
  it('of a lost connection are one WARN line per 30 s however many polls fail; others stay ERROR; while stopping, debug', () => {
    const { log, lines: logged } = capturedLogger('debug');
    let stopping = false;
    const onError = bossErrorLogger(log, () => stopping);
    for (let poll = 0; poll < 20; poll++) onError(terminatedConnection());
    onError(new Error('Connection terminated unexpectedly'));
    onError(new Error('relation "pgboss.job" does not exist'));
    stopping = true;
    onError(terminatedConnection());
    expect(logged.map((line) => [line.level, line.msg])).toEqual([
      [40, 'pg-boss lost its database connection; it reconnects on its own'],
      [50, 'pg-boss error'],
      [20, 'pg-boss error while stopping'],
    ]);
  });
});

describe('what a batch logs', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('one INFO line for its creation and one for its end; a site that refuses connections is INFO without a stack', { timeout: 60_000 }, async () => {
    const site = await startFixtureSite({ '/': pages.good });
    cleanups.push(() => site.close());
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const refused = `http://127.0.0.1:${(closed.address() as net.AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));

    const { log, lines: logged } = capturedLogger('info');
    const app = await startTestApp({ ANALYZE_MAX_ATTEMPTS: '2', QUEUE_POLL_SECONDS: '0.5' }, { log });
    cleanups.push(() => app.close());
    const id = await createBatch(app.graphqlUrl, { name: 'Refused and good', urls: [site.url('/'), refused] });
    expect(await waitForBatchStatus(app.graphqlUrl, id, undefined, 45_000)).toBe('COMPLETED');

    const created = logged.filter((line) => line.msg === 'batch created');
    expect(created).toEqual([expect.objectContaining({ level: 30, name: 'Refused and good', urls: 2, status: 'PENDING' })]);
    const ended = logged.filter((line) => line.msg === 'batch ended');
    expect(ended).toEqual([
      expect.objectContaining({ level: 30, name: 'Refused and good', urls: 2, status: 'COMPLETED', succeeded: 1, failed: 1, durationMs: expect.any(Number) }),
    ]);
    expect(ended[0]!.batchId).toBe(created[0]!.batchId);

    const refusals = logged.filter((line) => line.url === refused);
    expect(refusals.map((line) => [line.level, line.willRetry])).toEqual([
      [30, true],
      [30, false],
    ]);
    expect(JSON.stringify(refusals)).toContain('ECONNREFUSED');
    expect(logged.filter((line) => line.err !== undefined || JSON.stringify(line).includes('    at '))).toEqual([]);
    expect(atLeast(logged, 40)).toEqual([]);
  });
});
