/** Nearest-rank percentile of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/**
 * Median timings (ms) of pieces of work run alternately, so that machine noise and GC pressure
 * fall on all alike; the first `warmup` rounds let the JIT settle and are not timed.
 */
export function alternatingMedians(runs: number, warmup: number, ...works: (() => void)[]): number[] {
  const times: number[][] = works.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    for (const [index, work] of works.entries()) {
      const started = performance.now();
      work();
      if (round >= warmup) times[index]!.push(performance.now() - started);
    }
  }
  return times.map((values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
}
