interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: calls made while the flushes are busy (or in the same turn of the event loop)
 * go to the database together in the next flush, so a busy worker writes several pages per
 * statement while an idle one still writes each at once. Up to `concurrency` flushes run at
 * once, so one slow statement (a connection lost mid-query) does not hold up every other job.
 * `flush` answers for its items in order. When a group fails, each of its items is tried
 * alone, so one bad item fails only its own caller.
 */
export function coalesce<T, R>(flush: (items: T[]) => Promise<R[]>, concurrency = 2): (item: T) => Promise<R> {
  let waiting: Waiting<T, R>[] = [];
  let flushing = 0;
  let scheduled = false;

  async function settle(group: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await flush(group.map((one) => one.item));
      group.forEach((one, i) => one.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      else await Promise.all(group.map((one) => settle([one])));
    }
  }

  function next(): void {
    scheduled = false;
    if (waiting.length === 0 || flushing >= concurrency) return;
    const group = waiting;
    waiting = [];
    flushing++;
    void settle(group).finally(() => {
      flushing--;
      next();
    });
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!scheduled && flushing < concurrency) {
        scheduled = true;
        setImmediate(next);
      }
    });
}
