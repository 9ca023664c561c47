import { mapAsyncIterator } from '@whatwg-node/promise-helpers';
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../schema/context';

type Results = Map<DocumentNode, Map<string, Promise<ExecutionResult> | ExecutionResult>>;

/**
 * One execution per event for every subscriber that asked the same thing. A batch's change is
 * parsed once per process and handed to all its subscribers as the same frozen object (see
 * events/channel.ts), so a thousand subscribers to one batch with one query would otherwise run
 * the same execution a thousand times per change. Results are shared between subscriptions of
 * one owner with the same document and variables: an owner sees nothing through another's
 * result that its own execution would not show it.
 *
 * Only the mapping of events to results changes: the source stream is created as graphql-js
 * does, and Yoga's other hooks (error masking among them) see the results as before.
 */
export function shareEventResults(): Plugin {
  const byEvent = new WeakMap<object, Results>();

  function resultFor(event: object, args: ExecutionArgs, key: string) {
    let byDocument = byEvent.get(event);
    if (!byDocument) byEvent.set(event, (byDocument = new Map()));
    let byKey = byDocument.get(args.document);
    if (!byKey) byDocument.set(args.document, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) byKey.set(key, (result = execute({ ...args, rootValue: event })));
    return result;
  }

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in source)) return source;
        const owner = (args.contextValue as Context).caller.ownerId;
        const key = `${owner} ${JSON.stringify(args.variableValues ?? {})}`;
        return mapAsyncIterator(source, (event) =>
          typeof event === 'object' && event !== null && Object.isFrozen(event)
            ? resultFor(event, args, key)
            : execute({ ...args, rootValue: event }),
        );
      });
    },
  };
}
