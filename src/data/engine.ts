/**
 * The engine the views talk to: named questions in, suppressed plain rows out. Views never see SQL, a
 * connector or an unsuppressed small count.
 */
import { DEFAULT_K, isSuppressed } from '../analysis/suppression';
import type { Connector } from './connector';
import { choroplethQuery, trendQuery } from './queries';
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

/** Wraps a loaded connector; `k` is the small-count threshold (counts 1..k-1 are never shown). */
export function createEngine(conn: Connector, k: number = DEFAULT_K): Engine {
  return {
    async choropleth(meta, year) {
      const rows = await conn.query<{ lau_code: string; value: number | null; numerator: number | null }>(
        choroplethQuery(meta.id, year),
      );
      return rows.map((r) => ({ lau_code: r.lau_code, ...shown(meta, r.value, r.numerator, k) }));
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
