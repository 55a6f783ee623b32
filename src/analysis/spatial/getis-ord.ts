/**
 * Getis-Ord local G_i and G_i* (Getis & Ord 1992; Ord & Getis 1995) with ArcGIS-style hot/cold spot bins.
 *
 * G_i* = Σ_j w*_ij y_j / Σ_j y_j over all j including i, where the self weight w*_ii = `selfWeight`
 * (default 1) is added to the given weights. With W_i = Σ_j w*_ij, S1_i = Σ_j w*_ij², ȳ and s² = Σ(y − ȳ)²/n:
 *   E[G_i*] = W_i / n,  Var[G_i*] = (n·S1_i − W_i²) / (n²(n − 1)) · s² / ȳ²,
 *   z_i = (Σ_j w*_ij y_j − ȳ·W_i) / (s · √((n·S1_i − W_i²)/(n − 1))).
 * G_i (star = false) is the same with i left out: n → n − 1 and ȳ, s computed without y_i.
 *
 * With binary weights these equal PySAL's esda.G_Local(transform='B') and spdep's localG exactly, and the z
 * equals ArcGIS's Gi* z-score. For other weights we keep the general Ord & Getis formula, whereas PySAL's
 * transform='R' uses a simplified variance; z is unchanged by rescaling a unit's row, so row-standardising
 * neighbours makes no difference to G_i, and for G_i* only the self weight's share matters. Values should be
 * non-negative (counts, rates): G itself is a ratio to Σy, though z is defined for any data.
 */

import { checkedValues, mean } from './input';
import { adjust, type Correction } from './multiple-testing';
import { twoSidedP } from './normal';
import {
  checkPermutations,
  conditionalPseudoP,
  DEFAULT_PERMUTATIONS,
  DEFAULT_SEED,
  type Inference,
} from './permutation';
import { compress, type SpatialWeights } from './weights';

/** ArcGIS Gi_Bin: ±3 at 99 % confidence, ±2 at 95 %, ±1 at 90 %, 0 not significant; + hot, − cold. */
export type HotSpotBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** Options for {@link getisOrd}. */
export interface GetisOrdOptions {
  /** G_i* (true, default: the unit counts in its own neighbourhood) or G_i (false). */
  readonly star?: boolean;
  /** w*_ii for G_i*; default 1, the usual choice with binary weights. */
  readonly selfWeight?: number;
  /** Conditional permutations per unit (y_i stays fixed); default 999, 0 disables them. */
  readonly permutations?: number;
  readonly seed?: number;
  /** Default 'permutation' when permutations > 0, else 'analytical' (ArcGIS's choice). */
  readonly inference?: Inference;
  /** Correction before binning; default 'none' (ArcGIS's "Apply False Discovery Rate" is 'fdr'). */
  readonly correction?: Correction;
}

/** Per-unit results in the order of the weights' ids. */
export interface GetisOrdResult {
  readonly ids: readonly string[];
  readonly star: boolean;
  /** G_i or G_i* (NaN if the relevant Σy is 0). */
  readonly G: readonly number[];
  readonly expected: readonly number[];
  readonly variance: readonly number[];
  /** Standardised G; 0 for units without neighbours or without variation among the others. */
  readonly z: readonly number[];
  /** Two-sided normal p-values of z. */
  readonly pNorm: readonly number[];
  /** Folded conditional-permutation pseudo p-values, null when permutations = 0. */
  readonly pSim: readonly number[] | null;
  /** The p-values used for binning (pSim or pNorm) after the correction. */
  readonly pAdjusted: readonly number[];
  readonly bin: readonly HotSpotBin[];
  readonly correction: Correction;
  readonly inference: Inference;
  readonly permutations: number;
}

/** The ArcGIS bin for a z-score and its (adjusted) p-value. */
export function hotSpotBin(z: number, p: number): HotSpotBin {
  const level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.1 ? 1 : 0;
  if (level === 0 || z === 0) return 0;
  return (z > 0 ? level : -level) as HotSpotBin;
}

/**
 * Local Getis-Ord statistics of `y` under weights `w`.
 *
 * @param y one value per unit in the order of `w.ids`; at least 3 units, not constant.
 * @throws RangeError on invalid input or options.
 */
export function getisOrd(
  y: readonly number[],
  w: SpatialWeights,
  options: GetisOrdOptions = {},
): GetisOrdResult {
  const values = checkedValues(y, w, 3);
  const star = options.star ?? true;
  const selfWeight = star ? (options.selfWeight ?? 1) : 0;
  if (!(selfWeight >= 0) || !Number.isFinite(selfWeight))
    throw new RangeError('getisOrd: selfWeight must be ≥ 0');
  const permutations = checkPermutations(options.permutations ?? DEFAULT_PERMUTATIONS);
  const correction = options.correction ?? 'none';
  const inference = options.inference ?? (permutations > 0 ? 'permutation' : 'analytical');
  if (inference === 'permutation' && permutations === 0) {
    throw new RangeError('getisOrd: permutation inference needs permutations > 0');
  }
  const cw = compress(w);
  const n = cw.n;
  const ybar = mean(values);
  let total = 0;
  let d2 = 0;
  for (const v of values) {
    total += v;
    d2 += (v - ybar) ** 2;
  }

  const G: number[] = [];
  const expected: number[] = [];
  const variance: number[] = [];
  const z: number[] = [];
  const pNorm: number[] = [];
  const offset = new Float64Array(n);
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = values[i]! - ybar;
    // Reference population: all n values for G*, the n − 1 others for G (shifted by ȳ for numerical
    // stability).
    const count = star ? n : n - 1;
    const m = star ? ybar : ybar - d / count;
    const s2 = star ? d2 / n : (d2 - d * d) / count - (d / count) ** 2;
    let wSum = selfWeight;
    let wSq = selfWeight * selfWeight;
    let lag = 0;
    for (let t = cw.offsets[i]!; t < cw.offsets[i + 1]!; t++) {
      wSum += cw.values[t]!;
      wSq += cw.values[t]! ** 2;
      lag += cw.values[t]! * values[cw.indices[t]!]!;
    }
    const self = selfWeight * values[i]!;
    const spread = (count * wSq - wSum * wSum) / (count - 1);
    const denominator = Math.sqrt(s2) * Math.sqrt(spread);
    const informative = cw.offsets[i + 1]! > cw.offsets[i]! && denominator > 0;
    const zi = informative ? (self + lag - m * wSum) / denominator : 0;
    G.push((self + lag) / (star ? total : total - values[i]!));
    expected.push(wSum / count);
    variance.push((spread / (count * count)) * (s2 / (m * m)));
    z.push(zi);
    pNorm.push(informative ? twoSidedP(zi) : 1);
    // z as an affine function of the lag, for the conditional permutations (0 scale: p = 1, no draws).
    offset[i] = informative ? (self - m * wSum) / denominator : 0;
    scale[i] = informative ? 1 / denominator : 0;
  }

  const pSim =
    permutations > 0
      ? Array.from(conditionalPseudoP(cw, values, offset, scale, permutations, options.seed ?? DEFAULT_SEED))
      : null;
  const pAdjusted = adjust(inference === 'permutation' ? pSim! : pNorm, correction);
  const bin = z.map((zi, i) => hotSpotBin(zi, pAdjusted[i]!));
  return {
    ids: w.ids,
    star,
    G,
    expected,
    variance,
    z,
    pNorm,
    pSim,
    pAdjusted,
    bin,
    correction,
    inference,
    permutations,
  };
}
