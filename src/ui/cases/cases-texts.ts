/**
 * The case explorer's words: a category value's label (municipality names from the data, as text; case
 * types, referral sources and sexes from the catalogs; age bands as they are), a month's label, a shown count
 * ("–" when suppressed), the summary line of the filters.
 */
import type { TFunction } from 'i18next';
import type { CaseDim, CaseFilters } from '../../engine/cases-types';
import { formatNumber, type Lang } from '../../i18n';
import { CATEGORY_DIMS, yearMonth } from './cases-derive';

/** What the labels need: the translator, the language, municipality names by lau_code. */
export interface LabelContext {
  t: TFunction;
  lang: Lang;
  names: ReadonlyMap<string, string>;
}

/** The catalog group of each translated dimension. */
const GROUP: Partial<Record<CaseDim, string>> = {
  case_type: 'cases.caseType',
  referral_source: 'cases.source',
  sex: 'cases.sex',
};

/** A month index as "Mar 2021" (month names from the catalogs: Chromium here has no Albanian ICU data). */
export function monthLabel(t: TFunction, index: number): string {
  const { year, month } = yearMonth(index);
  return t('cases.monthYear', { month: t(`cases.months.${month}`), year });
}

/** The label of one value of `dim`. */
export function valueLabel(c: LabelContext, dim: CaseDim, value: string | number): string {
  if (dim === 'period') return monthLabel(c.t, Number(value));
  const v = String(value);
  if (dim === 'lau_code') return c.names.get(v) ?? v;
  const group = GROUP[dim];
  return group ? c.t(`${group}.${v}`, { defaultValue: v }) : v;
}

/** The suppressed mark shown in place of a count. */
export const SUPPRESSED_MARK = '–';

/** A shown count as text, "–" when suppressed. */
export function countText(count: number | null, lang: Lang): string {
  return count === null ? SUPPRESSED_MARK : formatNumber(count, lang, 0);
}

/** Decimals of a rate per 1,000 children per year (a rare case type's rates are hundredths). */
export const RATE_DIGITS = 2;

/** A rate per 1,000 children as text, "–" when not shown. */
export function rateText(rate: number | null | undefined, lang: Lang): string {
  return rate == null ? SUPPRESSED_MARK : formatNumber(rate, lang, RATE_DIGITS);
}

/** Each active filter as "Case type: Abuse, Neglect", in the view's order, the period last. */
export function filterParts(c: LabelContext, filters: CaseFilters): string[] {
  const parts: string[] = [];
  for (const dim of CATEGORY_DIMS) {
    const list = filters[dim];
    if (!list || list.length === 0) continue;
    const values = list.map((v) => valueLabel(c, dim, v)).join(', ');
    parts.push(c.t('cases.filterPart', { dim: c.t(`cases.dim.${dim}`), values }));
  }
  const p = filters.period;
  if (p) {
    const range = c.t('cases.range', { from: monthLabel(c.t, p[0]), to: monthLabel(c.t, p[1]) });
    parts.push(c.t('cases.filterPart', { dim: c.t('cases.dim.period'), values: range }));
  }
  return parts;
}

/**
 * The summary line after the total: "cases (perturbed) match: Case type: Abuse; Municipality: Tiranë" (the
 * total itself is drawn before it, as its own element).
 */
export function summaryText(
  c: LabelContext,
  total: number | null,
  filters: CaseFilters,
  show: { k: number; perturb: boolean },
): string {
  const parts = filterParts(c, filters);
  const what = parts.length > 0 ? parts.join('; ') : c.t('cases.noFilter');
  if (total === null) return c.t('cases.matchSuppressed', { k: show.k, filters: what });
  return c.t(show.perturb ? 'cases.matchPerturbed' : 'cases.matchExact', { count: total, filters: what });
}
