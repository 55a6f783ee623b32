import type { Withheld } from './serve/served-types';

/**
 * The data contract the app understands, as TypeScript types. The demo-data builder writes these
 * tables and the engine loads them; user files (a later issue) will be validated against the same shapes.
 */

/** How an indicator aggregates from municipalities to counties and the nation. */
export type Aggregation = 'sum' | 'ratio';

/** One indicator of the catalog (public/data/catalog.json). */
export interface IndicatorMeta {
  /** Stable identifier used in the `indicator` column of values.parquet; [a-z0-9_]+. */
  id: string;
  label: { en: string; sq: string };
  /** Unit shown next to values, both languages. */
  unit: { en: string; sq: string };
  /** True when a higher value means more risk (drives the palette direction in later views). */
  higherIsWorse: boolean;
  /** 'sum': a count, summed. 'ratio': value = numerator / denominator * scale, aggregated as sums. */
  aggregation: Aggregation;
  /** Multiplier for ratio indicators (100 for %, 1000 for per 1,000). 1 for counts. */
  scale: number;
  /** True when the value (or its numerator) counts children or cases and is subject to small-count suppression. */
  sensitive: boolean;
  /**
   * For a ratio: the indicator whose value of the same municipality and year is its denominator (e.g.
   * `child_pop`). It weighs rates a file gives without counts; without it, `child_pop` does.
   */
  denominator?: string;
  /** Where the figures come from, both languages (for the demo: that they are synthetic). */
  source: { en: string; sq: string };
}

/** The catalog file: indicators plus what the dataset as a whole is. */
export interface Catalog {
  /** True for the bundled demo data: every screen then shows a "synthetic data" banner. */
  synthetic: boolean;
  title: { en: string; sq: string };
  years: { first: number; last: number };
  /** The view drawn first, before the engine is ready. */
  defaultIndicator: string;
  defaultYear: number;
  indicators: IndicatorMeta[];
  /**
   * Present when the data files were written suppressed at source (issue 12): the threshold they were
   * written with (a viewer may raise it, never lower it), the Parquet files of the data folder, and how many
   * cells and totals they withhold.
   */
  served?: ServedInfo;
}

/** What a served data folder holds (catalog.json `served`). */
export interface ServedInfo {
  k: number;
  files: string[];
  withheld: Withheld;
}

/**
 * One row of values.parquet (long format). Columns and Parquet types:
 * lau_code VARCHAR, year INTEGER, indicator VARCHAR, value DOUBLE,
 * numerator DOUBLE (null for counts), denominator DOUBLE (null for counts).
 */
export interface ValueRow {
  lau_code: string;
  year: number;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * One row of facilities.parquet: a Child Protection Unit.
 * id VARCHAR, lau_code VARCHAR, name VARCHAR, lon DOUBLE, lat DOUBLE, opened INTEGER,
 * closed INTEGER (null while open), supporter VARCHAR, staff INTEGER.
 * A unit is active in year y when opened <= y and (closed is null or y < closed); caseload.parquet
 * has one row for each such year within the catalog's year range.
 */
export interface FacilityRow {
  id: string;
  lau_code: string;
  name: string;
  lon: number;
  lat: number;
  opened: number;
  closed: number | null;
  supporter: string;
  staff: number;
}

/** One row of caseload.parquet: facility_id VARCHAR, year INTEGER, children_assisted INTEGER. */
export interface CaseloadRow {
  facility_id: string;
  year: number;
  children_assisted: number;
}

/**
 * public/data/first-view.json: the default year's values for every indicator, already suppressed,
 * so the first map is drawn before DuckDB-WASM has started. Rows: [lau_code, indicator, value | null, suppressed].
 */
export interface FirstView {
  year: number;
  rows: [string, string, number | null, boolean][];
}
