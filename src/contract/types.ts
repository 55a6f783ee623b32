/** The inputs and outputs of validating and committing one user file. */
import type { ColumnBinding, Renamed } from '../engine/arrow-rename';
import type { FileReport, Problem } from './problem-types';
import type { MunicipalityRecord } from './names';
import type { IndicatorMeta } from '../engine/schema';
import type { ColumnMapping } from './mapping';

/** A municipality as validation needs it (the lookup CSV / boundary properties). */
export type ValidationMunicipality = MunicipalityRecord;

/** What a file is checked against. */
export interface ValidationContext {
  municipalities: readonly ValidationMunicipality[];
  /** The catalog: indicator ids, aggregation and scale. Add a catalog file of the same batch with withIndicators. */
  indicators: readonly IndicatorMeta[];
  /** Accepted data years (e.g. 2000-2035): a year outside is an error. */
  years: { first: number; last: number };
  /** The catalog's years: a year outside them (but accepted) is a warning. */
  catalogYears?: { first: number; last: number };
  /** Problems listed per code and column before the rest are counted in `more` (default 20). */
  maxListed?: number;
  /** Spellings the user has confirmed (input cell -> lau_code), e.g. after picking a suggestion. */
  aliases?: Readonly<Record<string, string>>;
  /** Small-count threshold the report's count of hidden rates is for (default 5, as on screen). */
  k?: number;
}

/** One file as src/import/read.ts hands it over. */
export interface StageInput {
  file: string;
  /** Arrow IPC stream: CSV columns are all Utf8, Parquet columns as written. */
  ipc: Uint8Array;
  /** Added to the 1-based data row to give the spreadsheet row (1 for a CSV header, 0 for Parquet). */
  rowOffset: number;
  /** Headers in file order (the Arrow field names). */
  columns: string[];
  /** Size of the original file for the report (default: the IPC size). */
  bytes?: number;
  /** The CSV uses "," as the decimal point (semicolon-separated exports of Albanian/European locales). */
  decimalComma?: boolean;
  /** Problems the reader already found (ReadResult.problems): reported first, and an error among them
   * keeps the file from being staged, like any error of the validator. */
  problems?: Problem[];
  /**
   * Renames the bound columns to contract names (see src/engine/arrow-rename.ts). The browser passes
   * one that runs in the read worker, so a large file never blocks the page; by default it runs in process.
   */
  rename?: (ipc: Uint8Array, columns: ColumnBinding[]) => Promise<Renamed>;
  /** How to read the file's columns, when the user says (see ./mapping.ts). */
  mapping?: ColumnMapping;
  /** Text above the header and the sheet's name (may name the indicator of a wide table). */
  titles?: string[];
  /** 0-based sheet column the table starts in, for "column F (2021)" in messages. */
  firstColumn?: number;
  /** Rows of the staged table to return for a preview (indicator values only; default none). */
  preview?: number;
  /** A large file's other parts (`ipc` is the first): staged one by one, never held whole. */
  parts?: PartReader;
  /** Rows of the whole file, when `ipc` holds only its first part. */
  rows?: number;
  /** Rows staged of all (`reading`) and checks run of all (`checking`), as the file is staged. */
  onProgress?: (step: 'reading' | 'checking', done: number, of: number) => void;
}

/** A part of a large file, its columns renamed (as {@link StageInput.rename} gives it), or why it is unreadable. */
export type PartResult = Renamed | { error: string };

/** The parts of a file read a part at a time. */
export interface PartReader {
  /** Number of parts, the first included. */
  count: number;
  /** Reads part `index` (1..count-1) with the bound columns renamed. */
  read(index: number, columns: ColumnBinding[]): Promise<PartResult>;
  /** Forgets the file (its bytes are held until then). */
  release(): void;
}

/** Input cell (trimmed) -> lau_code, for every place spelling of a file; used at commit. */
export type MunicipalityMapping = ReadonlyMap<string, string>;

/** The report, the staging table to commit (null when the file has errors) and the place mapping. */
export interface StageResult {
  report: FileReport;
  staging: string | null;
  mapping: MunicipalityMapping;
  /** The first staged rows and unknown indicator names, when `preview` was asked (even with errors). */
  preview?: StagedPreview;
}

/** One normalised row. */
export interface PreviewRow {
  /** The file's row (as the spreadsheet numbers it, header = the header's row). */
  row: number;
  /** The place cell as the file has it (the code, else the name). */
  place: string | null;
  lau_code: string | null;
  /** The municipality's name in the Atlas, when the place was recognised. */
  municipality: string | null;
  year: number | null;
  indicator: string | null;
  value: number | null;
}

/** What the preview shows of a staged file. */
export interface StagedPreview {
  rows: PreviewRow[];
  /** Indicator names or ids in the file that the catalog does not know, in the order they first appear. */
  unknownIndicators: string[];
}
