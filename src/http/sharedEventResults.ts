import { mapAsyncIterator } from '@whatwg-node/promise-helpers';
import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isPushStream, type PushStream } from '../events/pushStream';
import type { Context } from '../schema/context';

/**
 * Where a subscription's results can be written as they are, already serialised and masked:
 * the WebSocket server gives each subscription one. Without it, results go the usual way,
 * through Yoga's hooks and the transport's own loop.
 */
export interface ResultSink {
  /** Sends the JSON of one result (an ExecutionResult whose errors are masked) as the subscription's next message. */
  next(resultJson: string): void;
}

export type MaskError = (error: GraphQLError) => GraphQLError;

type Shared<T> = WeakMap<object, Map<DocumentNode, Map<string, T>>>;
type MaybePromise<T> = T | Promise<T>;

/**
 * One execution per event for every subscriber that asked the same thing. A batch's change is
 * parsed once per process and handed to all its subscribers as the same frozen object (see
 * events/channel.ts), so a thousand subscribers to one batch with one query would otherwise run
 * the same execution a thousand times per change. Results are shared between subscriptions of
 * one owner with the same document and variables: an owner sees nothing through another's
 * result that its own execution would not show it.
 *
 * With a result sink, the shared result is also masked and serialised once, and each
 * subscriber's part of a change is only to write that text to its socket: the chain of async
 * iterators (Yoga's hooks, graphql-ws's loop) that would otherwise run per subscriber and
 * change cost about as much as the write itself.
 *
 * The source stream is created as graphql-js does; only the mapping of events to results changes.
 */
export function shareEventResults(maskError: MaskError): Plugin {
  const results: Shared<MaybePromise<ExecutionResult>> = new WeakMap();
  const messages: Shared<MaybePromise<string>> = new WeakMap();

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in source)) return source;
        const context = args.contextValue as Context & { resultSink?: ResultSink };
        const key = `${context.caller.ownerId} ${JSON.stringify(args.variableValues ?? {})}`;
        const resultOf = (event: unknown) => execute({ ...args, rootValue: event });
        const sink = context.resultSink;
        if (!sink) {
          return mapAsyncIterator(source, (event) =>
            isShared(event) ? shared(results, event, args, key, () => resultOf(event)) : resultOf(event),
          );
        }
        const serialised = (event: unknown) => then(resultOf(event), (result) => JSON.stringify(masked(result, maskError)));
        const messageOf = (event: unknown) =>
          isShared(event) ? shared(messages, event, args, key, () => serialised(event)) : serialised(event);
        return isPushStream(source) ? deliverInto(source, messageOf, sink) : drainInto(source, messageOf, sink);
      });
    },
  };
}

/** Events parsed once for the whole process are frozen; anything else is one subscriber's own. */
function isShared(event: unknown): event is object {
  return typeof event === 'object' && event !== null && Object.isFrozen(event);
}

function shared<T>(cache: Shared<T>, event: object, args: ExecutionArgs, key: string, make: () => T): T {
  let byDocument = cache.get(event);
  if (!byDocument) cache.set(event, (byDocument = new Map()));
  let byKey = byDocument.get(args.document);
  if (!byKey) byDocument.set(args.document, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = make()));
  return value;
}

function then<T, R>(value: MaybePromise<T>, map: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(map) : map(value);
}

/** What Yoga's masked-errors plugin does to each result of a subscription, done once for all who share it. */
function masked(result: ExecutionResult, maskError: MaskError): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(maskError) } : result;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** One subscription's writing to its sink: what deliverInto and drainInto share. */
interface Writing {
  /** Writes to the sink, unless the transport has returned the stream. */
  write(text: string): void;
  end(): void;
  fail(error: unknown): void;
  readonly returned: boolean;
}

/**
 * The stream the transport waits on while the results go to the sink: it yields nothing, ends
 * when the source does (the transport then sends `complete`), fails when it fails, and ends at
 * once when the transport returns it. Writing starts at the transport's first `next`, as
 * reading would: graphql-ws returns a stream unread when the client cancelled it meanwhile.
 */
function writtenToSink(sink: ResultSink, start: (writing: Writing) => void, stop: () => Promise<void>): AsyncIterableIterator<never> {
  const ended = Promise.withResolvers<IteratorResult<never>>();
  let started = false;
  let returned = false;
  const writing: Writing = {
    write: (text) => {
      if (!returned) sink.next(text);
    },
    end: () => ended.resolve(DONE),
    fail: (error) => ended.reject(error),
    get returned() {
      return returned;
    },
  };
  return {
    next() {
      if (!started) {
        started = true;
        start(writing);
      }
      return ended.promise;
    },
    async return() {
      returned = true;
      ended.resolve(DONE);
      await stop();
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Writes each event's message in the turn the event comes, when it is ready (a shared one
 * usually is), so one change reaches every subscriber in one pass; a message that must be
 * awaited holds the later ones back, so the order stays.
 */
function deliverInto(source: PushStream<unknown>, messageOf: (event: unknown) => MaybePromise<string>, sink: ResultSink) {
  let queue: Promise<void> | null = null;
  return writtenToSink(
    sink,
    (writing) => {
      const failed = (error: unknown) => {
        void source.close();
        writing.fail(error);
      };
      const afterQueue = (then: () => void) => (queue ? void queue.then(then) : then());
      source.attach({
        next(event) {
          let message: MaybePromise<string>;
          try {
            message = messageOf(event);
          } catch (error) {
            failed(error);
            return;
          }
          if (!queue && typeof message === 'string') writing.write(message);
          else queue = (queue ?? Promise.resolve()).then(() => message).then(writing.write, failed);
        },
        end: () => afterQueue(writing.end),
        fail: (error) => afterQueue(() => writing.fail(error)),
      });
    },
    () => source.close(),
  );
}

/** Reads a stream that can only be pulled and writes each event's message, in order. */
function drainInto(source: AsyncIterable<unknown>, messageOf: (event: unknown) => MaybePromise<string>, sink: ResultSink) {
  const events = source[Symbol.asyncIterator]();
  return writtenToSink(
    sink,
    (writing) => {
      void (async () => {
        for (let event = await events.next(); !event.done && !writing.returned; event = await events.next()) {
          const message = messageOf(event.value);
          writing.write(typeof message === 'string' ? message : await message);
        }
        writing.end();
      })().catch(writing.fail);
    },
    async () => {
      await events.return?.();
    },
  );
}
