/**
 * The explainable need index: a weighted sum of normalised indicators per municipality, with each
 * indicator's contribution kept, so a planner can see why a municipality ranks where it does.
 *
 * Missing or suppressed values: for a municipality lacking an indicator, that indicator's weight is
 * redistributed proportionally over the indicators it does have (its other weights are scaled up to sum
 * to 1), and the indicator is listed in `missing`. A municipality with no usable value (every present
 * indicator has weight 0, or none is present) gets no score: it is listed in `excluded`, not ranked.
 * Pure: no DOM, no DuckDB; the same code runs in the browser, the CLI and the tests.
 */
import { normalise, type Normalisation } from './normalise';

export type { Normalisation } from './normalise';

/** One chosen indicator: its id, polarity (from the catalog's `higherIsWorse`) and weight (any scale >= 0). */
export interface NeedIndicator {
  id: string;
  higherIsWorse: boolean;
  weight: number;
}

/** One municipality's raw values by indicator id; null (or absent) when missing or suppressed. */
export interface NeedRow {
  lau_code: string;
  values: Readonly<Record<string, number | null | undefined>>;
}

/** What {@link needIndex} needs. */
export interface NeedInput {
  indicators: readonly NeedIndicator[];
  rows: readonly NeedRow[];
  normalisation: Normalisation;
}

/** One municipality's score, rank (1 = most need) and the contribution of each indicator. */
export interface NeedScore {
  lau_code: string;
  score: number;
  rank: number;
  /** Weight (after redistribution) times normalised value, by indicator id; they sum to `score`. */
  contributions: Record<string, number>;
  /** Chosen indicators this municipality has no value for (their weight was redistributed). */
  missing: string[];
}

/** The index: scores sorted by rank, the weights used (summing to 1), and municipalities left out. */
export interface NeedResult {
  scores: NeedScore[];
  weights: Record<string, number>;
  excluded: string[];
}

/** The normalised values of every indicator, computed once and reused across weightings. */
export interface NeedMatrix {
  ids: string[];
  laus: string[];
  /** `values[m][i]`: municipality m, indicator i; NaN when missing. */
  values: Float64Array[];
}

/** Weights scaled to sum to 1 (negative or non-finite weights count as 0; all zero gives equal weights). */
export function renormalise(weights: readonly number[]): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  return total > 0 ? clean.map((w) => w / total) : clean.map(() => 1 / Math.max(1, clean.length));
}

/** Normalises every chosen indicator across the rows (independent of the weights). */
export function needMatrix(
  input: Omit<NeedInput, 'indicators'> & { indicators: readonly Omit<NeedIndicator, 'weight'>[] },
): NeedMatrix {
  const { indicators, rows, normalisation } = input;
  const columns = indicators.map((ind) =>
    normalise(
      rows.map((r) => r.values[ind.id] ?? null),
      normalisation,
      ind.higherIsWorse,
    ),
  );
  const values = rows.map((_, m) => Float64Array.from(columns, (col) => col[m] ?? NaN));
  return { ids: indicators.map((i) => i.id), laus: rows.map((r) => r.lau_code), values };
}

/**
 * Scores every municipality of a matrix with weights summing to 1 (aligned with `matrix.ids`), writing the
 * scores into `out` (NaN for a municipality without any usable value). Allocation-free, for robustness draws.
 */
export function scoreInto(matrix: NeedMatrix, weights: ArrayLike<number>, out: Float64Array): void {
  const k = matrix.ids.length;
  for (let m = 0; m < matrix.values.length; m++) {
    const row = matrix.values[m]!;
    let sum = 0;
    let present = 0;
    for (let i = 0; i < k; i++) {
      const v = row[i]!;
      if (v === v) {
        sum += weights[i]! * v;
        present += weights[i]!;
      }
    }
    out[m] = present > 0 ? sum / present : NaN;
  }
}

/**
 * Ranks scores (1 = highest), ties broken by `laus` order of the codes so ranks are a permutation; NaN
 * scores are left out. Writes rank per municipality into `ranks` (0 for left out) and returns the order.
 */
export function rankInto(scores: Float64Array, laus: readonly string[], ranks: Int32Array): number[] {
  const order: number[] = [];
  for (let m = 0; m < scores.length; m++) if (scores[m] === scores[m]) order.push(m);
  order.sort((a, b) => scores[b]! - scores[a]! || (laus[a]! < laus[b]! ? -1 : laus[a]! > laus[b]! ? 1 : 0));
  ranks.fill(0);
  order.forEach((m, i) => (ranks[m] = i + 1));
  return order;
}

/**
 * Computes the need index: normalise each indicator, weight (weights renormalised to sum 1, and per
 * municipality over the indicators it has), sum; rank from 1 (most need). Contributions sum to the score
 * (up to floating-point rounding).
 */
export function needIndex(input: NeedInput): NeedResult {
  const matrix = needMatrix(input);
  const w = renormalise(input.indicators.map((i) => i.weight));
  const scores = new Float64Array(matrix.laus.length);
  scoreInto(matrix, w, scores);
  const ranks = new Int32Array(scores.length);
  const order = rankInto(scores, matrix.laus, ranks);
  const out: NeedScore[] = order.map((m) => {
    const row = matrix.values[m]!;
    let present = 0;
    row.forEach((v, i) => {
      if (v === v) present += w[i]!;
    });
    const contributions: Record<string, number> = {};
    const missing: string[] = [];
    matrix.ids.forEach((id, i) => {
      const v = row[i]!;
      if (v !== v) {
        missing.push(id);
        contributions[id] = 0;
        return;
      }
      const c = (w[i]! / present) * v;
      contributions[id] = c;
    });
    return { lau_code: matrix.laus[m]!, score: scores[m]!, rank: ranks[m]!, contributions, missing };
  });
  return {
    scores: out,
    weights: Object.fromEntries(matrix.ids.map((id, i) => [id, w[i]!])),
    excluded: matrix.laus.filter((_, m) => ranks[m] === 0),
  };
}
