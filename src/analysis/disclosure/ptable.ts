/**
 * The perturbation table (ptable) of the cell-key method, generated from its parameters (docs/privacy.md,
 * "Cell-key perturbation"). Row i holds the noise distribution of a cell whose true count is i, for i from 0
 * to `nClip`; every count from `nClip` up uses the last row. Each row is built as statistical offices build
 * theirs (the `ptable` R package of Destatis, after Giessing 2016):
 *
 * - the shown count i + noise lies in [max(0, i - D), i + D] and is never 1 .. k-1 (those targets are
 *   blocked), so |noise| <= D and no small count is ever shown; a blocked count goes to 0 or to k .. 1 + D,
 *   the same targets for every one of them (our variant: see allowedNoise);
 * - row 0 is the single noise 0: a zero stays a zero;
 * - the noise has mean exactly 0 in every row (unbiased, after rounding to whole keys);
 * - rows of counts k and more (not blocked themselves) have variance V; rows of the blocked counts 1 .. k-1
 *   leave the variance free (they cannot have V: a 1 must become 0 or at least k);
 * - among distributions meeting these, the one of maximum entropy;
 * - then each row is given as how many of the 256 cell keys map to each noise value (see ptable-quantise).
 */
import { maxEntropyNoise, PTableInfeasible } from './ptable-maxent';
import { quantiseRow } from './ptable-quantise';

/** Record keys, and cell keys, are integers uniform in [0, RECORD_KEY_RANGE). */
export const RECORD_KEY_RANGE = 256;

/** The parameters of the cell-key perturbation. */
export interface CellKeyParams {
  /** The threshold: no shown count is 1 .. k-1. */
  k: number;
  /** D: the largest absolute noise. */
  maxNoise: number;
  /** V: the noise variance of counts of k and more (before rounding to whole keys). */
  variance: number;
}

/** One noise value of a row and how many cell keys give it. */
export interface PTableEntry {
  noise: number;
  keys: number;
}

/** One row: the noise of a cell whose true count is `n` (or, for the last row, at least `n`). */
export interface PTableRow {
  n: number;
  entries: PTableEntry[];
  /** The noise for each cell key 0 .. 255: keys are given to the noise values in ascending order. */
  noiseByKey: Int8Array;
}

export interface PTable {
  params: CellKeyParams;
  /** The first count from which every row is the same (D + k): row `nClip` serves all counts >= nClip. */
  nClip: number;
  rows: PTableRow[];
}

export { PTableInfeasible };

function checkParams({ k, maxNoise, variance }: CellKeyParams): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  if (!Number.isInteger(maxNoise) || maxNoise < 1 || maxNoise > 100) {
    throw new RangeError(`the largest noise D must be an integer from 1 to 100, not ${maxNoise}`);
  }
  if (!(variance > 0 && Number.isFinite(variance)))
    throw new RangeError(`variance must be > 0, not ${variance}`);
}

/**
 * The noise values allowed for a true count n: targets in [max(0, n - D), n + D], none of them 1 .. k-1. A
 * blocked count (1 .. k-1) goes to 0 or to k .. 1 + D, the same targets for all of them (those a 1 can reach):
 * a shown value alone then never tells which small count it came from.
 */
export function allowedNoise(n: number, { k, maxNoise }: CellKeyParams): number[] {
  if (n === 0) return [0];
  const top = n < k ? 1 + maxNoise : n + maxNoise;
  const xs: number[] = [];
  for (let target = Math.max(0, n - maxNoise); target <= top; target++) {
    if (target === 0 || target >= k) xs.push(target - n);
  }
  return xs;
}

function buildRow(n: number, params: CellKeyParams): PTableRow {
  const xs = allowedNoise(n, params);
  const blocked = n >= 1 && n < params.k;
  const variance = n === 0 || blocked ? null : params.variance;
  let counts: number[];
  try {
    counts = quantiseRow(maxEntropyNoise(xs, variance), xs, RECORD_KEY_RANGE);
  } catch (e) {
    if (e instanceof PTableInfeasible) throw new PTableInfeasible(`row ${n}: ${e.message}`);
    throw e;
  }
  const entries = xs.map((noise, i) => ({ noise, keys: counts[i]! })).filter((e) => e.keys > 0);
  const noiseByKey = new Int8Array(RECORD_KEY_RANGE);
  let key = 0;
  for (const e of entries) {
    noiseByKey.fill(e.noise, key, key + e.keys);
    key += e.keys;
  }
  return { n, entries, noiseByKey };
}

const cache = new Map<string, PTable>();

/**
 * The perturbation table for the parameters (computed once per parameter set, then cached).
 *
 * @throws RangeError for parameters out of range; PTableInfeasible when a row cannot meet the constraints
 *   (for instance D < k: a count of 1 could then only become 0, a biased noise).
 */
export function buildPTable(params: CellKeyParams): PTable {
  const id = `${params.k}|${params.maxNoise}|${params.variance}`;
  const hit = cache.get(id);
  if (hit) return hit;
  checkParams(params);
  const nClip = params.maxNoise + params.k;
  const rows: PTableRow[] = [];
  for (let n = 0; n <= nClip; n++) rows.push(buildRow(n, params));
  const table: PTable = { params: { ...params }, nClip, rows };
  cache.set(id, table);
  return table;
}

/** The exact mean and variance of a row's noise (cell keys uniform over the 256 values). */
export function rowMoments(row: PTableRow): { mean: number; variance: number } {
  const mean = row.entries.reduce((s, e) => s + e.keys * e.noise, 0) / RECORD_KEY_RANGE;
  const second = row.entries.reduce((s, e) => s + e.keys * e.noise * e.noise, 0) / RECORD_KEY_RANGE;
  return { mean, variance: second - mean * mean };
}
