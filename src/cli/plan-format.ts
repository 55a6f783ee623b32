/** Number formatting shared by the plan command's text and JSON output. */

/** x rounded to `digits` decimals. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** x as a percentage of total with one decimal ("n/a" when the total is not positive). */
export function pct(x: number, total: number): string {
  return total > 0 ? `${((100 * x) / total).toFixed(1)}%` : 'n/a';
}
