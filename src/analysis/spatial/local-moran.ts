/**
 * Local Moran's I (Anselin 1995, "LISA") following PySAL's esda.Moran_Local: the statistic, its moments
 * under total randomisation, conditional-permutation pseudo p-values, Moran-scatterplot quadrants and
 * cluster labels.
 *
 * Scaling convention (PySAL's, equal to spdep's localmoran with mlvar = FALSE):
 *   I_i = (n − 1) · z_i · Σ_j w_ij z_j / Σ_k z_k²,  z = y − ȳ.
 * Hence Σ_i I_i = ((n − 1)/n) · S0 · I for global Moran's I, i.e. (n − 1)·I with row-standardised weights.
 * Anselin's and spdep's default divide by Σz²/n instead of Σz²/(n − 1): their I_i are n/(n − 1) times ours.
 */

import { checkedValues, deviations } from './input';
import { adjust, type Correction } from './multiple-testing';
import { twoSidedP } from './normal';
import {
  checkPermutations,
  conditionalPseudoP,
  DEFAULT_PERMUTATIONS,
  DEFAULT_SEED,
  type Inference,
} from './permutation';
import { compress, spatialLag, type SpatialWeights } from './weights';

/** Moran-scatterplot quadrant in PySAL's numbering: 1 HH, 2 LH, 3 LL, 4 HL (value / lag high or low). */
export type LisaQuadrant = 1 | 2 | 3 | 4;

/** Cluster label: the quadrant of a significant unit, or 'ns' (not significant, including islands). */
export type LisaCluster = 'HH' | 'LH' | 'LL' | 'HL' | 'ns';

/** Options for {@link localMoran}. */
export interface LocalMoranOptions {
  /** Conditional permutations per unit; default 999, 0 disables them and makes inference analytical. */
  readonly permutations?: number;
  readonly seed?: number;
  /** Significance level for cluster labels; default 0.05. */
  readonly alpha?: number;
  /** Multiple-testing correction applied before comparing with alpha; default 'none' (as PySAL and GeoDa). */
  readonly correction?: Correction;
  /** Default 'permutation' when permutations > 0, else 'analytical'. */
  readonly inference?: Inference;
}

/** Per-unit results, each array in the order of the weights' ids. */
export interface LocalMoranResult {
  readonly ids: readonly string[];
  /** Local Moran's I_i (PySAL scaling, see the module comment). */
  readonly Is: readonly number[];
  /** E[I_i] under total randomisation, −w_i/n with w_i the row sum (Anselin's −w_i/(n−1) in our scaling). */
  readonly expected: readonly number[];
  /** Var[I_i] under total randomisation (Anselin 1995 / Sokal et al. 1998 eqs. A3–A4), in our scaling. */
  readonly variance: readonly number[];
  /** (I_i − E[I_i]) / √Var[I_i]; 0 for islands. Identical to spdep's Z.Ii with conditional = FALSE. */
  readonly z: readonly number[];
  /** Two-sided normal p-values of z; 1 for islands. */
  readonly pNorm: readonly number[];
  /** Folded conditional-permutation pseudo p-values (PySAL p_sim), null when permutations = 0. */
  readonly pSim: readonly number[] | null;
  readonly quadrant: readonly LisaQuadrant[];
  /** The p-values used for labelling (pSim or pNorm) after the correction. */
  readonly pAdjusted: readonly number[];
  readonly cluster: readonly LisaCluster[];
  readonly alpha: number;
  readonly correction: Correction;
  readonly inference: Inference;
  readonly permutations: number;
}

const QUADRANT_LABEL: Record<LisaQuadrant, LisaCluster> = { 1: 'HH', 2: 'LH', 3: 'LL', 4: 'HL' };

/**
 * Local Moran's I of `y` under weights `w` (used as given; PySAL row-standardises by default).
 *
 * @param y one value per unit in the order of `w.ids`; at least 3 units, not constant.
 * @throws RangeError on invalid input or options.
 */
export function localMoran(
  y: readonly number[],
  w: SpatialWeights,
  options: LocalMoranOptions = {},
): LocalMoranResult {
  const values = checkedValues(y, w, 3);
  const permutations = checkPermutations(options.permutations ?? DEFAULT_PERMUTATIONS);
  const alpha = options.alpha ?? 0.05;
  const correction = options.correction ?? 'none';
  const inference = options.inference ?? (permutations > 0 ? 'permutation' : 'analytical');
  if (inference === 'permutation' && permutations === 0) {
    throw new RangeError('localMoran: permutation inference needs permutations > 0');
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('localMoran: alpha must lie in (0, 1)');
  const cw = compress(w);
  const n = cw.n;

  const { z, sumZ2, sumZ4 } = deviations(values);
  const m2 = sumZ2 / n;
  // Sample kurtosis with moments over n: spdep's form, and esda's since its fix of issue #390 (2025).
  const b2 = sumZ4 / n / (m2 * m2);
  const lag = spatialLag(cw, z);
  const factor = (n - 1) / sumZ2;
  const toOurScale = (n - 1) / n; // Anselin's I_i (divided by m2 = Σz²/n) times this gives ours.

  const Is: number[] = [];
  const expected: number[] = [];
  const variance: number[] = [];
  const zScores: number[] = [];
  const pNorm: number[] = [];
  const quadrant: LisaQuadrant[] = [];
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let wi = 0;
    let wi2 = 0;
    for (let t = cw.offsets[i]!; t < cw.offsets[i + 1]!; t++) {
      wi += cw.values[t]!;
      wi2 += cw.values[t]! ** 2;
    }
    const value = factor * z[i]! * lag[i]!;
    // Σ_{k≠h} w_ik w_ih = w_i² − Σ_k w_ik² is Anselin's 2·w_i(kh).
    const varAnselin =
      (wi2 * (n - b2)) / (n - 1) +
      ((wi * wi - wi2) * (2 * b2 - n)) / ((n - 1) * (n - 2)) -
      (wi / (n - 1)) ** 2;
    const e = -wi / n;
    const v = toOurScale * toOurScale * varAnselin;
    const zi = v > 0 ? (value - e) / Math.sqrt(v) : 0; // Islands (v = 0) carry no evidence.
    Is.push(value);
    expected.push(e);
    variance.push(v);
    zScores.push(zi);
    pNorm.push(v > 0 ? twoSidedP(zi) : 1);
    // PySAL's rule: "high" means strictly above the mean, so a value exactly at the mean counts as low.
    quadrant.push(z[i]! > 0 ? (lag[i]! > 0 ? 1 : 4) : lag[i]! > 0 ? 2 : 3);
    scale[i] = factor * z[i]!;
  }

  const pSim =
    permutations > 0
      ? Array.from(
          conditionalPseudoP(cw, z, new Float64Array(n), scale, permutations, options.seed ?? DEFAULT_SEED),
        )
      : null;
  const pUsed = inference === 'permutation' ? pSim! : pNorm;
  const pAdjusted = adjust(pUsed, correction);
  const cluster = quadrant.map((q, i) => (pAdjusted[i]! <= alpha ? QUADRANT_LABEL[q] : 'ns'));

  return {
    ids: w.ids,
    Is,
    expected,
    variance,
    z: zScores,
    pNorm,
    pSim,
    quadrant,
    pAdjusted,
    cluster,
    alpha,
    correction,
    inference,
    permutations,
  };
}
