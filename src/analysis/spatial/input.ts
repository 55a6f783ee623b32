/** Validation of the attribute vector shared by the statistics, so that every module fails the same way. */

import type { SpatialWeights } from './weights';

/**
 * Checks that `y` has one finite value per unit of `w`, at least `minUnits` units and some variation, and
 * returns it as a Float64Array. A constant variable has no spatial pattern and zero variance, which would
 * otherwise surface as NaN deep inside the formulas.
 *
 * @throws RangeError describing the first problem found.
 */
export function checkedValues(y: readonly number[], w: SpatialWeights, minUnits: number): Float64Array {
  const n = w.ids.length;
  if (y.length !== n) throw new RangeError(`Expected ${n} values (one per unit), got ${y.length}`);
  if (n < minUnits) throw new RangeError(`At least ${minUnits} units are needed, got ${n}`);
  const out = Float64Array.from(y);
  out.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`Value for unit ${w.ids[i]} is not a finite number`);
  });
  if (out.every((v) => v === out[0]))
    throw new RangeError('The variable is constant: spatial statistics are undefined');
  return out;
}

/** Arithmetic mean of a non-empty array. */
export function mean(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** Deviations from the mean, z = y − ȳ, with Σz² and Σz⁴ (the moments both Moran statistics need). */
export function deviations(x: Float64Array): { z: Float64Array; sumZ2: number; sumZ4: number } {
  const ybar = mean(x);
  const z = x.map((v) => v - ybar);
  let sumZ2 = 0;
  let sumZ4 = 0;
  for (const v of z) {
    sumZ2 += v * v;
    sumZ4 += v ** 4;
  }
  return { z, sumZ2, sumZ4 };
}
