/**
 * The columns of every file a site serves, in order (docs/data-contract.md, "Served files"). `status` is null
 * for a figure shown and 'c' for one withheld to protect small counts.
 */
import type { FileColumns } from '../parquet-write';
import { TABLES } from '../tables';

/** The files a site serves from its data folder. */
export type ServedFile =
  | 'values.parquet'
  | 'totals.parquet'
  | 'facilities.parquet'
  | 'caseload.parquet'
  | 'schools.parquet'
  | 'school-totals.parquet';

/** The engine table each served file fills (src/engine/tables.ts). */
export const SERVED_TABLE = {
  'values.parquet': 'indicator_values',
  'totals.parquet': 'value_totals',
  'facilities.parquet': 'facilities',
  'caseload.parquet': 'caseload',
  'schools.parquet': 'schools',
  'school-totals.parquet': 'school_totals',
} as const satisfies Record<ServedFile, string>;

/** The columns of each served file, in order: those of the table it fills (src/engine/tables.ts). */
const columnsOf = (file: ServedFile): FileColumns => Object.entries(TABLES[SERVED_TABLE[file]]);
export const SERVED_COLUMNS: Record<ServedFile, FileColumns> = {
  'values.parquet': columnsOf('values.parquet'),
  'totals.parquet': columnsOf('totals.parquet'),
  'facilities.parquet': columnsOf('facilities.parquet'),
  'caseload.parquet': columnsOf('caseload.parquet'),
  'schools.parquet': columnsOf('schools.parquet'),
  'school-totals.parquet': columnsOf('school-totals.parquet'),
};

/** The files of a data folder written before suppression at source (no catalog `served`). */
export const LEGACY_FILES: readonly ServedFile[] = [
  'values.parquet',
  'facilities.parquet',
  'caseload.parquet',
  'schools.parquet',
];
