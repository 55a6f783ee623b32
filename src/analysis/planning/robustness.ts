/**
 * How firm is a municipality's rank? Each weight is multiplied by an independent uniform factor in
 * [1 - p, 1 + p] (seeded, so the same seed gives the same answer), the weights are renormalised, the index
 * is recomputed and every municipality's rank recorded; the spread of ranks over the draws is the rank
 * interval. The normalised matrix is computed once, so a draw is a weighted sum and a sort (2,000 draws for
 * 61 municipalities take a few milliseconds).
 */
import { createRng } from '../random';
import { needMatrix, rankInto, renormalise, scoreInto, type NeedInput } from './need-index';

/** Settings of the perturbation. */
export interface RobustnessOptions {
  /** Relative perturbation of each weight, e.g. 0.2 for +/-20%. */
  spread?: number;
  /** Number of draws (default 2000). */
  draws?: number;
  seed?: number;
  /** Lower and upper percentile of the reported interval (default 5 and 95). */
  percentiles?: [number, number];
}

/** One municipality's rank under the given weights and its spread under perturbed weights. */
export interface RankInterval {
  lau_code: string;
  rank: number;
  /** The lower and upper percentile ranks (nearest rank), e.g. 5th and 95th. */
  low: number;
  high: number;
  min: number;
  max: number;
  median: number;
}

/** Defaults of {@link rankIntervals}. */
export const ROBUSTNESS_DEFAULTS = { spread: 0.2, draws: 2000, seed: 20151, percentiles: [5, 95] } as const;

function nearestRank(sorted: Int32Array, pct: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((pct / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Rank intervals under random perturbation of the weights, in the order of the unperturbed rank.
 * Municipalities without any usable value (excluded from the index) are left out.
 */
export function rankIntervals(input: NeedInput, options: RobustnessOptions = {}): RankInterval[] {
  const spread = options.spread ?? ROBUSTNESS_DEFAULTS.spread;
  const draws = Math.max(1, Math.floor(options.draws ?? ROBUSTNESS_DEFAULTS.draws));
  const [pLow, pHigh] = options.percentiles ?? ROBUSTNESS_DEFAULTS.percentiles;
  const rng = createRng(options.seed ?? ROBUSTNESS_DEFAULTS.seed);
  const matrix = needMatrix(input);
  const n = matrix.laus.length;
  const base = renormalise(input.indicators.map((i) => i.weight));
  const scores = new Float64Array(n);
  const ranks = new Int32Array(n);
  scoreInto(matrix, base, scores);
  const order = rankInto(scores, matrix.laus, ranks);
  const baseRank = Int32Array.from(ranks);

  // history[m * draws + d]: rank of municipality m in draw d. The set of scored municipalities is the same in
  // every draw (a perturbation keeps zero weights zero and positive ones positive), so the draws re-sort one
  // typed array of their indices, starting from the previous order: insertion sort, nearly linear when a
  // perturbation swaps a few neighbours, with ties broken by the base order's lau_code rank (no strings).
  const history = new Int32Array(n * draws);
  const tie = new Int32Array(n);
  [...order].sort((x, y) => (matrix.laus[x]! < matrix.laus[y]! ? -1 : 1)).forEach((m, i) => (tie[m] = i));
  const current = Int32Array.from(order);
  const w = new Float64Array(base.length);
  for (let d = 0; d < draws; d++) {
    let total = 0;
    for (let i = 0; i < base.length; i++) {
      w[i] = base[i]! * (1 + spread * (2 * rng() - 1));
      total += w[i]!;
    }
    if (total > 0) for (let i = 0; i < w.length; i++) w[i] = w[i]! / total;
    scoreInto(matrix, w, scores);
    for (let i = 1; i < current.length; i++) {
      const m = current[i]!;
      const sm = scores[m]!;
      let j = i - 1;
      while (j >= 0) {
        const o = current[j]!;
        const so = scores[o]!;
        if (so > sm || (so === sm && tie[o]! < tie[m]!)) break;
        current[j + 1] = o;
        j--;
      }
      current[j + 1] = m;
    }
    for (let r = 0; r < current.length; r++) history[current[r]! * draws + d] = r + 1;
  }

  return order.map((m) => {
    const own = history.subarray(m * draws, (m + 1) * draws).sort();
    return {
      lau_code: matrix.laus[m]!,
      rank: baseRank[m]!,
      low: nearestRank(own, pLow),
      high: nearestRank(own, pHigh),
      min: own[0]!,
      max: own[own.length - 1]!,
      median: nearestRank(own, 50),
    };
  });
}
