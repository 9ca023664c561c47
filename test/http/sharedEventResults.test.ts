import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it, vi } from 'vitest';
import { shared as sharedEvent } from '../../src/events';
import { pushStream } from '../../src/events/pushStream';
import type { ResultSink } from '../../src/http/resultSink';
import { shareEventResults } from '../../src/http/sharedEventResults';

/** Stands in for Vantage's masking: replaces every error's message, and counts its calls. */
function countingMask() {
  let calls = 0;
  return {
    calls: () => calls,
    maskError: (error: GraphQLError) => {
      calls++;
      return new GraphQLError('masked', { path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    },
  };
}

/**
 * A schema whose subscription replays given events (the later ones once `laterEvents` settles)
 * and counts how often `value` is resolved.
 */
function counting(events: object[], laterEvents: Promise<void> = Promise.resolve()) {
  let executions = 0;
  let streamsStarted = 0;
  const mask = countingMask();
  const schema = createSchema({
    typeDefs: `type Query { ok: Boolean } type Event { value(times: Int): Int } type Subscription { events: Event }`,
    resolvers: {
      Event: {
        value: (event: { value: number }, { times }: { times?: number }) => {
          executions++;
          if (event.value < 0) throw new Error('secret detail');
          return event.value * (times ?? 1);
        },
      },
      Subscription: {
        events: {
          subscribe: async function* () {
            streamsStarted++;
            for (const [i, event] of events.entries()) {
              if (i > 0) await laterEvents;
              yield event;
            }
          },
          resolve: (event: object) => event,
        },
      },
    },
  });
  const yoga = createYoga({ schema, plugins: [shareEventResults(mask.maskError)], maskedErrors: false });

  /** One subscription's stream, as Yoga's envelop hands it to a transport. */
  async function stream(ownerId: string, query: string, variables: Record<string, unknown>, resultSink?: ResultSink) {
    // Yoga's parser cache gives every subscriber with the same query the same document, as in the server.
    const { subscribe, contextFactory, parse, schema: enveloped } = yoga.getEnveloped({ caller: { ownerId }, resultSink });
    const result = await subscribe({
      schema: enveloped,
      document: parse(query),
      variableValues: variables,
      contextValue: await contextFactory(),
    });
    return result as AsyncIterableIterator<unknown>;
  }

  return {
    executions: () => executions,
    streamsStarted: () => streamsStarted,
    maskCalls: mask.calls,
    stream,
    /** Every result of one subscription without a sink, as its transport sees them. */
    async subscribe(ownerId: string, query: string, variables: Record<string, unknown> = {}) {
      const results: unknown[] = [];
      for await (const result of await stream(ownerId, query, variables)) results.push(result);
      return results;
    },
    /** Every message written to one subscription's sink, and what its stream itself yielded. */
    async subscribeWithSink(ownerId: string, query: string, variables: Record<string, unknown> = {}) {
      const written: string[] = [];
      const yielded: unknown[] = [];
      for await (const result of await stream(ownerId, query, variables, { next: (json) => written.push(json) })) {
        yielded.push(result);
      }
      return { written, yielded };
    },
  };
}

const QUERY = `subscription ($times: Int) { events { value(times: $times) } }`;

describe('shared event results', () => {
  it('executes a shared event once for every subscriber with the same owner, document and variables', async () => {
    const events = [sharedEvent({ value: 1 }), sharedEvent({ value: 2 })];
    const server = counting(events);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => server.subscribe('owner-a', QUERY, { times: 10 })),
    );
    for (const result of results) expect(result).toEqual([{ data: { events: { value: 10 } } }, { data: { events: { value: 20 } } }]);
    expect(server.executions()).toBe(2);
  });

  it('does not share across owners, variables, or events that are not marked shared', async () => {
    const shared = counting([sharedEvent({ value: 3 })]);
    await shared.subscribe('owner-a', QUERY, { times: 1 });
    await shared.subscribe('owner-b', QUERY, { times: 1 });
    await shared.subscribe('owner-a', QUERY, { times: 2 });
    expect(shared.executions()).toBe(3);

    const unshared = counting([{ value: 3 }]);
    await unshared.subscribe('owner-a', QUERY, { times: 1 });
    await unshared.subscribe('owner-a', QUERY, { times: 1 });
    expect(unshared.executions()).toBe(2);
  });
});

describe('shared event results written to a result sink', () => {
  it('writes every result, in order, as JSON to the sink, and the stream itself only ends', async () => {
    const server = counting([sharedEvent({ value: 1 }), { value: 2 }, sharedEvent({ value: 3 })]);
    const { written, yielded } = await server.subscribeWithSink('owner-a', QUERY, { times: 10 });
    expect(written.map((json) => JSON.parse(json))).toEqual([
      { data: { events: { value: 10 } } },
      { data: { events: { value: 20 } } },
      { data: { events: { value: 30 } } },
    ]);
    expect(yielded).toEqual([]);
  });

  it('executes, masks and serialises a shared event once for all who share it, and each gets the same text', async () => {
    const server = counting([sharedEvent({ value: -1 }), sharedEvent({ value: 4 })]);
    const subscribers = await Promise.all(Array.from({ length: 5 }, () => server.subscribeWithSink('owner-a', QUERY)));
    const [first] = subscribers;
    for (const { written } of subscribers) {
      expect(written).toHaveLength(2);
      written.forEach((json, i) => expect(json).toBe(first!.written[i])); // the very same string
    }
    const failed = JSON.parse(first!.written[0]!) as { errors: { message: string }[]; data: unknown };
    expect(failed.errors.map((error) => error.message)).toEqual(['masked']);
    expect(first!.written[0]).not.toContain('secret detail');
    expect(server.executions()).toBe(2);
    expect(server.maskCalls()).toBe(1);
  });

  it('does not share what other owners or variables would see', async () => {
    const server = counting([sharedEvent({ value: 2 })]);
    const a = await server.subscribeWithSink('owner-a', QUERY, { times: 1 });
    const b = await server.subscribeWithSink('owner-b', QUERY, { times: 1 });
    const c = await server.subscribeWithSink('owner-a', QUERY, { times: 3 });
    expect([a, b, c].map(({ written }) => JSON.parse(written[0]!))).toEqual([
      { data: { events: { value: 2 } } },
      { data: { events: { value: 2 } } },
      { data: { events: { value: 6 } } },
    ]);
    expect(server.executions()).toBe(3);
  });

  it('writes nothing more once the transport returned the stream', async () => {
    let release!: () => void;
    const server = counting([sharedEvent({ value: 1 }), sharedEvent({ value: 2 })], new Promise((resolve) => (release = resolve)));
    const written: string[] = [];
    const stream = await server.stream('owner-a', QUERY, {}, { next: (json) => written.push(json) });
    const ended = stream.next();
    await vi.waitFor(() => expect(written).toHaveLength(1));
    const returned = stream.return!();
    release();
    await Promise.all([ended, returned]);
    expect(written).toHaveLength(1);
  });

  it('does not read the source of a stream returned before its first next', async () => {
    const server = counting([sharedEvent({ value: 1 })]);
    const written: string[] = [];
    const stream = await server.stream('owner-a', QUERY, {}, { next: (json) => written.push(json) });
    await stream.return!();
    expect(server.streamsStarted()).toBe(0);
    expect(written).toEqual([]);
  });
});

/** A schema whose subscription is a push stream the test feeds; `value` resolves at once, or later for negative values. */
function pushing() {
  const feeds: ReturnType<typeof pushStream<object>>[] = [];
  let stops = 0;
  const schema = createSchema({
    typeDefs: `type Query { ok: Boolean } type Event { value: Int } type Subscription { events: Event }`,
    resolvers: {
      Event: {
        value: (event: { value: number }) =>
          event.value < 0 ? new Promise((resolve) => setTimeout(() => resolve(event.value), 20)) : event.value,
      },
      Subscription: {
        events: {
          subscribe: () => {
            const feed = pushStream<object>(() => {
              stops++;
            });
            feeds.push(feed);
            return feed.stream;
          },
          resolve: (event: object) => event,
        },
      },
    },
  });
  const yoga = createYoga({ schema, plugins: [shareEventResults(countingMask().maskError)], maskedErrors: false });
  return {
    feeds,
    stops: () => stops,
    async subscribe(written: string[]) {
      const { subscribe, contextFactory, parse, schema: enveloped } = yoga.getEnveloped({
        caller: { ownerId: 'owner-a' },
        resultSink: { next: (json: string) => written.push(json) },
      });
      const stream = await subscribe({ schema: enveloped, document: parse('subscription { events { value } }'), contextValue: await contextFactory() });
      return stream as AsyncIterableIterator<unknown>;
    },
  };
}

const values = (written: string[]) => written.map((json) => (JSON.parse(json) as { data: { events: { value: number } } }).data.events.value);

/** One subscription to a fresh push-stream schema, its transport already waiting on the stream. */
async function subscribedToPushStream() {
  const server = pushing();
  const written: string[] = [];
  const stream = await server.subscribe(written);
  const ended = stream.next();
  return { server, written, stream, ended, feed: server.feeds[0]! };
}

describe('shared event results from a push stream', () => {
  it('writes a ready result in the same turn its event comes', async () => {
    const { written, ended, feed } = await subscribedToPushStream();
    feed.emit(sharedEvent({ value: 1 }));
    expect(written).toHaveLength(1); // no await in between
    feed.emit({ value: 2 });
    expect(values(written)).toEqual([1, 2]);
    feed.end();
    expect(await ended).toEqual({ done: true, value: undefined });
  });

  it('keeps the order when a result must be waited for', async () => {
    const { written, ended, feed } = await subscribedToPushStream();
    for (const value of [1, -2, 3]) feed.emit({ value });
    feed.end();
    await ended;
    expect(values(written)).toEqual([1, -2, 3]);
  });

  it('ends at once and stops the source when the transport returns it', async () => {
    const { server, written, stream, ended } = await subscribedToPushStream();
    await stream.return!();
    expect(await ended).toEqual({ done: true, value: undefined });
    expect(server.stops()).toBe(1);
    server.feeds[0]!.emit(sharedEvent({ value: 1 }));
    expect(written).toEqual([]);
  });
});
