/**
 * The shape of what the reader hands the validator. Kept apart from read.ts so the format readers can
 * name it without importing the dispatcher that imports them.
 */
import type { FeatureCollection } from 'geojson';
import type { Problem } from '../contract/problem-types';

/** A file as the user picked it. */
export interface ReadInput {
  name: string;
  bytes: Uint8Array;
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
  format: 'parquet' | 'csv' | 'geojson' | null;
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
  /** CSV (and GeoJSON that is not UTF-8): what was detected. */
  detected?: Detected;
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
      found: `a file the reader could not handle (${String(err)})`,
      expected: 'a CSV, Parquet or GeoJSON file',
      fix: 'Save the file again in one of these formats; if it still fails, please report it.',
    },
  ]);
}
