/**
 * Suppression at source for indicator values: what a file written for serving holds (issue 12). Every
 * indicator-year goes through the one policy ({@link suppressTable}: primary, then secondary against county and
 * national totals) at the threshold `k` the files are written with, and the county and national totals are
 * computed here from the full data, then suppressed, so that no browser has to add up cells it cannot see.
 *
 * A hidden cell keeps its key and loses its figures: value, numerator and denominator are null and `status`
 * is {@link HIDDEN}. One status for primary and secondary alike (as the UK DfE's "c"): telling them apart would
 * say which cells are 1 to k-1.
 */
import { suppressTable } from '../suppression-table';

/** The status of a cell or total withheld to protect small counts. */
export const HIDDEN = 'c';

/** What the policy needs to know of an indicator. */
export interface ServedMeta {
  id: string;
  sensitive: boolean;
  aggregation: 'sum' | 'ratio';
  scale: number;
}

/** One municipality-year value, as the full data has it. */
export interface FullValue {
  lau_code: string;
  year: number;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /**
   * The count the policy judges, when it is not the value (a count) or the numerator (a rate): a rate given
   * without counts is judged on its implied count (src/engine/queries-values.ts `policyCount`).
   */
  count?: number | null;
  /** The parts a total adds up, when the file gives none (implied numerator and denominator of a rate). */
  parts?: { numerator: number | null; denominator: number | null };
}

/** A value as served. */
export interface ServedValue {
  lau_code: string;
  year: number;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
}

/** A county or national total as served. */
export interface ServedTotal {
  level: 'county' | 'national';
  code: string;
  year: number;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
}

/** How much was withheld. */
export interface ServedCounts {
  /** Cells with a count of 1 to k-1 (or a rate resting on one). */
  primary: number;
  /** Further cells hidden so that no shown total gives a hidden one back. */
  secondary: number;
  /** County totals hidden. */
  counties: number;
  /** National totals (indicator-years) hidden. */
  national: number;
}

/** The national total's code. */
export const NATIONAL_CODE = 'AL';

const sum = (xs: readonly (number | null)[]): number | null => {
  const present = xs.filter((x): x is number => x !== null);
  return present.length === 0 ? null : present.reduce((s, x) => s + x, 0);
};

function total(
  meta: ServedMeta,
  rows: readonly FullValue[],
): { value: number | null; numerator: number | null; denominator: number | null } {
  if (meta.aggregation === 'sum') {
    const v = sum(rows.map((r) => r.value));
    return { value: v, numerator: v, denominator: null };
  }
  const parts = rows.filter((r) => r.value !== null).map((r) => r.parts ?? r);
  const n = sum(parts.map((p) => p.numerator));
  const d = sum(parts.map((p) => p.denominator));
  return {
    value: n === null || d === null || d === 0 ? null : (n / d) * meta.scale,
    numerator: n,
    denominator: d,
  };
}

const policyCount = (meta: ServedMeta, r: FullValue): number | null =>
  r.count !== undefined ? r.count : meta.aggregation === 'sum' ? r.value : r.numerator;

/**
 * Suppresses every indicator-year of `rows` at threshold `k` and computes the totals. `county` maps a
 * municipality to its county; rows of indicators not in `metas` are refused (the catalog decides what is
 * sensitive, so an unknown indicator cannot be judged).
 */
export function serveValues(
  metas: readonly ServedMeta[],
  rows: readonly FullValue[],
  county: ReadonlyMap<string, string>,
  k: number,
): { values: ServedValue[]; totals: ServedTotal[]; counts: ServedCounts } {
  const byId = new Map(metas.map((m) => [m.id, m]));
  const groups = new Map<string, FullValue[]>();
  for (const r of rows) {
    if (!byId.has(r.indicator)) throw new Error(`indicator ${r.indicator} is not in the catalog`);
    const key = `${r.indicator}\u0000${r.year}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const hiddenCells = new Set<FullValue>();
  const totals: ServedTotal[] = [];
  const counts: ServedCounts = { primary: 0, secondary: 0, counties: 0, national: 0 };
  for (const list of groups.values()) {
    const first = list[0]!;
    const meta = byId.get(first.indicator)!;
    // For a count the policy judges the value, for a rate its numerator: both are the policy count here.
    const cells = list.map((r, i) => {
      const n = policyCount(meta, r);
      return {
        id: String(i),
        group: county.get(r.lau_code) ?? '',
        value: meta.aggregation === 'sum' ? n : r.value,
        numerator: n,
      };
    });
    const policy = suppressTable({ sensitive: meta.sensitive, aggregation: meta.aggregation }, cells, k);
    list.forEach((r, i) => {
      if (!policy.hidden.has(String(i))) return;
      hiddenCells.add(r);
      const n = policyCount(meta, r);
      if (n !== null && n >= 1 && n < k) counts.primary++;
      else counts.secondary++;
    });
    const smallTotal = (t: { numerator: number | null }) =>
      meta.sensitive && t.numerator !== null && t.numerator >= 1 && t.numerator < k;
    const codes = [...new Set(cells.map((c) => c.group))].filter((c) => c !== '').sort();
    for (const code of codes) {
      const t = total(
        meta,
        list.filter((r) => county.get(r.lau_code) === code),
      );
      const hide = policy.hiddenGroups.has(code) || smallTotal(t);
      if (hide) counts.counties++;
      totals.push(withStatus({ level: 'county', code, year: first.year, indicator: meta.id, ...t }, hide));
    }
    const t = total(meta, list);
    const hideNational = policy.nationalHidden || smallTotal(t);
    if (hideNational) counts.national++;
    totals.push(
      withStatus(
        { level: 'national', code: NATIONAL_CODE, year: first.year, indicator: meta.id, ...t },
        hideNational,
      ),
    );
  }
  const values = rows.map((r): ServedValue => {
    const base = { lau_code: r.lau_code, year: r.year, indicator: r.indicator };
    return hiddenCells.has(r)
      ? { ...base, value: null, numerator: null, denominator: null, status: HIDDEN }
      : { ...base, value: r.value, numerator: r.numerator, denominator: r.denominator, status: null };
  });
  return { values, totals, counts };
}

function withStatus(t: Omit<ServedTotal, 'status'>, hide: boolean): ServedTotal {
  return hide
    ? { ...t, value: null, numerator: null, denominator: null, status: HIDDEN }
    : { ...t, status: null };
}
