/**
 * The case explorer's own settings, kept in `state.cases` (and so in the URL as `cases=`) as one short
 * string of dot-separated parts, each a one-letter key and its values joined by `*` (characters a URL
 * carries as they are): `t` case types, `s` referral sources, `a` age bands, `x` sexes, `m` municipalities
 * (lau_code), `p` the period as `yyyymm*yyyymm`, `r` rates (else counts), `u` perturbation off. For example
 * `tabuse*neglect.mAL111.p201901*202106.r`. A part that does not parse is dropped on its own; values are
 * checked against the loaded records' categories later ({@link fitFilters} in ./cases-derive).
 */
import type { CaseCategoryDim, CaseFilters } from '../../engine/cases-types';

/** What the map and the municipality bars show: shown counts, or rates per 1,000 children per year. */
export type CaseMeasure = 'count' | 'rate';

/** Every setting of the view. */
export interface CaseSettings {
  filters: CaseFilters;
  measure: CaseMeasure;
  /** Cell-key perturbation on; off only takes effect on the user's own records. */
  perturb: boolean;
}

/** No filter, counts, perturbed. */
export const DEFAULT_CASE_SETTINGS: CaseSettings = { filters: {}, measure: 'count', perturb: true };

/** The one-letter key of each category filter, in the order they are written. */
export const FILTER_KEYS: readonly (readonly [string, CaseCategoryDim])[] = [
  ['t', 'case_type'],
  ['s', 'referral_source'],
  ['a', 'age_band'],
  ['x', 'sex'],
  ['m', 'lau_code'],
];

/** A category value the string may carry (codes and bands of the contract; nothing a URL would escape). */
const VALUE = /^[A-Za-z0-9_-]{1,40}$/;
/** At most this many values per filter (61 municipalities, with room). */
const MAX_VALUES = 100;

/** A month index (year * 12 + month - 1) as `yyyymm`. */
export function periodText(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}${String(month).padStart(2, '0')}`;
}

/** `yyyymm` as a month index, or null. */
export function parsePeriod(text: string | undefined): number | null {
  const m = /^(\d{4})(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return year * 12 + month - 1;
}

function values(text: string): string[] | null {
  const list = text.split('*');
  if (list.length > MAX_VALUES || !list.every((v) => VALUE.test(v))) return null;
  return [...new Set(list)];
}

/** Reads settings from their string; each part falls back to its default on its own. */
export function decodeCaseSettings(text: string): CaseSettings {
  const filters: Record<string, unknown> = {};
  let measure: CaseMeasure = 'count';
  let perturb = true;
  for (const part of text.split('.')) {
    const key = part.slice(0, 1);
    const rest = part.slice(1);
    const dim = FILTER_KEYS.find(([k]) => k === key)?.[1];
    if (dim) {
      const list = rest === '' ? null : values(rest);
      if (list) filters[dim] = list;
    } else if (key === 'p') {
      const [from, to] = rest.split('*').map(parsePeriod);
      if (from != null && to != null && from <= to) filters.period = [from, to];
    } else if (part === 'r') measure = 'rate';
    else if (part === 'u') perturb = false;
  }
  return { filters: filters as CaseFilters, measure, perturb };
}

/** Writes settings as their string ('' for the defaults, so a plain link stays plain). */
export function encodeCaseSettings(s: CaseSettings): string {
  const parts: string[] = [];
  for (const [key, dim] of FILTER_KEYS) {
    const list = s.filters[dim];
    if (list && list.length > 0) parts.push(`${key}${list.join('*')}`);
  }
  const period = s.filters.period;
  if (period) parts.push(`p${periodText(period[0])}*${periodText(period[1])}`);
  if (s.measure === 'rate') parts.push('r');
  if (!s.perturb) parts.push('u');
  return parts.join('.');
}

/** The filters alone as a string: the key of the engine's answer to them (with k and perturbation). */
export function filtersKey(filters: CaseFilters, k: number, perturb: boolean): string {
  return `${encodeCaseSettings({ filters, measure: 'count', perturb })}#${k}`;
}
