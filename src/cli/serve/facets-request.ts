/**
 * The body of `POST /api/cases/facets`, checked strictly before anything reaches the engine: only the known
 * fields, only the explorer's dimensions, arrays of a few short strings, a period of two whole month indexes,
 * k a whole number from the server's minimum to MAX_K. Anything else is refused with a message saying what
 * was wrong (a 400), never guessed at. The filters come back normalised (values sorted, duplicates dropped,
 * empty filters left out), so that the same question always has the same cache key.
 */
import { MAX_FILTER_VALUES, MAX_VALUE_LENGTH } from '../../engine/cases-filters';
import { CASE_DIMS, type CaseCategoryDim, type CaseFilters } from '../../engine/cases-types';

/** The largest k a client may ask for (counts shown below it become null). */
export const MAX_K = 100;
/** The most values one filter may hold, and the longest value (the engine's own limits). */
export { MAX_FILTER_VALUES as MAX_VALUES, MAX_VALUE_LENGTH };
/** Month indexes (year * 12 + month - 1) are accepted from year 1900 to year 2199. */
export const PERIOD_RANGE: readonly [number, number] = [1900 * 12, 2200 * 12 - 1];

/** A checked question. */
export interface FacetsRequest {
  filters: CaseFilters;
  k: number;
}

/** A body that is not a question the server answers (its message is shown to the client). */
export class RequestError extends Error {}

const CATEGORY_DIMS = CASE_DIMS.filter((d): d is CaseCategoryDim => d !== 'period');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function only(obj: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new RequestError(
        `unknown field "${key.slice(0, 40)}" in ${where}; allowed: ${allowed.join(', ')}`,
      );
    }
  }
}

function categoryValues(dim: string, v: unknown): string[] {
  if (!Array.isArray(v)) throw new RequestError(`filters.${dim} must be an array of strings`);
  if (v.length > MAX_FILTER_VALUES)
    throw new RequestError(`filters.${dim} has ${v.length} values; at most ${MAX_FILTER_VALUES}`);
  for (const s of v) {
    if (typeof s !== 'string' || s.length === 0 || s.length > MAX_VALUE_LENGTH) {
      throw new RequestError(`filters.${dim} must hold strings of 1 to ${MAX_VALUE_LENGTH} characters`);
    }
  }
  return [...new Set(v as string[])].sort();
}

function period(v: unknown): [number, number] {
  const [lo, hi] = PERIOD_RANGE;
  const ok = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
  if (!Array.isArray(v) || v.length !== 2 || !ok(v[0]) || !ok(v[1]) || v[0] > v[1]) {
    throw new RequestError(
      `filters.period must be [first, last]: two whole month indexes (year * 12 + month - 1) from ${lo} to ${hi}, first <= last`,
    );
  }
  return [v[0], v[1]];
}

/** Checks the filters of a question. */
export function parseFilters(v: unknown): CaseFilters {
  if (v === undefined) return {};
  if (!isRecord(v)) throw new RequestError('filters must be an object');
  only(v, CASE_DIMS, 'filters');
  const out: { -readonly [D in keyof CaseFilters]: CaseFilters[D] } = {};
  for (const dim of CATEGORY_DIMS) {
    if (v[dim] === undefined) continue;
    const values = categoryValues(dim, v[dim]);
    if (values.length > 0) out[dim] = values;
  }
  if (v.period !== undefined) out.period = period(v.period);
  return out;
}

/** Checks a parsed JSON body against the server's minimum k; throws RequestError. */
export function parseFacetsRequest(body: unknown, minK: number): FacetsRequest {
  if (!isRecord(body)) throw new RequestError('the body must be a JSON object { "filters": {...}, "k": n }');
  only(body, ['filters', 'k'], 'the body');
  const k = body.k === undefined ? minK : body.k;
  if (!Number.isInteger(k) || (k as number) < minK || (k as number) > MAX_K) {
    throw new RequestError(`k must be a whole number from ${minK} (this server's minimum) to ${MAX_K}`);
  }
  return { filters: parseFilters(body.filters), k: k as number };
}

/** The cache key of a checked question (its filters are normalised). */
export function requestKey(r: FacetsRequest): string {
  return JSON.stringify([r.k, ...CASE_DIMS.map((d) => r.filters[d] ?? null)]);
}
