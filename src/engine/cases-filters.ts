/**
 * The explorer's filters made canonical (sorted, without duplicates or empty sets) and checked: the same
 * selection always gives the same cache key, and anything that is not a filter is refused with a message
 * (filters also arrive over HTTP, at `atlas serve`).
 */
import { CASE_DIMS, type CaseDim, type CaseFilters, type CasesInfo } from './cases-types';

/** The most values one dimension's filter may hold (there are 61 municipalities). */
export const MAX_FILTER_VALUES = 100;
/** The longest value a filter may hold. */
export const MAX_VALUE_LENGTH = 64;

/** A filter that is not one: its message says what was expected. */
export class CaseFilterError extends Error {
  override name = 'CaseFilterError';
}

function isMonth(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v < 12 * 10000;
}

/**
 * The canonical form of `raw`: known dimensions only, each a set of short strings (sorted, unique; an
 * empty set is no filter), `period` two month indexes in order (clipped to `info`'s months; dropped when it
 * covers them all).
 *
 * @throws CaseFilterError naming the dimension and what was expected.
 */
export function normaliseCaseFilters(raw: unknown, info?: CasesInfo): CaseFilters {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CaseFilterError('filters must be an object of dimension: values');
  }
  const out: Record<string, unknown> = {};
  for (const [dim, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(CASE_DIMS as readonly string[]).includes(dim)) {
      throw new CaseFilterError(
        `unknown filter "${dim.slice(0, 40)}": expected one of ${CASE_DIMS.join(', ')}`,
      );
    }
    if (value === undefined) continue;
    if (dim === 'period') {
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isMonth)) {
        throw new CaseFilterError('period must be [first, last]: two month indexes (year * 12 + month - 1)');
      }
      let [a, b] = value as [number, number];
      if (a > b) [a, b] = [b, a];
      if (info) {
        a = Math.max(a, info.periods[0]);
        b = Math.min(b, info.periods[1]);
        if (a === info.periods[0] && b === info.periods[1]) continue;
        if (a > b) [a, b] = [info.periods[0], info.periods[0] - 1];
      }
      out.period = [a, b];
      continue;
    }
    if (!Array.isArray(value) || value.length > MAX_FILTER_VALUES) {
      throw new CaseFilterError(`${dim} must be a list of at most ${MAX_FILTER_VALUES} values`);
    }
    for (const v of value) {
      if (typeof v !== 'string' || v.length === 0 || v.length > MAX_VALUE_LENGTH) {
        throw new CaseFilterError(`${dim} values must be texts of 1 to ${MAX_VALUE_LENGTH} characters`);
      }
    }
    const set = [...new Set(value as string[])].sort();
    if (set.length > 0) out[dim] = set;
  }
  return out as CaseFilters;
}

/** The cache key of the filters `dim`'s facet depends on: every filter but its own (canonical filters). */
export function othersKey(dim: CaseDim, filters: CaseFilters): string {
  return `${dim}:${JSON.stringify(CASE_DIMS.filter((d) => d !== dim).map((d) => filters[d] ?? null))}`;
}
