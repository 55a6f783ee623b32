/**
 * Cell-key perturbation of counts, the method of the ONS (2021 Census tables) and of the ABS TableBuilder:
 * every count the case explorer shows or exports passes through {@link perturbCell}.
 *
 * - Every record carries a fixed record key, an integer uniform in [0, {@link RECORD_KEY_RANGE}), drawn once
 *   (by the demo's generator, or when a user's file is loaded) and never shown.
 * - A cell's key is the sum of its records' keys modulo the range ({@link cellKeyOf}): it depends only on
 *   which records are in the cell, not on the route (filter order, grouping, sub-totals added up).
 * - The shown count is the true count n plus a noise read from the perturbation table at (min(n, nClip),
 *   cell key) (src/analysis/disclosure/ptable.ts). The same cell therefore always shows the same value, and
 *   asking again, or by another route, gives no fresh noise to average away.
 *
 * Pure functions, no SQL: the engine joins {@link ptableRows} (n_clip, key, noise) on
 * (least(n, nClip), sum(record_key) % 256) and must agree with {@link perturbCell}.
 */
import { DEFAULT_K } from '../suppression';
import { buildPTable, RECORD_KEY_RANGE, type CellKeyParams, type PTable } from './ptable';

export { RECORD_KEY_RANGE, buildPTable, type CellKeyParams, type PTable };

/**
 * The parameters for a threshold k: D = k + 1, V = 2. D must be at least k (a 1 goes to 0 or to k .. 1 + D,
 * and an exactly unbiased noise on 256 keys needs two of those above k - 1); one more than that lowers the
 * worst chance of an exact disclosure by differencing (docs/privacy.md) from 20 to 10 in 256. V = 2 (a
 * standard deviation of about 1.4) keeps counts of nine and more within 4 of the truth.
 */
export function cellKeyParamsFor(k: number): CellKeyParams {
  return { k, maxNoise: Math.max(k + 1, 3), variance: 2 };
}

/** The parameters used unless a caller asks for others: k = 5 (DEFAULT_K, the served minimum), D = 6, V = 2. */
export const DEFAULT_CELL_KEY_PARAMS: Readonly<CellKeyParams> = Object.freeze(cellKeyParamsFor(DEFAULT_K));

/** One cell to perturb: its true count and its cell key. */
export interface KeyedCell {
  n: number;
  cellKey: number;
}

/** One row of the ptable in the form engine SQL can join: the noise for (n_clip, key). */
export interface PTableSqlRow {
  n_clip: number;
  key: number;
  noise: number;
}

function isKey(k: number): boolean {
  return Number.isInteger(k) && k >= 0 && k < RECORD_KEY_RANGE;
}

/**
 * A cell's key: the sum of its records' keys modulo {@link RECORD_KEY_RANGE}. The same for any order of the
 * records; the key of a union of disjoint cells is {@link combineCellKeys} of their keys.
 *
 * @throws RangeError for a key that is not an integer in [0, 256).
 */
export function cellKeyOf(recordKeys: Iterable<number>): number {
  let sum = 0;
  for (const k of recordKeys) {
    if (!isKey(k)) throw new RangeError(`a record key is an integer in [0, ${RECORD_KEY_RANGE}), not ${k}`);
    sum = (sum + k) % RECORD_KEY_RANGE;
  }
  return sum;
}

/** The cell key of the union of disjoint cells, from their cell keys (the same modular sum). */
export function combineCellKeys(cellKeys: Iterable<number>): number {
  return cellKeyOf(cellKeys);
}

/** The noise of a cell in a built table (n and key already checked). */
function noiseOf(table: PTable, n: number, cellKey: number): number {
  return table.rows[Math.min(n, table.nClip)]!.noiseByKey[cellKey]!;
}

function check(n: number, cellKey: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count is a non-negative integer, not ${n}`);
  if (!isKey(cellKey))
    throw new RangeError(`a cell key is an integer in [0, ${RECORD_KEY_RANGE}), not ${cellKey}`);
}

/**
 * The count shown for a cell of true count `n` and key `cellKey`: n + noise, never 1 .. k-1, 0 for n = 0,
 * within D of n.
 *
 * @throws RangeError for a negative or fractional count, or a key outside [0, 256).
 */
export function perturbCell(
  n: number,
  cellKey: number,
  params: Readonly<CellKeyParams> = DEFAULT_CELL_KEY_PARAMS,
): number {
  check(n, cellKey);
  return n + noiseOf(buildPTable(params), n, cellKey);
}

/** {@link perturbCell} over many cells (the table is looked up once). */
export function perturbCells(
  cells: readonly KeyedCell[],
  params: Readonly<CellKeyParams> = DEFAULT_CELL_KEY_PARAMS,
): number[] {
  const table = buildPTable(params);
  return cells.map(({ n, cellKey }) => {
    check(n, cellKey);
    return n + noiseOf(table, n, cellKey);
  });
}

/**
 * The count a view shows: perturbed ({@link perturbCell}) by default. With `perturb` false (only for a
 * user's own file explored locally, behind a warning: docs/privacy.md) the true count, except that a count
 * of 1 .. k-1 is still suppressed (null).
 */
export function shownCount(
  n: number,
  cellKey: number,
  perturb: boolean,
  params: Readonly<CellKeyParams> = DEFAULT_CELL_KEY_PARAMS,
): number | null {
  if (perturb) return perturbCell(n, cellKey, params);
  check(n, cellKey);
  return n >= 1 && n < params.k ? null : n;
}

/**
 * The ptable as rows for SQL: for each n_clip in 0 .. nClip and each key in 0 .. 255, the noise. A cell of
 * count n and key c shows n + noise where n_clip = least(n, nClip) and key = c.
 */
export function ptableRows(params: Readonly<CellKeyParams> = DEFAULT_CELL_KEY_PARAMS): PTableSqlRow[] {
  const table = buildPTable(params);
  return table.rows.flatMap((row) =>
    Array.from(row.noiseByKey, (noise, key) => ({ n_clip: row.n, key, noise })),
  );
}
