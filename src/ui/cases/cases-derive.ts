/**
 * Pure derivations of the case explorer: filters fitted to the loaded records, toggling a bar, the brushed
 * period, the ranked municipalities, the map's values. No React, no engine: tested in test/cases-derive.
 */
import type { CaseBar, CaseCategoryDim, CaseFilters, CasesInfo } from '../../engine/cases-types';
import type { MapValue } from '../../engine/values-types';
import type { CaseMeasure, CaseSettings } from './settings';

/** The category dimensions, in the order the view and the summary list them. */
export const CATEGORY_DIMS: readonly CaseCategoryDim[] = [
  'case_type',
  'referral_source',
  'age_band',
  'sex',
  'lau_code',
];

/**
 * The filters with only values the records have (in their display order) and the period clipped to the
 * records' months; a filter left empty, or a period covering every month, is no filter.
 */
export function fitFilters(filters: CaseFilters, info: CasesInfo): CaseFilters {
  const out: { -readonly [K in keyof CaseFilters]: CaseFilters[K] } = {};
  for (const dim of CATEGORY_DIMS) {
    const chosen = new Set(filters[dim] ?? []);
    const kept = info.categories[dim].filter((v) => chosen.has(v));
    if (kept.length > 0) out[dim] = kept;
  }
  const period = filters.period;
  if (period) {
    const from = Math.max(period[0], info.periods[0]);
    const to = Math.min(period[1], info.periods[1]);
    if (from <= to && (from > info.periods[0] || to < info.periods[1])) out.period = [from, to];
  }
  return out;
}

/** Perturbation as it applies: it can be turned off only for the user's own records. */
export function perturbs(settings: CaseSettings, info: CasesInfo | null): boolean {
  return info?.source === 'own' ? settings.perturb : true;
}

/** The filters with `value` added to or removed from `dim`'s set. */
export function toggleValue(filters: CaseFilters, dim: CaseCategoryDim, value: string): CaseFilters {
  const list = filters[dim] ?? [];
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const rest = Object.fromEntries(Object.entries(filters).filter(([d]) => d !== dim)) as CaseFilters;
  return next.length > 0 ? { ...rest, [dim]: next } : rest;
}

/** The filters with the period set to the months between `a` and `b` (either order), or cleared (null). */
export function withPeriod(filters: CaseFilters, range: readonly [number, number] | null): CaseFilters {
  const out = { ...filters };
  if (range) out.period = [Math.min(range[0], range[1]), Math.max(range[0], range[1])];
  else delete out.period;
  return out;
}

/** Whether any filter is set. */
export function hasFilters(filters: CaseFilters): boolean {
  return CATEGORY_DIMS.some((d) => (filters[d]?.length ?? 0) > 0) || filters.period !== undefined;
}

/** A bar's value in the chosen measure (rates exist only for municipalities); null when not shown. */
export function measureOf(bar: CaseBar, measure: CaseMeasure): number | null {
  return measure === 'rate' ? (bar.rate ?? null) : bar.count;
}

/** The largest shown value of some bars (at least 1, so widths never divide by zero). */
export function maxShown(bars: readonly CaseBar[], measure: CaseMeasure = 'count'): number {
  let max = 1;
  for (const b of bars) {
    const v = measureOf(b, measure);
    if (v !== null && v > max) max = v;
  }
  return max;
}

/**
 * The municipalities to list as ranked bars: the `n` highest in the measure (ties by code, suppressed and
 * missing last), and any selected one beyond them after them.
 */
export function rankMunicipalities(
  bars: readonly CaseBar[],
  measure: CaseMeasure,
  n: number,
  selected: readonly string[] = [],
): CaseBar[] {
  const ranked = [...bars].sort((a, b) => {
    const va = measureOf(a, measure);
    const vb = measureOf(b, measure);
    if (va === null || vb === null)
      return va === vb ? String(a.key).localeCompare(String(b.key)) : va === null ? 1 : -1;
    return vb - va || String(a.key).localeCompare(String(b.key));
  });
  const top = ranked.slice(0, n);
  const extra = ranked.slice(n).filter((b) => selected.includes(String(b.key)));
  return [...top, ...extra];
}

/**
 * The map's values from the municipality facet: the chosen measure, a suppressed count as suppressed (its
 * rate too), a rate without a population as no data.
 */
export function mapValues(bars: readonly CaseBar[], measure: CaseMeasure): MapValue[] {
  return bars.map((b) => ({
    lau_code: String(b.key),
    value: b.count === null ? null : measureOf(b, measure),
    suppressed: b.count === null,
  }));
}

/** A month index as its year and month (1-12). */
export function yearMonth(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month index under `x` of a chart `width` wide showing months `first`..`last`, clamped to them. */
export function periodAt(x: number, width: number, first: number, last: number): number {
  const n = last - first + 1;
  const i = Math.floor((x / Math.max(1, width)) * n);
  return first + Math.min(n - 1, Math.max(0, i));
}

/** Whether a shown count would reveal a small cell: a count from 1 to k-1 (never expected from the engine). */
export function isSmall(count: number | null, k: number): boolean {
  return count !== null && count >= 1 && count < k;
}
