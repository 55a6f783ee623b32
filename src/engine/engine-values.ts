/**
 * The engine's questions about indicator values in one scope (all loaded values, or only the user's): the
 * map's series, the counties' and the trend, every value through the one small-count policy. Composed into
 * the engine by {@link createEngine} (./engine.ts); SQL lives in ./queries.ts and ./queries-values.ts.
 *
 * A rate given without counts is judged on its implied count (rate / scale x weight, at least 1 for a
 * positive rate: `policyCount` in ./queries-values.ts), with the same threshold and secondary suppression.
 */
import { isSuppressed } from '../analysis/suppression';
import { suppressTable, type PolicyResult } from '../analysis/suppression-table';
import { withheldShares, WITHHELD } from '../analysis/disclosure/withheld-shares';
import { servedCountyTotalsQuery, type ServedTotalRow } from './queries-totals';
import type { Connector } from './connector';
import type { MapValue, TrendPoint } from './values-types';
import { countySeriesQuery, indicatorSeriesQuery, indicatorsPresentQuery, trendQuery } from './queries';
import { policyCount, WEIGHTED, weakestBasis, type Basis, type ValuesScope } from './queries-values';
import type { IndicatorMeta } from './schema';
import type { Shown } from './shown';

interface SeriesRow {
  year: number;
  lau_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  basis: Basis;
  status: string | null;
}

interface CountyRow {
  year: number;
  qark_code: string;
  value: number | null;
  value_numerator: number | null;
  value_bases: string | null;
  value_withheld: boolean;
}

interface TrendRow {
  year: number;
  municipality: number | null;
  county: number | null;
  county_numerator: number | null;
  county_bases: string | null;
  county_withheld: boolean;
  national: number | null;
  national_numerator: number | null;
  national_bases: string | null;
  national_withheld: boolean;
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

/** The basis a group's figure rests on, from its comma-separated bases; only when weights stand in. */
function groupBasis(bases: string | null): { basis?: Basis } {
  const basis = weakestBasis((bases ?? '').split(',') as Basis[]);
  return WEIGHTED.includes(basis) ? { basis } : {};
}

/** The value questions of one scope. */
export interface ValueQuestions {
  load(meta: IndicatorMeta, k: number): Promise<Map<number, YearView>>;
  counties(meta: IndicatorMeta, k: number): Promise<Map<number, MapValue[]>>;
  trend(meta: IndicatorMeta, lauCode: string, k: number): Promise<TrendPoint[]>;
  present(): Promise<string[]>;
  invalidate(): void;
}

/**
 * The value questions over one connector and scope. The map's values are cached per indicator, all years at
 * once, with their suppression decided over the whole year: the data is immutable once loaded, and a year
 * step then repaints without a round trip to the worker.
 */
export function valueQuestions(
  conn: Connector,
  scope: ValuesScope,
  countyOf: () => Promise<Map<string, string>>,
): ValueQuestions {
  const series = new Map<string, Promise<Map<number, YearView>>>();
  const countySeries = new Map<string, Promise<Map<number, MapValue[]>>>();

  const load = (meta: IndicatorMeta, k: number) => {
    const cacheKey = `${meta.id}|${k}`;
    let cached = series.get(cacheKey);
    if (!cached) {
      cached = Promise.all([
        conn.query<SeriesRow>(indicatorSeriesQuery(meta, scope)),
        countyOf(),
        scope === 'all' ? conn.query<ServedTotalRow>(servedCountyTotalsQuery(meta)) : [],
      ]).then(([rows, county, totals]) => {
        const byYear = new Map<number, SeriesRow[]>();
        for (const r of rows) {
          const list = byYear.get(r.year);
          if (list) list.push(r);
          else byYear.set(r.year, [r]);
        }
        const views = new Map<number, YearView>();
        for (const [year, list] of byYear) {
          const policyRows = withheldShares(
            meta,
            list.map((r) => ({
              id: r.lau_code,
              group: county.get(r.lau_code) ?? '',
              value: r.value,
              numerator: policyCount(meta, r),
              withheld: r.status === WITHHELD,
            })),
            totals.filter((t) => t.year === year),
            k,
          );
          const policy = suppressTable(meta, policyRows, k);
          const values = list.map((r): MapValue => {
            const hidden = policy.hidden.has(r.lau_code);
            return {
              lau_code: r.lau_code,
              ...hide(r.value, hidden),
              numerator: hidden ? null : meta.aggregation === 'sum' ? r.value : r.numerator,
              denominator: hidden ? null : r.denominator,
              ...(r.basis !== 'counts' ? { basis: r.basis } : {}),
            };
          });
          views.set(year, { values, policy });
        }
        return views;
      });
      // A failed query is not cached: the next ask tries again.
      cached.catch(() => series.delete(cacheKey));
      series.set(cacheKey, cached);
    }
    return cached;
  };

  const counties = (meta: IndicatorMeta, k: number) => {
    const cacheKey = `${meta.id}|${k}`;
    let cached = countySeries.get(cacheKey);
    if (!cached) {
      cached = Promise.all([conn.query<CountyRow>(countySeriesQuery(meta, scope)), load(meta, k)]).then(
        ([rows, views]) => {
          const out = new Map<number, MapValue[]>();
          for (const r of rows) {
            const policy = views.get(r.year)?.policy;
            const hidden =
              r.value_withheld ||
              (policy?.hiddenGroups.has(r.qark_code) ?? false) ||
              isSuppressed(meta, r.value, r.value_numerator, k);
            const v: MapValue = {
              lau_code: r.qark_code,
              ...hide(r.value, hidden),
              numerator: hidden ? null : r.value_numerator,
              denominator: null,
              ...groupBasis(r.value_bases),
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
    load,
    counties,
    async trend(meta, lauCode, k) {
      const [rows, views, county] = await Promise.all([
        conn.query<TrendRow>(trendQuery(meta, lauCode, scope)),
        load(meta, k),
        countyOf(),
      ]);
      const qark = county.get(lauCode) ?? '';
      return rows.map((r) => {
        const policy = views.get(r.year)?.policy;
        const total = (value: number | null, numerator: number | null, hiddenByPolicy: boolean) =>
          hide(value, hiddenByPolicy || isSuppressed(meta, value, numerator, k));
        const countyHidden = r.county_withheld || (policy?.hiddenGroups.has(qark) ?? false);
        const nationalHidden = r.national_withheld || (policy?.nationalHidden ?? false);
        return {
          year: r.year,
          municipality: hide(r.municipality, policy?.hidden.has(lauCode) ?? false),
          county: {
            ...total(r.county, r.county_numerator, countyHidden),
            ...groupBasis(r.county_bases),
          },
          national: {
            ...total(r.national, r.national_numerator, nationalHidden),
            ...groupBasis(r.national_bases),
          },
        };
      });
    },
    async present() {
      const rows = await conn.query<{ indicator: string }>(indicatorsPresentQuery(scope));
      return rows.map((r) => r.indicator);
    },
    invalidate() {
      series.clear();
      countySeries.clear();
    },
  };
}
