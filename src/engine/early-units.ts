/**
 * The units of the served data folder read straight from its facilities file, before DuckDB-WASM is up:
 * the planner builds its siting problem from them (with the precomputed first view's values) so Solve is
 * usable seconds before the engine has loaded its tables. The same file the engine loads, read as its
 * facilities query answers (./units-file.ts); once the engine answers, the planner takes its answer instead.
 * Units are not sensitive (where a unit is, who supports it).
 */
import type { Unit } from '../analysis/coverage';
import { loadParquetModule } from './parquet-browser';
import type { Catalog } from './schema';
import { LEGACY_FILES } from './serve/served-columns';
import { fetchBytes } from './static';
import { unitsFromParquet } from './units-file';

const FILE = 'facilities.parquet';

/** The served folder's units ordered by id, or null when it has no facilities file (a published site may not). */
export async function earlyUnits(catalog: Catalog): Promise<Unit[] | null> {
  const files = catalog.served?.files ?? LEGACY_FILES;
  if (!files.includes(FILE)) return null;
  const [bytes, parquet] = await Promise.all([fetchBytes(FILE), loadParquetModule()]);
  return unitsFromParquet(parquet, bytes, FILE);
}
