/**
 * The files a site serves, written already suppressed (issue 12): from a dataset's full tables to the bytes
 * of each Parquet file, at the threshold `k` (at least {@link MIN_SERVED_K}). Used by `npm run data` for the
 * demo and by `atlas publish` (and the app's "Publish these data") for a user's data, so that both go through
 * exactly the same code. Record-level tables (cases) are never among them.
 */
import { serveCaseload, type FullCaseload } from '../../analysis/disclosure/served-caseload';
import { serveSchools, type FullSchool } from '../../analysis/disclosure/served-schools';
import {
  serveValues,
  type FullValue,
  type ServedMeta,
  type ServedValue,
} from '../../analysis/disclosure/served-values';
import { rowsToParquet, type ParquetWriter } from '../parquet-write';
import type { FacilityRow } from '../schema';
import { SERVED_COLUMNS, type ServedFile } from './served-columns';
import { MIN_SERVED_K, type Withheld } from './served-types';

export type { Withheld } from './served-types';

export { MIN_SERVED_K } from './served-types';

/** The full tables of a dataset. Schools and caseload may be absent (a site without them). */
export interface FullDataset {
  indicators: readonly ServedMeta[];
  values: readonly FullValue[];
  /** Each municipality's county. */
  county: ReadonlyMap<string, string>;
  facilities?: readonly FacilityRow[];
  caseload?: readonly FullCaseload[];
  schools?: readonly FullSchool[];
}

/** The files written and what they withhold. */
export interface ServedFiles {
  files: Partial<Record<ServedFile, Uint8Array>>;
  withheld: Withheld;
  /** The values as served (what values.parquet holds), for the first view. */
  values: ServedValue[];
}

const SORT_KEYS: Record<ServedFile, readonly string[]> = {
  'values.parquet': ['indicator', 'year', 'lau_code'],
  'totals.parquet': ['indicator', 'year', 'level', 'code'],
  'facilities.parquet': ['id'],
  'caseload.parquet': ['facility_id', 'year'],
  'schools.parquet': ['school_id', 'year', 'level'],
  'school-totals.parquet': ['school_level', 'year', 'level', 'code'],
};

function sortRows<T extends object>(rows: readonly T[], keys: readonly string[]): T[] {
  const get = (r: T, key: string) => (r as Record<string, unknown>)[key] as string | number | null;
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const x = get(a, key) ?? '';
      const y = get(b, key) ?? '';
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}

/** Writes the served files of `data` at threshold `k`. */
export function writeServedFiles(writer: ParquetWriter, data: FullDataset, k: number): ServedFiles {
  if (!Number.isInteger(k) || k < MIN_SERVED_K) {
    throw new Error(`files for serving are written with k of at least ${MIN_SERVED_K} (got ${k})`);
  }
  // Rows sorted by their keys: the same data gives the same bytes, whatever order it came in.
  const write = <T extends object>(file: ServedFile, rows: readonly T[]) =>
    rowsToParquet(writer, SERVED_COLUMNS[file], sortRows(rows, SORT_KEYS[file]));
  const values = serveValues(data.indicators, data.values, data.county, k);
  const files: ServedFiles['files'] = {
    'values.parquet': write('values.parquet', values.values),
    'totals.parquet': write('totals.parquet', values.totals),
  };
  const withheld: Withheld = { k, values: values.counts };
  if (data.facilities) {
    files['facilities.parquet'] = write('facilities.parquet', data.facilities);
    const unitCounty = new Map(data.facilities.map((f) => [f.id, data.county.get(f.lau_code) ?? '']));
    const caseload = serveCaseload(data.caseload ?? [], unitCounty, k);
    files['caseload.parquet'] = write('caseload.parquet', caseload.caseload);
    withheld.caseload = caseload.hidden;
  }
  if (data.schools && data.schools.length > 0) {
    const schools = serveSchools(data.schools, k);
    files['schools.parquet'] = write('schools.parquet', schools.schools);
    files['school-totals.parquet'] = write('school-totals.parquet', schools.totals);
    withheld.schools = schools.counts;
  }
  return { files, withheld, values: values.values };
}
