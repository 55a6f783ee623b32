/**
 * The engine the views talk to: named questions in, suppressed plain rows out. Views never see SQL, a
 * connector or a small count: every value passes the one suppression policy (src/analysis) first.
 */
import { DEFAULT_K, isSuppressed } from '../analysis/suppression';
import { suppressTable, type PolicyResult } from '../analysis/suppression-table';
import type { Connector } from './connector';
import { coverageQuestions, type CoverageQuestions } from './engine-coverage';
import { schoolQuestions, type SchoolQuestions } from './engine-schools';
import {
  countiesQuery,
  countySeriesQuery,
  indicatorSeriesQuery,
  indicatorsPresentQuery,
  trendQuery,
} from './queries';
import type { IndicatorMeta } from './schema';
import type { Shown } from './shown';

export type { Shown } from './shown';

/** One municipality's value on the map; `value` is null when missing or suppressed. */
export interface MapValue {
  lau_code: string;
  value: number | null;
  suppressed: boolean;
  /** The count a rate rests on (for a count indicator, the count itself); null when missing or suppressed. */
  numerator?: number | null;
  /** The population a rate rests on; null when missing or suppressed. */
  denominator?: number | null;
}

/** One year of the trend chart: the municipality, its county and Albania. */
export interface TrendPoint {
  year: number;
  municipality: Shown;
  county: Shown;
  national: Shown;
}

/** The questions the views can ask. */
export interface Engine extends CoverageQuestions, SchoolQuestions {
  /** Values of every municipality; `k` is the small-count threshold (counts 1..k-1 are never shown). */
  choropleth(meta: IndicatorMeta, year: number, k?: number): Promise<MapValue[]>;
  /** Every year's values at once (for classifications fixed across years, and comparisons). */
  allYears(meta: IndicatorMeta, k?: number): Promise<Map<number, MapValue[]>>;
  /**
   * Values per county (qark) and year; `lau_code` holds the county's `qark_code`. A county is hidden when
   * its own count is small or when secondary suppression of its municipalities requires it.
   */
  countyYears(meta: IndicatorMeta, k?: number): Promise<Map<number, MapValue[]>>;
  /** The municipality's series with its county and Albania, suppressed with the same `k`. */
  trend(meta: IndicatorMeta, lauCode: string, k?: number): Promise<TrendPoint[]>;
  /** Ids of the indicators that have values in the loaded data. */
  indicatorsPresent(): Promise<string[]>;
  /** Forgets cached answers after the loaded data changed (an import). */
  invalidate(): void;
  close(): Promise<void>;
}

interface SeriesRow {
  year: number;
  lau_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

interface CountyRow {
  year: number;
  qark_code: string;
  value: number | null;
  value_numerator: number | null;
}

interface TrendRow {
  year: number;
  municipality: number | null;
  county: number | null;
  county_numerator: number | null;
  national: number | null;
  national_numerator: number | null;
}

/** One indicator-year as the policy lets it be shown. */
interface YearView {
  values: MapValue[];
  policy: PolicyResult;
}

const hide = (value: number | null, suppressed: boolean): Shown => ({
  value: suppressed ? null : value,
  suppressed,
});

/**
 * Wraps a loaded connector. The map's
 * values are cached per indicator, all years at once, with their suppression decided over the whole year:
 * the data is immutable once loaded, and a year step then repaints without a round trip to the worker.
 */
export function createEngine(conn: Connector): Engine {
  const series = new Map<string, Promise<Map<number, YearView>>>();
  let counties: Promise<Map<string, string>> | undefined;
  const countyOf = () =>
    (counties ??= conn
      .query<{ lau_code: string; qark_code: string }>(countiesQuery())
      .then((rows) => new Map(rows.map((r) => [r.lau_code, r.qark_code]))));

  const load = (meta: IndicatorMeta, k: number) => {
    const cacheKey = `${meta.id}|${k}`;
    let cached = series.get(cacheKey);
    if (!cached) {
      cached = Promise.all([conn.query<SeriesRow>(indicatorSeriesQuery(meta.id)), countyOf()]).then(
        ([rows, county]) => {
          const byYear = new Map<number, SeriesRow[]>();
          for (const r of rows) {
            const list = byYear.get(r.year);
            if (list) list.push(r);
            else byYear.set(r.year, [r]);
          }
          const views = new Map<number, YearView>();
          for (const [year, list] of byYear) {
            const policy = suppressTable(
              meta,
              list.map((r) => ({
                id: r.lau_code,
                group: county.get(r.lau_code) ?? '',
                value: r.value,
                numerator: r.numerator,
              })),
              k,
            );
            const values = list.map((r) => {
              const hidden = policy.hidden.has(r.lau_code);
              return {
                lau_code: r.lau_code,
                ...hide(r.value, hidden),
                numerator: hidden ? null : meta.aggregation === 'sum' ? r.value : r.numerator,
                denominator: hidden ? null : r.denominator,
              };
            });
            views.set(year, { values, policy });
          }
          return views;
        },
      );
      // A failed query is not cached: the next ask tries again.
      cached.catch(() => series.delete(cacheKey));
      series.set(cacheKey, cached);
    }
    return cached;
  };

  const coverage = coverageQuestions(conn);
  const schools = schoolQuestions(conn);

  const countySeries = new Map<string, Promise<Map<number, MapValue[]>>>();
  const loadCounties = (meta: IndicatorMeta, k: number) => {
    const cacheKey = `${meta.id}|${k}`;
    let cached = countySeries.get(cacheKey);
    if (!cached) {
      cached = Promise.all([conn.query<CountyRow>(countySeriesQuery(meta)), load(meta, k)]).then(
        ([rows, views]) => {
          const out = new Map<number, MapValue[]>();
          for (const r of rows) {
            const policy = views.get(r.year)?.policy;
            const hidden =
              (policy?.hiddenGroups.has(r.qark_code) ?? false) ||
              isSuppressed(meta, r.value, r.value_numerator, k);
            const v: MapValue = {
              lau_code: r.qark_code,
              ...hide(r.value, hidden),
              numerator: hidden ? null : r.value_numerator,
              denominator: null,
            };
            const list = out.get(r.year);
            if (list) list.push(v);
            else out.set(r.year, [v]);
          }
          return out;
        },
      );
      cached.catch(() => countySeries.delete(cacheKey));
      countySeries.set(cacheKey, cached);
    }
    return cached;
  };

  return {
    ...coverage.questions,
    ...schools.questions,
    async choropleth(meta, year, k = DEFAULT_K) {
      return (await load(meta, k)).get(year)?.values ?? [];
    },
    async allYears(meta, k = DEFAULT_K) {
      const views = await load(meta, k);
      return new Map([...views].map(([year, v]) => [year, v.values]));
    },
    countyYears: (meta, k = DEFAULT_K) => loadCounties(meta, k),
    async trend(meta, lauCode, k = DEFAULT_K) {
      const [rows, views, county] = await Promise.all([
        conn.query<TrendRow>(trendQuery(meta, lauCode)),
        load(meta, k),
        countyOf(),
      ]);
      const qark = county.get(lauCode) ?? '';
      return rows.map((r) => {
        const policy = views.get(r.year)?.policy;
        const total = (value: number | null, numerator: number | null, hiddenByPolicy: boolean) =>
          hide(value, hiddenByPolicy || isSuppressed(meta, value, numerator, k));
        return {
          year: r.year,
          municipality: hide(r.municipality, policy?.hidden.has(lauCode) ?? false),
          county: total(r.county, r.county_numerator, policy?.hiddenGroups.has(qark) ?? false),
          national: total(r.national, r.national_numerator, policy?.nationalHidden ?? false),
        };
      });
    },
    async indicatorsPresent() {
      return (await conn.query<{ indicator: string }>(indicatorsPresentQuery())).map((r) => r.indicator);
    },
    invalidate() {
      series.clear();
      countySeries.clear();
      counties = undefined;
      coverage.invalidate();
      schools.invalidate();
    },
    close: () => conn.close(),
  };
}
