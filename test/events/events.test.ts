import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvents, EVENT_CHANNEL, isShared, type BatchChange } from '../../src/events';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';
import { capturedLogger } from '../helpers/logs';

const OWNER = '00000000-0000-4000-8000-0000000000aa';
const BATCH = '00000000-0000-4000-8000-000000000001';
const SENTINEL = '00000000-0000-4000-8000-000000000002';

/** A NOTIFY payload as vantage_announce_batch_change (src/batches/sql) builds it: `<batch id> <change JSON>`. */
function payload(batchId: string, sequence: number): string {
  const batch = { id: batchId, ownerId: OWNER, status: 'RUNNING', sequence, createdAt: '2026-11-23T12:00:00.000Z' };
  return `${batchId} ${JSON.stringify({ batchId, targetId: null, sequence, batch, target: null })}`;
}

describe("a process's events", () => {
  let database: TestDatabase;
  let events: Awaited<ReturnType<typeof createEvents>>;
  const captured = capturedLogger();
  const dropped = () => captured.lines.filter((line) => line.msg === 'dropping a malformed event payload');
  const notify = (text: string) => withClient(database.url, (client) => client.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, text]));

  beforeAll(async () => {
    database = await createTestDatabase();
    events = await createEvents(database.url, captured.log);
  });
  afterAll(async () => {
    await events?.close();
    await database?.drop();
  });

  it("hands each change of a batch to all of the batch's subscribers as one frozen object marked shared, in commit order", async () => {
    const [first, second] = [events.events.subscribe('batch', BATCH), events.events.subscribe('batch', BATCH)];
    await notify(payload(BATCH, 1));
    await notify(payload(BATCH, 2));
    const [a, b] = await Promise.all([first.next(), second.next()]);
    expect(a.value).toBe(b.value);
    expect(Object.isFrozen(a.value)).toBe(true);
    expect(isShared(a.value)).toBe(true);
    expect((a.value as BatchChange).batch.createdAt).toEqual(new Date('2026-11-23T12:00:00.000Z'));
    expect([(a.value as BatchChange).sequence, ((await first.next()).value as BatchChange).sequence]).toEqual([1, 2]);
    await Promise.all([first.return(), second.return()]);
  });

  it("hands the owner's subscribers every change of the owner's batches", async () => {
    const owner = events.events.subscribe('owner', OWNER);
    await notify(payload(BATCH, 3));
    expect(((await owner.next()).value as BatchChange).batch).toMatchObject({ id: BATCH, ownerId: OWNER, sequence: 3 });
    await owner.return();
  });

  it('stops reading a batch\'s changes once its last subscriber has returned', async () => {
    const sentinel = events.events.subscribe('batch', SENTINEL);
    // NOTIFYs reach the one LISTEN connection in order: once the sentinel's change is here, the
    // payloads sent before it were handled.
    const handled = async (sequence: number) => expect(((await sentinel.next()).value as BatchChange).sequence).toBe(sequence);

    const watcher = events.events.subscribe('batch', BATCH);
    await notify(`${BATCH} {not JSON`);
    await notify(payload(SENTINEL, 1));
    await handled(1);
    expect(dropped()).toHaveLength(1); // watched, so parsed and found malformed

    await watcher.return();
    await notify(`${BATCH} {not JSON`);
    await notify(payload(SENTINEL, 2));
    await handled(2);
    expect(dropped()).toHaveLength(1); // nobody watches the batch any more: not even parsed
    await sentinel.return();
  });

  it("calls a listener in the turn the change arrives, until it stops listening", async () => {
    const sentinel = events.events.subscribe('batch', SENTINEL);
    const heard: BatchChange[] = [];
    const stop = events.events.listen('batch', BATCH, (change) => heard.push(change as BatchChange));
    await notify(payload(BATCH, 4));
    await notify(payload(SENTINEL, 3));
    await sentinel.next();
    expect(heard.map((change) => change.sequence)).toEqual([4]);
    expect(Object.isFrozen(heard[0])).toBe(true);

    const alsoHeard: BatchChange[] = [];
    const stopOther = events.events.listen('batch', BATCH, (change) => alsoHeard.push(change as BatchChange));
    stop();
    stop(); // a second call changes nothing: the other listener still counts
    await notify(payload(BATCH, 5));
    await notify(payload(SENTINEL, 4));
    await sentinel.next();
    expect(alsoHeard.map((change) => change.sequence)).toEqual([5]);
    stopOther();

    const before = dropped().length;
    await notify(`${BATCH} {not JSON`);
    await notify(payload(SENTINEL, 5));
    await sentinel.next();
    expect(heard).toHaveLength(1);
    expect(dropped()).toHaveLength(before); // nobody listens to the batch: not even parsed
    await sentinel.return();
  });

  it('logs a listener that throws, and still hands the change to the topic\'s other listeners', async () => {
    const sentinel = events.events.subscribe('batch', SENTINEL);
    const threw = () => captured.lines.filter((line) => line.msg === 'an event listener threw');
    const heard: number[] = [];
    const stopThrowing = events.events.listen('batch', BATCH, () => {
      throw new Error('a broken listener');
    });
    const stop = events.events.listen('batch', BATCH, (change) => heard.push((change as BatchChange).sequence));
    await notify(payload(BATCH, 6));
    await notify(payload(SENTINEL, 6));
    await sentinel.next();
    expect(heard).toEqual([6]);
    expect(threw()).toHaveLength(1);
    stopThrowing();
    stop();
    await sentinel.return();
  });

  it('ends a subscription that returns while it waits for a change', async () => {
    const waiting = events.events.subscribe('batch', BATCH);
    const next = waiting.next();
    await waiting.return();
    expect((await next).done).toBe(true);
  });
});
