/** Latency samples: timing one request and summarising many. */

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
}

/** Wall-clock milliseconds `action` takes, measured with `performance.now()`. */
export async function measureMs(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Nearest-rank percentile (`p` in 0–100) of ascending `sorted` samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}
