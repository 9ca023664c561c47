import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { shareEventResults } from '../../src/http/sharedEventResults';

/** A schema whose subscription replays given events and counts how often `value` is resolved. */
function counting(events: object[]) {
  let executions = 0;
  const schema = createSchema({
    typeDefs: `type Query { ok: Boolean } type Event { value(times: Int): Int } type Subscription { events: Event }`,
    resolvers: {
      Event: {
        value: (event: { value: number }, { times }: { times?: number }) => {
          executions++;
          return event.value * (times ?? 1);
        },
      },
      Subscription: {
        events: {
          subscribe: async function* () {
            yield* events;
          },
          resolve: (event: object) => event,
        },
      },
    },
  });
  const yoga = createYoga({ schema, plugins: [shareEventResults()] });
  return {
    executions: () => executions,
    /** Every result of one subscription, as a subscriber of `ownerId` sees them. */
    async subscribe(ownerId: string, query: string, variables: Record<string, unknown> = {}) {
      // Yoga's parser cache gives every subscriber with the same query the same document, as in the server.
      const { subscribe, contextFactory, parse, schema: enveloped } = yoga.getEnveloped({ caller: { ownerId } });
      const stream = await subscribe({
        schema: enveloped,
        document: parse(query),
        variableValues: variables,
        contextValue: await contextFactory(),
      });
      const results: unknown[] = [];
      for await (const result of stream as AsyncIterable<unknown>) results.push(result);
      return results;
    },
  };
}

const QUERY = `subscription ($times: Int) { events { value(times: $times) } }`;

describe('shared event results', () => {
  it('executes a shared (frozen) event once for every subscriber with the same owner, document and variables', async () => {
    const events = [Object.freeze({ value: 1 }), Object.freeze({ value: 2 })];
    const server = counting(events);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => server.subscribe('owner-a', QUERY, { times: 10 })),
    );
    for (const result of results) expect(result).toEqual([{ data: { events: { value: 10 } } }, { data: { events: { value: 20 } } }]);
    expect(server.executions()).toBe(2);
  });

  it('does not share across owners, variables, or events that are not frozen', async () => {
    const shared = counting([Object.freeze({ value: 3 })]);
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
