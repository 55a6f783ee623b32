/** A served data folder on disk (public/data, or a published site's data/) as the tables it fills. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetFiles } from '../dataset';
import type { Catalog } from '../schema';
import { LEGACY_FILES, SERVED_TABLE, type ServedFile } from '../serve/served-columns';

/** The Parquet files of `dir` listed by its catalog.json (all four of an older folder), by table. */
export function servedDatasetFiles(dir: string): DatasetFiles {
  const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
  const files: DatasetFiles = {};
  for (const name of (catalog.served?.files ?? LEGACY_FILES) as ServedFile[]) {
    if (!(name in SERVED_TABLE)) continue;
    files[SERVED_TABLE[name]] = { name, bytes: new Uint8Array(readFileSync(join(dir, name))) };
  }
  return files;
}
