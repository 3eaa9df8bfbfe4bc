import { performance } from 'node:perf_hooks';

/** One line of `npm run bench`: a measured time and, where it has one, its baseline in the same run. */
export interface BenchRow {
  name: string;
  ms: number;
  /** The time of the baseline (`JSON.parse` of the same body, say) measured in the same run. */
  baselineMs?: number;
  baselineName?: string;
  /** A target from the issue, for the reader: `< 500 ms`. */
  target?: string;
  /** Anything else worth printing: lines per second, sizes. */
  note?: string;
}

/** The best of `runs` timings of `fn` in milliseconds, after one warm-up run. */
export async function bestOf(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
