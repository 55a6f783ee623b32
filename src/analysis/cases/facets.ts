/**
 * Pure helpers of the case explorer's answers: categories in display order, a facet's bars in that order
 * with the zeros filled in, and the rate of cases per 1,000 children per year over a period.
 */
import type { CaseBar, CaseCategoryDim, CaseDim, CasesInfo } from './explore-types';
import { AGE_BANDS, CASE_TYPES, REFERRAL_SOURCES, SEXES } from './profile';

/** Child population by municipality, then by year. */
export type Population = Map<string, Map<number, number>>;

const KNOWN: Partial<Record<CaseCategoryDim, readonly string[]>> = {
  case_type: CASE_TYPES,
  referral_source: REFERRAL_SOURCES,
  age_band: AGE_BANDS,
  sex: SEXES,
};

/** Values per dimension: the contract's categories in their order first, any other values after, sorted. */
export function caseOrder(
  rows: readonly { dim: CaseCategoryDim; value: string | null }[],
): Record<CaseCategoryDim, string[]> {
  const out: Record<CaseCategoryDim, string[]> = {
    lau_code: [],
    case_type: [],
    referral_source: [],
    age_band: [],
    sex: [],
  };
  for (const r of rows) if (r.value !== null) out[r.dim].push(r.value);
  for (const dim of Object.keys(out) as CaseCategoryDim[]) {
    const known = KNOWN[dim] ?? [];
    const rank = (v: string) => {
      const i = known.indexOf(v);
      return i < 0 ? known.length : i;
    };
    out[dim].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
  return out;
}

/** The bars of `dim` in display order (every category, every month of the data), zeros included. */
export function caseBars(
  dim: CaseDim,
  raw: ReadonlyMap<string, { n: number; ck: number }>,
  info: CasesInfo,
  shown: (n: number, ck: number) => number | null,
): CaseBar[] {
  const bar = (key: string | number): CaseBar => {
    const r = raw.get(String(key));
    return { key, count: r ? shown(r.n, r.ck) : 0 };
  };
  if (dim === 'period') {
    const [first, last] = info.periods;
    return Array.from({ length: last - first + 1 }, (_, i) => bar(first + i));
  }
  return info.categories[dim].map(bar);
}

/**
 * Cases per 1,000 children per year over months `period` (inclusive month indexes): the count over the mean
 * child population of the period's years, over the period's length in years. Null without a count or a
 * population of any of those years.
 */
export function caseRate(
  count: number | null,
  population: ReadonlyMap<number, number> | undefined,
  period: readonly [number, number],
): number | null {
  if (count === null || !population) return null;
  const [first, last] = period;
  if (last < first) return null;
  const pops: number[] = [];
  for (let y = Math.floor(first / 12); y <= Math.floor(last / 12); y++) {
    const p = population.get(y);
    if (p !== undefined && p > 0) pops.push(p);
  }
  if (pops.length === 0) return null;
  const mean = pops.reduce((s, p) => s + p, 0) / pops.length;
  const years = (last - first + 1) / 12;
  return (count / mean / years) * 1000;
}
