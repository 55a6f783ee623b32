/**
 * The engine the views talk to: named questions in, suppressed plain rows out. Views never see SQL, a
 * connector or an unsuppressed small count.
 */
import { DEFAULT_K, isSuppressed } from '../analysis/suppression';
import type { Connector } from './connector';
import { indicatorSeriesQuery, trendQuery } from './queries';
import type { IndicatorMeta } from './schema';

/** One municipality's value on the map; `value` is null when missing or suppressed. */
export interface MapValue {
  lau_code: string;
  value: number | null;
  suppressed: boolean;
}

/** A value that may be hidden by small-count suppression. */
export interface Shown {
  value: number | null;
  suppressed: boolean;
}

/** One year of the trend chart: the municipality, its county and Albania. */
export interface TrendPoint {
  year: number;
  municipality: Shown;
  county: Shown;
  national: Shown;
}

/** The questions the views can ask. */
export interface Engine {
  choropleth(meta: IndicatorMeta, year: number): Promise<MapValue[]>;
  trend(meta: IndicatorMeta, lauCode: string): Promise<TrendPoint[]>;
  close(): Promise<void>;
}

function shown(meta: IndicatorMeta, value: number | null, numerator: number | null, k: number): Shown {
  const suppressed = isSuppressed(meta, value, numerator, k);
  return { value: suppressed ? null : value, suppressed };
}

interface TrendRow {
  year: number;
  municipality: number | null;
  municipality_numerator: number | null;
  county: number | null;
  county_numerator: number | null;
  national: number | null;
  national_numerator: number | null;
}

interface SeriesRow {
  year: number;
  lau_code: string;
  value: number | null;
  numerator: number | null;
}

/**
 * Wraps a loaded connector; `k` is the small-count threshold (counts 1..k-1 are never shown). The map's
 * values are cached per indicator, all years at once: the data is immutable once loaded, and a year step
 * then repaints without a round trip to the DuckDB worker.
 */
export function createEngine(conn: Connector, k: number = DEFAULT_K): Engine {
  const series = new Map<string, Promise<Map<number, MapValue[]>>>();
  const load = (meta: IndicatorMeta) => {
    let cached = series.get(meta.id);
    if (!cached) {
      cached = conn.query<SeriesRow>(indicatorSeriesQuery(meta.id)).then((rows) => {
        const byYear = new Map<number, MapValue[]>();
        for (const r of rows) {
          const list = byYear.get(r.year) ?? [];
          list.push({ lau_code: r.lau_code, ...shown(meta, r.value, r.numerator, k) });
          byYear.set(r.year, list);
        }
        return byYear;
      });
      // A failed query is not cached: the next ask tries again.
      cached.catch(() => series.delete(meta.id));
      series.set(meta.id, cached);
    }
    return cached;
  };
  return {
    async choropleth(meta, year) {
      return (await load(meta)).get(year) ?? [];
    },
    async trend(meta, lauCode) {
      const rows = await conn.query<TrendRow>(trendQuery(meta, lauCode));
      return rows.map((r) => ({
        year: r.year,
        municipality: shown(meta, r.municipality, r.municipality_numerator, k),
        county: shown(meta, r.county, r.county_numerator, k),
        national: shown(meta, r.national, r.national_numerator, k),
      }));
    },
    close: () => conn.close(),
  };
}
