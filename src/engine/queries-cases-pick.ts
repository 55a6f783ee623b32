/**
 * Weighted draws in SQL: a category code from a 16-bit uniform column by cumulative thresholds (a short
 * CASE), or one of many cells from a wider uniform by a balanced CASE tree (about log2(n) comparisons a row).
 * Thresholds are integer constants computed here; labels are bound parameters, never SQL text.
 */
import type { SqlValue } from './connector';

/** 2^16: the range of the 16-bit uniforms categories are drawn from. */
export const U16 = 65536;

/**
 * Cumulative thresholds in [0, U16] of `weights` (the last is U16): category i takes the uniforms from
 * thresholds[i-1] up to thresholds[i]. Every positive weight gets at least one value, a zero weight none.
 */
export function thresholds(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const positive = weights.filter((w) => w > 0).length;
  if (!(total > 0) || weights.some((w) => !(w >= 0)) || positive > U16) {
    throw new Error('weights must be >= 0, not all 0, at most 65536 of them positive');
  }
  let cum = 0;
  let left = positive;
  let prev = 0;
  return weights.map((w) => {
    if (w === 0) return prev;
    cum += w;
    left -= 1;
    // At least one value for this category, and one left for each positive category after it.
    prev = Math.min(U16 - left, Math.max(prev + 1, Math.round((cum / total) * U16)));
    return prev;
  });
}

/** The code (codes[i], default i) of the category a uniform `u` in [0, U16) falls in. */
export function pick(u: string, weights: readonly number[], codes?: readonly number[]): string {
  const t = thresholds(weights);
  const code = (i: number) => String(codes ? codes[i] : i);
  const last = t.length - 1;
  const whens = t
    .slice(0, last)
    .map((x, i) => ((weights[i] ?? 0) > 0 ? `WHEN ${u} < ${x} THEN ${code(i)}` : ''))
    .filter((w) => w !== '');
  return whens.length === 0 ? code(last) : `CASE ${whens.join(' ')} ELSE ${code(last)} END`;
}

/** `CASE <code> WHEN 0 THEN <by(0)> WHEN 1 ... END`: a draw that depends on an earlier code. */
export function byCode(code: string, count: number, by: (i: number) => string): string {
  const whens = Array.from({ length: count }, (_, i) => `WHEN ${i} THEN ${by(i)}`);
  return `CASE ${code} ${whens.join(' ')} END`;
}

/**
 * The index i of the first cumulative bound with v < cum[i] (cum nondecreasing, v in [0, cum[last])), as a
 * balanced CASE tree.
 */
export function searchTree(v: string, cum: readonly number[]): string {
  const node = (lo: number, hi: number): string => {
    if (lo === hi) return String(lo);
    const mid = (lo + hi) >> 1;
    return `CASE WHEN ${v} < ${cum[mid]} THEN ${node(lo, mid)} ELSE ${node(mid + 1, hi)} END`;
  };
  if (cum.length === 0) throw new Error('no cells to draw from');
  return node(0, cum.length - 1);
}

/**
 * The label of a code in [0, labels.length), as a balanced CASE tree whose leaves are bound parameters
 * (`?::VARCHAR`, pushed to `params` in their textual order). A CASE is several times faster in DuckDB-WASM
 * than indexing a list literal, which is rebuilt for every row.
 */
export function label(code: string, labels: readonly string[], params: SqlValue[]): string {
  const node = (lo: number, hi: number): string => {
    if (lo === hi) {
      params.push(labels[lo]!);
      return '?::VARCHAR';
    }
    const mid = (lo + hi) >> 1;
    const left = node(lo, mid);
    return `CASE WHEN ${code} <= ${mid} THEN ${left} ELSE ${node(mid + 1, hi)} END`;
  };
  if (labels.length === 0) throw new Error('no labels');
  return node(0, labels.length - 1);
}

/** The integer constant values[code] for a code in [0, values.length), as a balanced CASE tree. */
export function integerAt(code: string, values: readonly number[]): string {
  if (values.some((v) => !Number.isSafeInteger(v))) throw new Error('integer constants only');
  const node = (lo: number, hi: number): string => {
    if (lo === hi) return String(values[lo]);
    const mid = (lo + hi) >> 1;
    return `CASE WHEN ${code} <= ${mid} THEN ${node(lo, mid)} ELSE ${node(mid + 1, hi)} END`;
  };
  if (values.length === 0) throw new Error('no values');
  return node(0, values.length - 1);
}
