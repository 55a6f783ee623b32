/** Order statistics for the bench's samples (nearest-rank percentiles, as in most perf tooling). */

/** n, median, p95, min and max of a set of samples (ms); null fields when there are no samples. */
export interface Summary {
  n: number;
  median: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
}

/** The value at quantile `q` (0..1) of `sorted` by the nearest-rank method; null if empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** The median (mean of the two middle values for an even count); null if empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Summarises samples; non-finite values are ignored. */
export function summarize(values: readonly number[]): Summary {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: s.length,
    median: median(s),
    p95: quantile(s, 0.95),
    min: s[0] ?? null,
    max: s[s.length - 1] ?? null,
  };
}
