/**
 * Primary small-count suppression: the single disclosure-control policy shared by the demo-data
 * builder, the app and the tests. Small counts of children or cases could identify a child in a
 * small municipality, so they are hidden rather than shown.
 *
 * The metadata type is spelled out instead of imported from src/engine/schema: analysis modules stay
 * pure and free of data-layer imports (an ESLint boundary), and IndicatorMeta fits it structurally.
 */

/** Default threshold: counts from 1 to k - 1 (1–4) are suppressed. */
export const DEFAULT_K = 5;

/**
 * Whether one municipality-year value must be hidden.
 *
 * - Non-sensitive indicators are never suppressed.
 * - A sensitive count ('sum') is suppressed when 1 <= value < k.
 * - A sensitive ratio is suppressed when its numerator is 1 .. k-1: the rate itself may look
 *   harmless, but together with the public denominator it reveals the small count.
 * - 0 is not suppressed (an observed zero discloses nobody) and null is not suppressed (it already
 *   means "no data").
 *
 * @param meta the indicator's `sensitive` flag and `aggregation`.
 * @param value the displayed value (used for counts).
 * @param numerator the ratio's numerator (used for ratios).
 * @param k the threshold; defaults to {@link DEFAULT_K}.
 */
export function isSuppressed(
  meta: { sensitive: boolean; aggregation: 'sum' | 'ratio' },
  value: number | null,
  numerator: number | null,
  k: number = DEFAULT_K,
): boolean {
  if (!meta.sensitive) return false;
  const count = meta.aggregation === 'sum' ? value : numerator;
  return count !== null && count >= 1 && count < k;
}

/**
 * The count small-count suppression judges for a ratio whose numerator is implied by a weight (a rate given
 * without counts, see src/engine/queries-values.ts): the implied count, but at least 1 for a positive rate
 * (a positive rate rests on at least one child, however small the implied count), and 1 when there is no
 * weight at all, so that such a rate of a sensitive indicator is hidden rather than shown unjudged.
 *
 * @param value the rate.
 * @param implied value / scale x weight, or null without a weight.
 */
export function impliedCount(value: number | null, implied: number | null): number | null {
  if (value === null) return implied;
  if (value <= 0) return implied ?? 0;
  return implied === null ? 1 : Math.max(1, implied);
}
