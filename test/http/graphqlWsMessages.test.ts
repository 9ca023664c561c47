import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execute, parse, type ExecutionResult } from 'graphql';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL, MessageType, makeServer, parseMessage, stringifyMessage } from 'graphql-ws';
import { createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { nextMessagesOf, resultPayload } from '../../src/http/graphqlWsMessages';

/**
 * The graphql-ws versions the hand-built messages were checked against. A new major version
 * may change the protocol: check src/http/graphqlWsMessages.ts against it, then widen this.
 */
const CHECKED_MAJOR_VERSION = 6;

function installedGraphqlWsVersion(): string {
  // Its exports do not include package.json: found next to the entry point instead.
  const entry = createRequire(import.meta.url).resolve('graphql-ws');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; version: string }).version;
}

const EVENTS = [{ value: 1 }, { value: -1 }];
const schema = createSchema({
  typeDefs: `type Query { ok: Boolean } type Event { value: Int } type Subscription { events: Event }`,
  resolvers: {
    Event: {
      value: ({ value }: { value: number }) => {
        if (value < 0) throw new Error('no such value');
        return value;
      },
    },
    Subscription: {
      events: {
        subscribe: async function* () {
          yield* EVENTS;
        },
        resolve: (event: object) => event,
      },
    },
  },
});
const QUERY = 'subscription { events { value } }';

/** The text graphql-ws's own server writes for each `next` of a subscription with this id. */
async function nextMessagesWrittenByGraphqlWs(id: string): Promise<string[]> {
  const server = makeServer({ schema });
  const sent: string[] = [];
  let receive!: (data: string) => Promise<void>;
  const completed = Promise.withResolvers<void>();
  server.opened(
    {
      protocol: GRAPHQL_TRANSPORT_WS_PROTOCOL,
      send: (message) => {
        sent.push(message);
        if (parseMessage(message).type === MessageType.Complete) completed.resolve();
      },
      close: (code, reason) => completed.reject(new Error(`closed ${code} ${reason}`)),
      onMessage: (callback) => (receive = callback),
    },
    {},
  );
  await receive(stringifyMessage({ type: MessageType.ConnectionInit }));
  await receive(stringifyMessage({ id, type: MessageType.Subscribe, payload: { query: QUERY } }));
  await completed.promise;
  return sent.filter((message) => parseMessage(message).type === MessageType.Next);
}

/** The result of each event, as Vantage's shared execution computes it (see sharedEventResults.ts) before writing it by hand. */
async function resultsOfEachEvent(): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  for (const event of EVENTS) {
    results.push(await execute({ schema, document: parse(QUERY), rootValue: event }));
  }
  return results;
}

describe('the graphql-ws messages Vantage writes by hand', () => {
  it(`were checked against the installed graphql-ws (${CHECKED_MAJOR_VERSION}.x)`, () => {
    expect(Number(installedGraphqlWsVersion().split('.')[0])).toBe(CHECKED_MAJOR_VERSION);
  });

  it("are the `next` messages graphql-ws's own server writes for the same results", async () => {
    const id = 'sub "1" \\ é'; // an id that JSON must escape
    const theirs = await nextMessagesWrittenByGraphqlWs(id);
    const nextMessage = nextMessagesOf(id);
    const ours = (await resultsOfEachEvent()).map((result) => nextMessage(resultPayload(result)));
    expect(ours).toHaveLength(2);
    // A result without errors, byte for byte.
    expect(ours[0]).toBe(theirs[0]);
    // With errors, graphql-ws puts `errors` after `data`; the message is otherwise the same.
    expect(JSON.parse(ours[1]!)).toEqual(JSON.parse(theirs[1]!));
    expect(JSON.parse(ours[1]!)).toMatchObject({ payload: { errors: [{ message: 'no such value', path: ['events', 'value'] }] } });
    for (const message of ours) expect(parseMessage(message)).toEqual(JSON.parse(message)); // valid as graphql-ws reads it
  });

  it("are what graphql-ws's stringifyMessage writes for the same payload", async () => {
    const [result] = await resultsOfEachEvent();
    expect(nextMessagesOf('7')(resultPayload(result!))).toBe(stringifyMessage({ id: '7', type: MessageType.Next, payload: result! }));
  });
});
