/**
 * Sharing a known total among cells whose own counts are unknown (hidden by suppression), as evenly as their
 * bounds allow: water-filling to a common level, the last units going to cells in a fixed priority order.
 */

/** The least and most a cell may get (hi may be Infinity). */
export interface Bounds {
  lo: number;
  hi: number;
}

const clamp = (x: number, b: Bounds) => Math.min(b.hi, Math.max(b.lo, x));

/**
 * Integers x_i with lo_i <= x_i <= hi_i summing to `total`, each as close to a common level as the bounds
 * allow; the remainder below the next level goes one each to the cells first in `priority` (a permutation of
 * the indices). Null when the bounds cannot add up to `total`.
 */
export function fill(total: number, bounds: readonly Bounds[], priority: readonly number[]): number[] | null {
  const sumAt = (level: number) => bounds.reduce((s, b) => s + clamp(level, b), 0);
  const least = bounds.reduce((s, b) => s + b.lo, 0);
  const most = bounds.reduce((s, b) => s + b.hi, 0);
  if (!Number.isSafeInteger(total) || total < least || total > most) return null;
  // The highest integer level whose clamped sum does not pass the total (sumAt is nondecreasing).
  let low = 0;
  let high = total + Math.max(0, ...bounds.map((b) => b.lo)) + 1;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (sumAt(mid) <= total) low = mid;
    else high = mid;
  }
  const x = bounds.map((b) => clamp(low, b));
  let rest = total - sumAt(low);
  for (const i of priority) {
    if (rest === 0) break;
    const b = bounds[i]!;
    if (clamp(low + 1, b) > x[i]!) {
      x[i] = x[i]! + 1;
      rest -= 1;
    }
  }
  return x;
}
