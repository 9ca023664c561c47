import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { createEvents, EVENT_CHANNEL, watchBatch, type BatchSnapshot, type PushStream } from '../../src/events';
import type { Context } from '../../src/schema/context';
import { allowConnections, createTestDatabase, eventListenerPids, withClient, type TestDatabase } from '../helpers/database';
import { capturedLogger } from '../helpers/logs';
import { waitUntil } from '../helpers/wait';

const OWNER = randomUUID();

describe('watching a batch', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let events: Awaited<ReturnType<typeof createEvents>>;
  const captured = capturedLogger();
  const parsedMalformed = () => captured.lines.filter((line) => line.msg === 'dropping a malformed event payload').length;
  const context = (ownerId = OWNER) => ({ prisma, events: events.events, caller: { ownerId } }) as unknown as Context;

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrisma(database.url, 2);
    events = await createEvents(database.url, captured.log);
    await prisma.owner.create({ data: { id: OWNER, name: 'watcher' } });
  });
  afterAll(async () => {
    await events?.close();
    await prisma?.$disconnect();
    await database?.drop();
  });

  const newBatch = async () => (await prisma.batch.create({ data: { name: 'watched', totalUrls: 1, ownerId: OWNER } })).id;

  /** One committed change of the batch, announced as the workers announce theirs. */
  const change = (batchId: string, status = 'RUNNING') =>
    withClient(database.url, async (client) => {
      await client.query('BEGIN');
      await client.query(`UPDATE "Batch" SET sequence = sequence + 1, status = $2::"BatchStatus" WHERE id = $1`, [batchId, status]);
      await client.query(`SELECT "vantage_announce_batch_change"($1, $2, NULL)`, [EVENT_CHANNEL, batchId]);
      await client.query('COMMIT');
    });

  /** Everything the stream hands over: snapshots' sequences and statuses, then 'end'. */
  function record(stream: PushStream<BatchSnapshot>) {
    const seen: string[] = [];
    let ended = false;
    stream.attach({
      next: (snapshot) => seen.push(`${snapshot.sequence} ${snapshot.batch.status}`),
      end: () => (ended = true),
      fail: (error) => seen.push(`failed: ${String(error)}`),
    });
    return { seen, ended: () => ended };
  }

  /** The snapshots the stream hands over, whole, and whether it ended. */
  function recordChanges(stream: PushStream<BatchSnapshot>) {
    const seen: BatchSnapshot[] = [];
    let ended = false;
    stream.attach({ next: (snapshot) => seen.push(snapshot), end: () => (ended = true), fail: (error) => seen.push(error as never) });
    return { seen, ended: () => ended };
  }

  /** Whether the process still parses the batch's changes: a malformed payload is logged only if so. */
  async function stillListened(batchId: string) {
    const before = parsedMalformed();
    const sentinel = randomUUID();
    const heard = events.events.subscribe('batch', sentinel);
    const sentinelChange = { batchId: sentinel, targetId: null, sequence: 1, batch: { id: sentinel, ownerId: OWNER }, target: null };
    await withClient(database.url, async (client) => {
      await client.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, `${batchId} {not JSON`]);
      await client.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, `${sentinel} ${JSON.stringify(sentinelChange)}`]);
    });
    await heard.next(); // payloads are handled in order: the batch's was, too
    await heard.return();
    return parsedMalformed() > before;
  }

  it('hands over the current state, then each change in order, and ends after the terminal one', async () => {
    const batchId = await newBatch();
    const watched = record(await watchBatch(context(), batchId));
    await change(batchId);
    await change(batchId);
    await change(batchId, 'COMPLETED');
    await change(batchId, 'COMPLETED'); // after the end: not handed over
    await waitUntil(async () => watched.ended(), { what: 'the end of the stream' });
    expect(watched.seen).toEqual(['0 PENDING', '1 RUNNING', '2 RUNNING', '3 COMPLETED']);
    expect(await stillListened(batchId)).toBe(false);
  });

  it('drops a change whose sequence is not above the last one handed over', async () => {
    const batchId = await newBatch();
    const watched = record(await watchBatch(context(), batchId));
    await change(batchId);
    await withClient(database.url, (client) => client.query(`SELECT "vantage_announce_batch_change"($1, $2, NULL)`, [EVENT_CHANNEL, batchId]));
    await change(batchId, 'FAILED');
    await waitUntil(async () => watched.ended(), { what: 'the end of the stream' });
    expect(watched.seen).toEqual(['0 PENDING', '1 RUNNING', '2 FAILED']);
  });

  it('keeps the changes that come while the current state is being read, and hands them over after it', async () => {
    const batchId = await newBatch();
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "Batch" IN ACCESS EXCLUSIVE MODE'); // holds the first read
      const watching = watchBatch(context(), batchId);
      await waitUntil(
        async () =>
          (await locker.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%"Batch"%'`)).rowCount,
        { what: 'the first read waiting on the lock' },
      );
      // The table is locked, so these changes are announced by hand, as the workers' functions would.
      const row = { id: batchId, ownerId: OWNER, name: 'watched', totalUrls: 1, createdAt: new Date().toISOString() };
      for (const [sequence, status] of [[1, 'RUNNING'], [2, 'RUNNING']] as const) {
        const batch = { ...row, sequence, status };
        const payload = `${batchId} ${JSON.stringify({ batchId, targetId: null, sequence, batch, target: null })}`;
        await withClient(database.url, (client) => client.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, payload]));
      }
      await locker.query('ROLLBACK');
      const watched = record(await watching);
      // The table's sequence was not bumped by those: its next two are not above 2, the third is.
      for (let i = 0; i < 3; i++) await change(batchId, 'CANCELLED');
      await waitUntil(async () => watched.ended(), { what: 'the end of the stream' });
      expect(watched.seen).toEqual(['0 PENDING', '1 RUNNING', '2 RUNNING', '3 CANCELLED']);
    } finally {
      await locker.end();
    }
  });

  it('after its LISTEN connection was lost, hands over every change it missed, as the other processes did', async () => {
    const batchId = await newBatch();
    const target = await prisma.target.create({ data: { batchId, url: 'https://example.com/', position: 0 } });
    const lost = await eventListenerPids(database.url); // this process's; the other one below keeps its connection
    const other = await createEvents(database.url, captured.log);
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    try {
      const here = recordChanges(await watchBatch(context(), batchId));
      const there = recordChanges(await watchBatch({ ...context(), events: other.events }, batchId));
      // No new connection until the changes are made, so this process cannot hear them.
      await allowConnections(database.url, false);
      await writer.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [lost]);
      for (const status of ['RUNNING', 'RUNNING', 'COMPLETED']) {
        await writer.query('BEGIN');
        await writer.query(`UPDATE "Batch" SET sequence = sequence + 1, status = $2::"BatchStatus" WHERE id = $1`, [batchId, status]);
        await writer.query(`UPDATE "Target" SET status = 'SUCCEEDED' WHERE id = $1`, [target.id]);
        await writer.query(`SELECT "vantage_announce_batch_change"($1, $2, $3)`, [EVENT_CHANNEL, batchId, target.id]);
        await writer.query('COMMIT');
      }
      await allowConnections(database.url, true);
      await waitUntil(async () => here.ended() && there.ended(), { what: 'both streams to end' });
      expect(there.seen.map((snapshot) => snapshot.sequence)).toEqual([0, 1, 2, 3]);
      expect(here.seen).toEqual(there.seen);
      expect(here.seen[1]!.target?.status).toBe('SUCCEEDED');
    } finally {
      await allowConnections(database.url, true);
      await writer.end();
      await other.close();
    }
  });

  it('stops listening as soon as it is closed', async () => {
    const batchId = await newBatch();
    const stream = await watchBatch(context(), batchId);
    expect(await stillListened(batchId)).toBe(true);
    await stream.close();
    expect(await stillListened(batchId)).toBe(false);
  });

  it("fails with NOT_FOUND for another owner's batch, and leaves no listener behind", async () => {
    const batchId = await newBatch();
    await expect(watchBatch(context(randomUUID()), batchId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await stillListened(batchId)).toBe(false);
  });
});
