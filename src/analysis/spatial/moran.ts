/**
 * Global Moran's I (Moran 1950) with the moments of Cliff & Ord (1981), following PySAL's esda.Moran and
 * spdep's moran.test, plus a seeded permutation test.
 *
 * I = (n / S0) · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i², with z = y − ȳ. Weights are used exactly as given: PySAL
 * row-standardises by default, so call `rowStandardise` first to reproduce its numbers.
 */

import { checkedValues, deviations } from './input';
import { twoSidedP } from './normal';
import { checkPermutations, DEFAULT_PERMUTATIONS, DEFAULT_SEED, foldedPseudoP, shuffle } from './permutation';
import { createRng } from '../random';
import { compress, type CompressedWeights, type SpatialWeights } from './weights';

/** The weight sums of Cliff & Ord: S0 = Σ w_ij, S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)². */
export interface WeightsConstants {
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

/** Computes {@link WeightsConstants}; they drive the analytical variance of Moran's I. */
export function weightsConstants(w: CompressedWeights): WeightsConstants {
  const { n, offsets, indices, values } = w;
  const lookup = new Map<number, number>();
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  let s0 = 0;
  for (let i = 0; i < n; i++) {
    for (let t = offsets[i]!; t < offsets[i + 1]!; t++) {
      const j = indices[t]!;
      const x = values[t]!;
      lookup.set(i * n + j, x);
      s0 += x;
      rowSum[i] = rowSum[i]! + x;
      colSum[j] = colSum[j]! + x;
    }
  }
  let s1 = 0;
  for (const [key, x] of lookup) {
    const i = Math.floor(key / n);
    const reverse = lookup.get((key - i * n) * n + i);
    // A mutual pair is visited twice (once per direction); a one-way link is visited once but stands for
    // both ordered pairs (i,j) and (j,i) of the double sum.
    s1 += reverse === undefined ? x * x : 0.5 * (x + reverse) ** 2;
  }
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += (rowSum[i]! + colSum[i]!) ** 2;
  return { s0, s1, s2 };
}

/** Options for {@link moran}. */
export interface MoranOptions {
  /** Random permutations for the pseudo p-value; default 999, 0 disables the permutation test. */
  readonly permutations?: number;
  /** Seed of the permutation stream; the same seed gives the same pSim everywhere. */
  readonly seed?: number;
}

/**
 * Global Moran's I with analytical and permutation inference. The analytical p-values are two-sided; pSim is
 * PySAL's folded one-sided pseudo p-value (double it, capped at 1, for a two-sided permutation test).
 */
export interface MoranResult {
  readonly n: number;
  /** Moran's I. */
  readonly I: number;
  /** E[I] = −1/(n − 1), under both normality and randomisation. */
  readonly expected: number;
  /** Var[I] under normality (the values are normal deviates). */
  readonly varianceNormality: number;
  /** Var[I] under randomisation (the observed values permuted over units), using the sample kurtosis. */
  readonly varianceRandomisation: number;
  readonly zNormality: number;
  readonly zRandomisation: number;
  /** Two-sided p-value 2·P(Z ≥ |z|) under normality (PySAL p_norm with two_tailed = True). */
  readonly pNormality: number;
  /** Two-sided p-value under randomisation (PySAL p_rand). */
  readonly pRandomisation: number;
  readonly permutations: number;
  /** Folded permutation pseudo p-value (see `foldedPseudoP`), null when permutations = 0. */
  readonly pSim: number | null;
}

/**
 * Global Moran's I of `y` under weights `w`.
 *
 * @param y one value per unit, in the order of `w.ids`; at least 4 units (the randomisation variance
 *   divides by (n − 1)(n − 2)(n − 3)) and not constant.
 * @throws RangeError on invalid input (see `checkedValues`) or weights summing to 0.
 */
export function moran(y: readonly number[], w: SpatialWeights, options: MoranOptions = {}): MoranResult {
  const values = checkedValues(y, w, 4);
  const permutations = checkPermutations(options.permutations ?? DEFAULT_PERMUTATIONS);
  const cw = compress(w);
  const n = cw.n;
  const { s0, s1, s2 } = weightsConstants(cw);
  if (s0 === 0) throw new RangeError('Moran: the weights sum to 0 (every unit is an island)');

  const { z, sumZ2, sumZ4 } = deviations(values);
  // Σ_i x_i (Wx)_i without allocating, since it runs once per permutation.
  const crossProduct = (x: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let lag = 0;
      for (let t = cw.offsets[i]!; t < cw.offsets[i + 1]!; t++) lag += cw.values[t]! * x[cw.indices[t]!]!;
      s += x[i]! * lag;
    }
    return s;
  };
  const scale = n / (s0 * sumZ2);
  const I = scale * crossProduct(z);

  const expected = -1 / (n - 1);
  const n2 = n * n;
  const s02 = s0 * s0;
  const varianceNormality = (n2 * s1 - n * s2 + 3 * s02) / ((n - 1) * (n + 1) * s02) - expected ** 2;
  const kurtosis = sumZ4 / n / (sumZ2 / n) ** 2; // Sample kurtosis b2 = m4/m2², moments divided by n.
  const a = n * ((n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02);
  const b = kurtosis * ((n2 - n) * s1 - 2 * n * s2 + 6 * s02);
  const varianceRandomisation = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s02) - expected ** 2;
  const zNormality = (I - expected) / Math.sqrt(varianceNormality);
  const zRandomisation = (I - expected) / Math.sqrt(varianceRandomisation);

  let pSim: number | null = null;
  if (permutations > 0) {
    // Total permutation: the whole vector is shuffled, as PySAL's Moran does.
    const rng = createRng(options.seed ?? DEFAULT_SEED);
    const shuffled = Float64Array.from(z);
    const observed = scale * crossProduct(z);
    let atLeast = 0;
    let atMost = 0;
    for (let s = 0; s < permutations; s++) {
      shuffle(shuffled, rng);
      const simulated = scale * crossProduct(shuffled);
      if (simulated >= observed) atLeast++;
      if (simulated <= observed) atMost++;
    }
    pSim = foldedPseudoP(atLeast, atMost, permutations);
  }

  return {
    n,
    I,
    expected,
    varianceNormality,
    varianceRandomisation,
    zNormality,
    zRandomisation,
    pNormality: twoSidedP(zNormality),
    pRandomisation: twoSidedP(zRandomisation),
    permutations,
    pSim,
  };
}
