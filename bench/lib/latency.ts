/** Latency samples: timing one request and summarising many. */

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

/** The lowest and highest of a set of figures, printed beside every median. */
export interface Spread {
  min: number;
  max: number;
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
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export function median(samples: readonly number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );
}

export function spreadOf(samples: readonly number[]): Spread {
  return { min: Math.min(...samples), max: Math.max(...samples) };
}

/**
 * The spread of a ratio of medians: the samples, taken in interleaved rounds, are cut into
 * `blocks` runs of consecutive rounds, and the ratio of the medians is taken in each. A ratio's
 * noise shows there, where the min–max of single samples would only show outliers.
 */
export function blockRatioSpread(
  numerator: readonly number[],
  denominator: readonly number[],
  blocks: number,
): Spread {
  const rounds = Math.min(numerator.length, denominator.length);
  const size = Math.max(1, Math.floor(rounds / blocks));
  const ratios: number[] = [];
  for (let start = 0; start + size <= rounds; start += size) {
    ratios.push(
      median(numerator.slice(start, start + size)) / median(denominator.slice(start, start + size)),
    );
  }
  return spreadOf(ratios);
}

/** `1.23 ms (0.98–4.56)`-style cells. */
export function formatSpread(spread: Spread, digits: number): string {
  return `${spread.min.toFixed(digits)}–${spread.max.toFixed(digits)}`;
}
