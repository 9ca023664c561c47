import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RemoteApiError } from '../../remoteApi';

export interface EngineLimiter {
  /** Runs the request when a slot is free and the minute's budget allows it; rejects with CANCELLED once the signal aborts. */
  run<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly activeCount: number;
  readonly pendingCount: number;
}

/**
 * Per-engine limits: at most `concurrency` requests at once in this process (p-limit) and at
 * most `requestsPerMinute` started (rate-limiter-flexible). The rate store defaults to this
 * process's memory; pass a shared one (e.g. rate-limiter-flexible's PostgreSQL store, keyed by
 * the engine) to hold the budget across worker processes.
 */
export function createEngineLimiter(options: {
  key: string;
  concurrency: number;
  requestsPerMinute: number;
  store?: RateLimiterAbstract;
}): EngineLimiter {
  const slots = pLimit(options.concurrency);
  const budget = options.store ?? new RateLimiterMemory({ points: options.requestsPerMinute, duration: 60 });
  const cancelled = () => new RemoteApiError('CANCELLED', 'the request was cancelled', false);

  async function takeToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      try {
        await budget.consume(options.key);
        return;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        try {
          await sleep(refusal.msBeforeNext, undefined, { signal });
        } catch {
          throw cancelled();
        }
      }
    }
  }

  return {
    run(request, signal) {
      return slots(async () => {
        await takeToken(signal);
        return request();
      });
    },
    get activeCount() {
      return slots.activeCount;
    },
    get pendingCount() {
      return slots.pendingCount;
    },
  };
}
