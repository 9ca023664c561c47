import { describe, expect, it } from 'vitest';
import { pushStream, isPushStream } from '../../src/events/pushStream';

/** A push stream over a source that counts how often it was stopped. */
function counted() {
  let stops = 0;
  const fed = pushStream<number>(() => {
    stops++;
  });
  return { ...fed, stops: () => stops };
}

/** A sink that records what reaches it. */
function recorder() {
  const seen: unknown[] = [];
  return { seen, sink: { next: (value: number) => seen.push(value), end: () => seen.push('end'), fail: (error: unknown) => seen.push(error) } };
}

describe('a push stream', () => {
  it('holds what comes before a sink attaches, then hands each value over in the turn it comes', () => {
    const { stream, emit } = counted();
    emit(1);
    emit(2);
    const { seen, sink } = recorder();
    stream.attach(sink);
    expect(seen).toEqual([1, 2]);
    emit(3);
    expect(seen).toEqual([1, 2, 3]); // no await in between: delivered synchronously
    expect(isPushStream(stream)).toBe(true);
  });

  it('stops its source once, at its end, and passes nothing after it', () => {
    const { stream, emit, end, stops } = counted();
    const { seen, sink } = recorder();
    stream.attach(sink);
    emit(1);
    end();
    emit(2);
    end();
    expect(seen).toEqual([1, 'end']);
    expect(stops()).toBe(1);
  });

  it('passes a failure on and stops its source', () => {
    const { stream, fail, stops } = counted();
    const { seen, sink } = recorder();
    const error = new Error('lost');
    fail(error);
    stream.attach(sink);
    expect(seen).toEqual([error]);
    expect(stops()).toBe(1);
  });

  it('when closed, stops its source and hands nothing more to its sink', async () => {
    const { stream, emit, stops } = counted();
    const { seen, sink } = recorder();
    stream.attach(sink);
    await stream.close();
    emit(1);
    expect(seen).toEqual([]);
    expect(stops()).toBe(1);
  });

  it('takes one sink only', () => {
    const { stream } = counted();
    stream.attach(recorder().sink);
    expect(() => stream.attach(recorder().sink)).toThrow(/one sink/);
  });

  it('is an async iterable for consumers that pull: values in order, then its end or its failure', async () => {
    const ending = counted();
    ending.emit(1);
    const values: number[] = [];
    const iterating = (async () => {
      for await (const value of ending.stream) values.push(value);
    })();
    ending.emit(2);
    ending.end();
    await iterating;
    expect(values).toEqual([1, 2]);

    const failing = counted();
    failing.fail(new Error('lost'));
    await expect((async () => {
      for await (const _ of failing.stream);
    })()).rejects.toThrow('lost');
  });

  it('stops its source when a pulling consumer leaves early', async () => {
    const { stream, emit, stops } = counted();
    emit(1);
    emit(2);
    for await (const value of stream) {
      expect(value).toBe(1);
      break;
    }
    expect(stops()).toBe(1);
  });
});
