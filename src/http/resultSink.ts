import { isPushStream, type PushStream } from '../events';

/**
 * Where a subscription's results can be written as they are, already serialised and masked:
 * the WebSocket server gives each subscription one. Without it, results go the usual way,
 * through Yoga's hooks and the transport's own loop.
 */
export interface ResultSink {
  /** Sends the JSON of one result (an ExecutionResult whose errors are masked) as the subscription's next message. */
  next(resultJson: string): void;
}

export type MaybePromise<T> = T | Promise<T>;

/**
 * A subscription's stream as the transport sees it when the results go to `sink` instead:
 * each event's message (`messageOf`) is written there, and the stream itself only ends.
 */
export function writtenToSink(source: AsyncIterable<unknown>, messageOf: (event: unknown) => MaybePromise<string>, sink: ResultSink) {
  return isPushStream(source) ? deliverInto(source, messageOf, sink) : drainInto(source, messageOf, sink);
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** One subscription's writing to its sink: what deliverInto and drainInto share (see streamWriting). */
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
function streamWriting(sink: ResultSink, start: (writing: Writing) => void, stop: () => Promise<void>): AsyncIterableIterator<never> {
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
  return streamWriting(
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
  return streamWriting(
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
