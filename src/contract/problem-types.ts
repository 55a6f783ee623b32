/**
 * What the import path says about a user's file: every problem names the file, the row and column, what was
 * found, what was expected and how to fix it. Errors stop the file; warnings let the user go on.
 */

/** The tables a user can bring (see docs/data-contract.md). */
export type TableKind =
  'indicator_values' | 'catalog' | 'facilities' | 'caseload' | 'schools' | 'cases' | 'boundaries';

/** How serious a problem is. */
export type Severity = 'error' | 'warning';

/** Stable problem codes: the app translates them, the CLI prints them, the test corpus expects them. */
export type ProblemCode =
  // the file as a whole
  | 'empty-file'
  | 'too-large'
  | 'unknown-format'
  | 'not-parquet'
  | 'corrupt-parquet'
  | 'encoding'
  | 'csv-parse'
  | 'not-geojson'
  | 'projected-crs'
  | 'swapped-lat-lon'
  | 'null-geometry'
  | 'unknown-table'
  // workbooks
  | 'not-workbook'
  | 'encrypted-file'
  | 'corrupt-workbook'
  | 'empty-workbook'
  | 'unpacked-too-large'
  | 'unknown-sheet'
  | 'formula-no-value'
  // rows that are not data (totals, notes) and periods
  | 'skipped-row'
  | 'sub-year-period'
  | 'uid-not-name'
  // columns
  | 'missing-column'
  | 'unexpected-column'
  | 'wrong-type'
  // values
  | 'null-key'
  | 'unknown-municipality'
  | 'county-not-municipality'
  | 'duplicate-key'
  | 'negative-count'
  | 'rate-above-100'
  | 'not-finite'
  | 'year-out-of-range'
  | 'numerator-above-denominator'
  | 'value-mismatch'
  | 'rate-without-counts'
  | 'unknown-indicator'
  | 'formula-injection'
  | 'invalid-value';

/** One problem in one place. `row` is 1-based as a spreadsheet shows it (header = row 1 for CSV). */
export interface Problem {
  file: string;
  severity: Severity;
  code: ProblemCode;
  row: number | null;
  column: string | null;
  found: string;
  expected: string;
  fix: string;
  /** For unknown municipality codes or names: the closest known municipalities, best first. */
  suggestions?: string[];
  /** How many more rows have the same problem in the same column (only the first few are listed). */
  more?: number;
}

/** What was checked in one file. */
export interface FileReport {
  file: string;
  bytes: number;
  /** The table the file was recognised as, or null when it could not be. */
  kind: TableKind | null;
  rows: number;
  problems: Problem[];
  /** Ratio indicators given as rates without counts: how they are weighted and how many will be hidden. */
  rates?: RateSummary[];
}

/**
 * Rates of one ratio indicator given without numerator and denominator (or with one of them): where their
 * weights come from (src/engine/queries-values.ts) and how many cells small-count suppression will hide.
 */
export interface RateSummary {
  indicator: string;
  /** Rows with a rate and not both counts. */
  rows: number;
  /** Those rows by where their implied count comes from. */
  bases: { denominator: number; numerator: number; indicator: number; child_pop: number; none: number };
  /** The catalog's denominator indicator, when it has one (weights of basis `indicator`). */
  weight: string | null;
  /** Of those rows, how many small-count suppression hides (implied count 1..k-1, or secondary). */
  hidden: number;
  /** Hidden by secondary suppression (included in `hidden`). */
  secondary: number;
  k: number;
}

/** True when nothing stops the file from being loaded. */
export function acceptable(report: FileReport): boolean {
  return report.problems.every((p) => p.severity !== 'error');
}
