/**
 * Global empirical-Bayes smoothing of rates (Marshall 1991, "Mapping disease and mortality rates using
 * empirical Bayes estimators", Applied Statistics 40(2)), the "Empirical Bayes" rate of GeoDa and
 * `esda.smoothing.Empirical_Bayes` in PySAL.
 *
 * A raw rate r_i = e_i / b_i from a small population is noisy; EB shrinks it toward the global rate by how
 * little the population tells us. With method-of-moments estimates of the prior:
 *
 *   β  = Σe / Σb                              (global rate, the population-weighted mean of the r_i)
 *   s² = Σ b_i (r_i − β)² / Σb               (population-weighted variance of the raw rates)
 *   α  = s² − β / (Σb / n), and 0 if that is negative   (prior variance of the true rates)
 *   w_i = α / (α + β / b_i)                  (credibility of unit i: near 1 for large b_i)
 *   smoothed_i = w_i r_i + (1 − w_i) β
 *
 * Differences from esda (checked against its source): esda's aspatial `Empirical_Bayes` does not clip a
 * negative α (its `Spatial_Empirical_Bayes` does). Unclipped, a negative α gives negative w_i that push a
 * rate past the global rate to the other side, so α is clipped here: when the raw rates vary no more than
 * Poisson noise alone would make them, every unit gets the global rate. Where α ≥ 0 the results are the same.
 *
 * Rates are proportions (events per person); scale them (×1000 …) after smoothing.
 */

/** Input that cannot be smoothed; the message names the unit. */
export class SmoothingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmoothingInputError';
  }
}

/** Everything {@link empiricalBayesDetails} estimates, for tooltips and checks. */
export interface EmpiricalBayesResult {
  /** Smoothed rates; NaN for units left out (see {@link empiricalBayesDetails}). */
  rates: number[];
  /** Raw rates e_i / b_i; NaN for units left out. */
  rawRates: number[];
  /** Weight w_i of each unit's own rate (1 − w_i goes to the global rate); NaN for units left out. */
  weights: number[];
  /** β: Σe / Σb over the units used; NaN when none are. */
  globalRate: number;
  /** α after clipping at 0. */
  priorVariance: number;
  /** α before clipping (negative when the rates vary less than Poisson noise predicts). */
  unclippedPriorVariance: number;
  /** Number of units used for the estimates. */
  used: number;
}

/**
 * Global empirical-Bayes smoothing with all intermediate estimates.
 *
 * A unit whose event count or population is missing (NaN, ±Infinity) or whose population is 0 has no
 * rate: it gets NaN everywhere and is left out of β, s², α and n. Negative counts or populations are
 * errors, as are arrays of different lengths.
 *
 * @throws {SmoothingInputError}
 */
export function empiricalBayesDetails(
  events: readonly number[],
  populations: readonly number[],
): EmpiricalBayesResult {
  if (events.length !== populations.length) {
    throw new SmoothingInputError(
      `Got ${events.length} event counts but ${populations.length} populations; they must pair up.`,
    );
  }
  const n = events.length;
  const used: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const b = populations[i]!;
    if (e < 0) throw new SmoothingInputError(`Unit ${i} has a negative event count (${e}).`);
    if (b < 0) throw new SmoothingInputError(`Unit ${i} has a negative population (${b}).`);
    if (Number.isFinite(e) && Number.isFinite(b) && b > 0) used.push(i);
  }
  const rawRates = new Array<number>(n).fill(NaN);
  const rates = new Array<number>(n).fill(NaN);
  const weights = new Array<number>(n).fill(NaN);
  if (used.length === 0) {
    return {
      rates,
      rawRates,
      weights,
      globalRate: NaN,
      priorVariance: NaN,
      unclippedPriorVariance: NaN,
      used: 0,
    };
  }

  let sumE = 0;
  let sumB = 0;
  for (const i of used) {
    sumE += events[i]!;
    sumB += populations[i]!;
    rawRates[i] = events[i]! / populations[i]!;
  }
  const beta = sumE / sumB;
  let weightedSq = 0;
  for (const i of used) weightedSq += populations[i]! * (rawRates[i]! - beta) ** 2;
  const s2 = weightedSq / sumB;
  const unclipped = s2 - beta / (sumB / used.length);
  const alpha = Math.max(0, unclipped);

  for (const i of used) {
    // α = 0 means no between-unit variance beyond noise: full shrinkage (also avoids 0/0 when β = 0).
    const w = alpha === 0 ? 0 : alpha / (alpha + beta / populations[i]!);
    weights[i] = w;
    rates[i] = w * rawRates[i]! + (1 - w) * beta;
  }
  return {
    rates,
    rawRates,
    weights,
    globalRate: beta,
    priorVariance: alpha,
    unclippedPriorVariance: unclipped,
    used: used.length,
  };
}

/**
 * Empirical-Bayes smoothed rates (proportions), one per unit; NaN where a unit has no rate.
 * See {@link empiricalBayesDetails}.
 */
export function empiricalBayes(events: readonly number[], populations: readonly number[]): number[] {
  return empiricalBayesDetails(events, populations).rates;
}
