/**
 * Normalisations of one indicator across municipalities for the need index, oriented so that a higher
 * normalised value always means more need (an indicator where a higher value is better is flipped).
 * Missing values (null: absent or suppressed) stay missing; the others are normalised among themselves.
 */

/** How raw values become comparable: min-max to [0, 1], z-score, or rank scaled to [0, 1]. */
export type Normalisation = 'minmax' | 'zscore' | 'rank';

/** The normalisations, for choosers and URL parsing. */
export const NORMALISATIONS: readonly Normalisation[] = ['minmax', 'zscore', 'rank'];

/**
 * Normalises one indicator's values (aligned with the municipalities) so that higher means more need.
 *
 * - 'minmax': (x - min) / (max - min), in [0, 1]; all values equal gives 0 for everyone.
 * - 'zscore': (x - mean) / sd with the population standard deviation; sd 0 gives 0 for everyone.
 * - 'rank': average rank among the present values (ties share their mean rank), scaled as
 *   (rank - 1) / (n - 1) to [0, 1]; a single present value gives 0.
 *
 * @param values raw values, null when missing or suppressed.
 * @param higherIsWorse the indicator's polarity: when false, the scale is flipped.
 * @returns normalised values, null exactly where the input is null.
 */
export function normalise(
  values: readonly (number | null)[],
  method: Normalisation,
  higherIsWorse: boolean,
): (number | null)[] {
  // Orient first: a "higher is better" indicator is negated, so every method sees "higher = more need".
  const oriented = values.map((v) => (v === null || !Number.isFinite(v) ? null : higherIsWorse ? v : -v));
  const present = oriented.filter((v): v is number => v !== null);
  const n = present.length;
  if (n === 0) return oriented.map(() => null);
  if (method === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (const v of present) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const span = max - min;
    return oriented.map((v) => (v === null ? null : span > 0 ? (v - min) / span : 0));
  }
  if (method === 'zscore') {
    const mean = present.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    return oriented.map((v) => (v === null ? null : sd > 0 ? (v - mean) / sd : 0));
  }
  const sorted = [...present].sort((a, b) => a - b);
  const rankOf = new Map<number, number>();
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    rankOf.set(sorted[i]!, (i + j) / 2 + 1);
    i = j + 1;
  }
  return oriented.map((v) => (v === null ? null : n > 1 ? (rankOf.get(v)! - 1) / (n - 1) : 0));
}
