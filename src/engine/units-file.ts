/**
 * A facilities Parquet file's units as the engine's facilities query returns them (./queries-coverage.ts):
 * the same columns, whole-number years and staff, ordered by id. Pure given the Parquet module: tested in
 * Node against the engine.
 */
import { tableFromIPC } from 'apache-arrow';
import type { Unit } from '../analysis/coverage';
import { parquetToArrowIPC, type ParquetModule } from './parquet';

/** Every unit of the file `name`, by id. */
export function unitsFromParquet(parquet: ParquetModule, bytes: Uint8Array, name: string): Unit[] {
  const rows = tableFromIPC(parquetToArrowIPC(parquet, bytes, name)).toArray() as Record<string, unknown>[];
  const units = rows.map((row) => ({
    id: String(row.id),
    lau_code: String(row.lau_code),
    name: String(row.name),
    lon: Number(row.lon),
    lat: Number(row.lat),
    opened: Math.trunc(Number(row.opened)),
    closed: row.closed == null ? null : Math.trunc(Number(row.closed)),
    supporter: String(row.supporter),
    staff: Math.trunc(Number(row.staff)),
  }));
  return units.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
