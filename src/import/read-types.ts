/**
 * The shape of what the reader hands the validator. Kept apart from read.ts so the format readers can
 * name it without importing the dispatcher that imports them.
 */
import type { FeatureCollection } from 'geojson';
import { msg, problemTexts } from '../contract/problem-text';
import type { Problem } from '../contract/problem-types';
import type { ColumnMapping } from '../contract/mapping';
import type { PartReader } from '../contract/types';

/** A file as the user picked it, with what the reader is told about it. */
export interface ReadInput {
  name: string;
  bytes: Uint8Array;
  /** The sheet of a workbook to read: its name, or its number counting from 1 (default: the first recognised). */
  sheet?: string | number;
  /** The 1-based row of the header, when the user says where it is (default: found in the first 20 rows). */
  headerRow?: number;
  /** Indicator names (normalised) -> catalog id, so headers naming indicators are recognised. */
  indicatorNames?: [string, string][];
  /** How to read the file's columns (the sheet and header row above come from it too). */
  mapping?: ColumnMapping;
}

/** One sheet of a workbook, for the sheet chooser. */
export interface SheetInfo {
  name: string;
  /** 1-based position in the workbook. */
  number: number;
  hidden: boolean;
  rows: number;
  /** The header of the sheet reads as a table of the contract (or a wide table). */
  recognised: boolean;
}

/** Limits checked before anything is decoded. */
export interface ReadLimits {
  /** Files larger than this are refused with 'too-large' (the browser holds the file several times over). */
  maxBytes: number;
}

/** What was detected in a CSV file, for the report ("semicolon-separated, windows-1252"). */
export interface Detected {
  /** The separator character: ',', ';', '\t' or '|'. */
  delimiter?: string;
  /** 'UTF-8', 'UTF-8 with BOM', 'UTF-16 LE', 'UTF-16 BE', 'windows-1252', 'windows-1250' or 'iso-8859-2'. */
  encoding?: string;
  /** True when numbers in the file seem to be written with a decimal comma ("12,5"). */
  decimalComma?: boolean;
}

/** One file turned into a stageable table, a boundary collection, or problems. */
export interface ReadResult {
  format: 'parquet' | 'csv' | 'geojson' | 'workbook' | 'dhis2' | null;
  /**
   * Arrow IPC stream of the table: Parquet as written; CSV with EVERY column as Utf8 (empty cell = null),
   * header names trimmed. It is also present alongside some errors (ragged rows padded or cut, clashing
   * header names made unique) so the validator can report every problem in one pass: a file whose
   * problems include an error must still never be loaded.
   */
  ipc: Uint8Array | null;
  /** Column names (CSV/Parquet) or property names in order of first appearance (GeoJSON). */
  columns: string[];
  /** Data rows (CSV/Parquet) or features (GeoJSON). */
  rows: number;
  /**
   * Row number (as a person counts it) of the first data row minus 1: CSV = the header's row (1, or more
   * when blank lines come first), Parquet and GeoJSON = 0 (feature 1 is the first feature).
   */
  rowOffset: number;
  geojson: FeatureCollection | null;
  /** Workbooks: every sheet, and the one read. */
  sheets?: SheetInfo[];
  sheet?: string;
  /** Text above the header (title rows, merged captions) and the sheet's name: may name the indicator. */
  titles?: string[];
  /** 0-based index of the sheet column the table starts in (for "column F" in messages). */
  firstColumn?: number;
  /**
   * The file's first rows as text (up to 25, title rows included), for the column-mapping panel, with the
   * index among them of the row read as the header, and that row's 1-based number in the file.
   */
  head?: { rows: string[][]; header: number; firstRow: number };
  /** CSV (and GeoJSON that is not UTF-8): what was detected. */
  detected?: Detected;
  /**
   * A large Parquet file read a part at a time (src/import/read-parquet-parts.ts): `ipc` is its first part,
   * `rows` counts the whole file, and the engine reads the other parts through this.
   */
  parts?: PartReader;
  problems: Problem[];
}

/** An empty result to fill in. */
export function emptyResult(format: ReadResult['format'], problems: Problem[] = []): ReadResult {
  return { format, ipc: null, columns: [], rows: 0, rowOffset: 0, geojson: null, problems };
}

/** The result for a file the reader itself failed on (a bug, not the file's fault): never a crash. */
export function readFailure(name: string, err: unknown): ReadResult {
  return emptyResult(null, [
    {
      file: name,
      severity: 'error',
      code: 'unknown-format',
      row: null,
      column: null,
      ...problemTexts({
        found: msg('problems.unknown-format.crash.found', { error: String(err) }),
        expected: msg('problems.unknown-format.crash.expected'),
        fix: msg('problems.unknown-format.crash.fix'),
      }),
    },
  ]);
}
