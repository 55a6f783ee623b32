/**
 * Multiple-testing corrections for local statistics. Testing 61 municipalities at α = 0.05 flags about three
 * by chance alone even when nothing is going on, so maps of "significant" clusters need a correction.
 */

/**
 * - 'none': raw p-values;
 * - 'bonferroni': controls the family-wise error rate (any false positive at all); very conservative;
 * - 'fdr': Benjamini-Hochberg, controls the expected share of false positives among the flagged units.
 */
export type Correction = 'none' | 'bonferroni' | 'fdr';

function check(pValues: readonly number[]): void {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${p}`);
  }
}

/**
 * Adjusted p-values, comparable directly with α (R's `p.adjust`): a unit is significant at level α after
 * correction when its adjusted p-value is ≤ α.
 * - Bonferroni: min(1, m·p).
 * - Benjamini-Hochberg (step-up): with p sorted ascending, p̃(i) = min over j ≥ i of min(1, m·p(j)/j); the
 *   running minimum makes the adjusted values monotone in the raw ones. Ties share the same adjusted value.
 *
 * @throws RangeError if a p-value is NaN or outside [0, 1].
 */
export function adjust(pValues: readonly number[], method: Correction): number[] {
  check(pValues);
  const m = pValues.length;
  if (method === 'none') return [...pValues];
  if (method === 'bonferroni') return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (pValues[i]! * m) / rank);
    // m·p/m can round one ulp below p; an adjusted p-value must never be smaller than the raw one.
    adjusted[i] = Math.max(running, pValues[i]!);
  }
  return adjusted;
}

/** Which tests are significant at level `alpha` after `method` (adjusted p ≤ alpha). */
export function significant(pValues: readonly number[], alpha: number, method: Correction): boolean[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha must lie in (0, 1)');
  return adjust(pValues, method).map((p) => p <= alpha);
}
