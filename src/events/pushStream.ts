import { EventEmitter, on } from 'node:events';

/** Where a push stream's values go, as they come. */
export interface StreamSink<T> {
  next(value: T): void;
  end(): void;
  fail(error: unknown): void;
}

/**
 * A stream that calls its consumer back in the same turn as each value comes, instead of being
 * pulled: a consumer that only writes each value out (a thousand subscribers' sockets for one
 * change) needs no promise, and waits for no other consumer's, per value. It is also an
 * ordinary async iterable for every other consumer.
 */
export interface PushStream<T> extends AsyncIterable<T> {
  /** The pull view: values the consumer has not taken yet are queued. */
  [Symbol.asyncIterator](): PullIterator<T>;
  /** Hands the values to `sink`, those that came before this call first. One sink per stream. */
  attach(sink: StreamSink<T>): void;
  /** Stops the stream's source; nothing more reaches the sink. */
  close(): Promise<void>;
}

/** An async iterator whose `return` stops the stream's source, and ends a `next` still waiting. */
export interface PullIterator<T> extends AsyncIterableIterator<T> {
  return(): Promise<IteratorReturnResult<undefined>>;
}

export function isPushStream(value: unknown): value is PushStream<unknown> {
  return typeof (value as PushStream<unknown> | null)?.attach === 'function';
}

type Signal<T> = { value: T } | { end: true } | { error: unknown };

/**
 * A push stream and the functions that feed it. Values held until a sink attaches; the first
 * `end` or `fail` (or `close`) stops the source, through `stopSource`, at once.
 */
export function pushStream<T>(stopSource: () => Promise<void> | void) {
  let sink: StreamSink<T> | null = null;
  let held: Signal<T>[] = [];
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopSource();
  };
  const deliver = (to: StreamSink<T>, signal: Signal<T>) => {
    if ('value' in signal) to.next(signal.value);
    else if ('end' in signal) to.end();
    else to.fail(signal.error);
  };
  const send = (signal: Signal<T>) => {
    if (stopped) return;
    if (!('value' in signal)) void stop();
    if (sink) deliver(sink, signal);
    else held.push(signal);
  };

  const stream: PushStream<T> = {
    attach(to) {
      if (sink) throw new Error('A push stream has one sink.');
      sink = to;
      const pending = held;
      held = [];
      for (const signal of pending) deliver(to, signal);
    },
    async close() {
      sink = null;
      held = [];
      await stop();
    },
    [Symbol.asyncIterator]: () => iterate(stream),
  };
  return {
    stream,
    emit: (value: T) => send({ value }),
    end: () => send({ end: true }),
    fail: (error: unknown) => send({ error }),
  };
}

/** The pull view of a push stream: node's `events.on` queues what the consumer has not taken yet. */
function iterate<T>(stream: PushStream<T>): PullIterator<T> {
  const emitter = new EventEmitter();
  const values = on(emitter, 'value', { close: ['end'] });
  stream.attach({
    next: (value) => emitter.emit('value', value),
    end: () => emitter.emit('end'),
    fail: (error) => emitter.emit('error', error),
  });
  return {
    async next() {
      const result = await values.next();
      return result.done ? { done: true, value: undefined } : { done: false, value: (result.value as [T])[0] };
    },
    async return() {
      await stream.close();
      await values.return!();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
