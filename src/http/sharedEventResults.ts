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
import { isShared, type SharedEvent } from '../events';
import type { Context } from '../schema/context';
import { resultPayload } from './graphqlWsMessages';
import { writtenToSink, type MaybePromise, type ResultSink } from './resultSink';

export type MaskError = (error: GraphQLError) => GraphQLError;

type Shared<T> = WeakMap<SharedEvent, Map<DocumentNode, Map<string, T>>>;

/**
 * One execution per event for every subscriber that asked the same thing. A batch's change is
 * parsed once per process and handed to all its subscribers as the same object, marked shared
 * (see events/channel.ts); any other event is one subscriber's own. A thousand subscribers to
 * one batch with one query would otherwise run the same execution a thousand times per change.
 * Results are shared between subscriptions of one owner with the same document and variables:
 * an owner sees nothing through another's result that its own execution would not show it.
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
        const serialised = (event: unknown) => then(resultOf(event), (result) => resultPayload(masked(result, maskError)));
        const messageOf = (event: unknown) =>
          isShared(event) ? shared(messages, event, args, key, () => serialised(event)) : serialised(event);
        return writtenToSink(source, messageOf, sink);
      });
    },
  };
}

function shared<T>(cache: Shared<T>, event: SharedEvent, args: ExecutionArgs, key: string, make: () => T): T {
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
