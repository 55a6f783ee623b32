/**
 * Standard normal tail probabilities for analytical p-values.
 *
 * simple-statistics' normal CDF is a lookup table with two-decimal resolution and its error function has an
 * absolute error near 1e-7, useless for the tails (a z of 5.6 has p ≈ 1e-8). This implementation is accurate
 * to about 1e-14 relative: a power series for erf at small arguments and Lentz's continued fraction for erfc
 * in the tail, where the series would cancel catastrophically.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** erf(x) for |x| < 2 by its Maclaurin series (alternating, terms shrink fast enough at |x| < 2). */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x; // x^(2k+1) (−1)^k / k!
  let sum = x;
  for (let k = 1; k < 100; k++) {
    term *= -x2 / k;
    const add = term / (2 * k + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * sum;
}

/** erfc(x) for x ≥ 2 by the continued fraction e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
function erfcContinuedFraction(x: number): number {
  // Modified Lentz: evaluates b0 + a1/(b1 + a2/(b2 + ...)) with b_k = x and a_k = k/2.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Complementary error function erfc(x) = 1 − erf(x), accurate in the upper tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  return x < 2 ? 1 - erfSeries(x) : erfcContinuedFraction(x);
}

/** Upper-tail probability P(Z ≥ z) of the standard normal distribution (the survival function). */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Two-sided p-value 2·P(Z ≥ |z|) for a standard normal deviate, as spdep's alternative = "two.sided" and
 * PySAL's Moran `p_norm` with two_tailed = True. NaN in, NaN out.
 */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}
