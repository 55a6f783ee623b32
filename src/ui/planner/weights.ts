/**
 * Weight sliders that always sum to 100%: moving one rescales the others in proportion (or shares the rest
 * equally when they were all zero), and whole percentages are kept by largest-remainder rounding.
 */

/** Whole percentages summing to exactly 100 (largest remainder), in the order given; all zero stays zero. */
export function toPercent(weights: readonly number[]): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  return clean.some((w) => w > 0) ? spread(clean, 100) : clean.map(() => 0);
}

/**
 * Sets weight `id` to `value` percent (0..100) and rescales the other weights in proportion so the total
 * stays 100; returns whole percentages. With a single weight it is always 100.
 */
export function rebalance(
  weights: Readonly<Record<string, number>>,
  id: string,
  value: number,
): Record<string, number> {
  const ids = Object.keys(weights);
  if (ids.length <= 1) return Object.fromEntries(ids.map((i) => [i, 100]));
  const v = Math.round(Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0)));
  const others = ids.filter((i) => i !== id);
  // The other sliders keep their proportions among themselves; only they are rounded.
  const whole = spread(
    others.map((i) => Math.max(0, weights[i] ?? 0)),
    100 - v,
  );
  const out: Record<string, number> = {};
  for (const i of ids) out[i] = i === id ? v : whole[others.indexOf(i)]!;
  return out;
}

/** Whole numbers in proportion to `parts` summing to `total` (largest remainder); zeros shared equally. */
function spread(parts: readonly number[], total: number): number[] {
  const sum = parts.reduce((a, b) => a + b, 0);
  const exact = sum > 0 ? parts.map((p) => (p / sum) * total) : parts.map(() => total / parts.length);
  const floor = exact.map(Math.floor);
  let rest = total - floor.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - floor[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    floor[i]!++;
    rest--;
  }
  return floor;
}

/** Equal whole percentages for the given ids (the first ones get the remainder). */
export function equalWeights(ids: readonly string[]): Record<string, number> {
  const parts = spread(
    ids.map(() => 1),
    100,
  );
  return Object.fromEntries(ids.map((id, i) => [id, parts[i]!]));
}
