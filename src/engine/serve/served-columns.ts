/**
 * The columns of every file a site serves, in order (docs/data-contract.md, "Served files"). `status` is null
 * for a figure shown and 'c' for one withheld to protect small counts.
 */
import type { FileColumns } from '../parquet-write';

/** The files a site serves from its data folder. */
export type ServedFile =
  | 'values.parquet'
  | 'totals.parquet'
  | 'facilities.parquet'
  | 'caseload.parquet'
  | 'schools.parquet'
  | 'school-totals.parquet';

export const SERVED_COLUMNS: Record<ServedFile, FileColumns> = {
  'values.parquet': [
    ['lau_code', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['indicator', 'VARCHAR'],
    ['value', 'DOUBLE'],
    ['numerator', 'DOUBLE'],
    ['denominator', 'DOUBLE'],
    ['status', 'VARCHAR'],
  ],
  'totals.parquet': [
    ['level', 'VARCHAR'],
    ['code', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['indicator', 'VARCHAR'],
    ['value', 'DOUBLE'],
    ['numerator', 'DOUBLE'],
    ['denominator', 'DOUBLE'],
    ['status', 'VARCHAR'],
  ],
  'facilities.parquet': [
    ['id', 'VARCHAR'],
    ['lau_code', 'VARCHAR'],
    ['name', 'VARCHAR'],
    ['lon', 'DOUBLE'],
    ['lat', 'DOUBLE'],
    ['opened', 'INTEGER'],
    ['closed', 'INTEGER'],
    ['supporter', 'VARCHAR'],
    ['staff', 'INTEGER'],
  ],
  'caseload.parquet': [
    ['facility_id', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['children_assisted', 'INTEGER'],
    ['status', 'VARCHAR'],
  ],
  'schools.parquet': [
    ['school_id', 'VARCHAR'],
    ['lau_code', 'VARCHAR'],
    ['lon', 'DOUBLE'],
    ['lat', 'DOUBLE'],
    ['level', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['enrolled', 'INTEGER'],
    ['dropouts', 'INTEGER'],
    ['status', 'VARCHAR'],
  ],
  'school-totals.parquet': [
    ['level', 'VARCHAR'],
    ['code', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['school_level', 'VARCHAR'],
    ['enrolled', 'INTEGER'],
    ['dropouts', 'INTEGER'],
    ['schools', 'INTEGER'],
    ['status', 'VARCHAR'],
  ],
};

/** The engine table each served file fills (src/engine/tables.ts). */
export const SERVED_TABLE = {
  'values.parquet': 'indicator_values',
  'totals.parquet': 'value_totals',
  'facilities.parquet': 'facilities',
  'caseload.parquet': 'caseload',
  'schools.parquet': 'schools',
  'school-totals.parquet': 'school_totals',
} as const satisfies Record<ServedFile, string>;

/** The files of a data folder written before suppression at source (no catalog `served`). */
export const LEGACY_FILES: readonly ServedFile[] = [
  'values.parquet',
  'facilities.parquet',
  'caseload.parquet',
  'schools.parquet',
];
