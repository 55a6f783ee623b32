/**
 * Staging a large file a part at a time (see src/import/read-parquet-parts.ts): each part goes into
 * `<staging>_in`, is typed into the staging table with its rows numbered after the parts before it, and is
 * dropped, so the engine never holds the file twice. Once the checks pass, the staging table's text copies
 * of the cells (needed only to quote a bad cell in a problem) are dropped before the commit makes its copy.
 */
import type { Connector } from '../engine/connector';
import type { ColumnBinding } from '../engine/arrow-rename';
import { ident, rawOf } from './sql';
import type { TableSpec } from './contract';
import type { PartReader } from './types';

/** Inserts part after part into `<staging>_in`; `each` types the part in (rows before it given). */
export async function stageParts(
  conn: Connector,
  staging: string,
  parts: PartReader,
  columns: ColumnBinding[],
  first: number,
  each: (offset: number) => Promise<void>,
  progress: (done: number) => void,
): Promise<string | null> {
  let offset = 0;
  let rows = first;
  for (let i = 0; ; i++) {
    await each(offset);
    await conn.exec(`DROP TABLE IF EXISTS ${ident(`${staging}_in`)}`);
    offset += rows;
    progress(offset);
    if (i + 1 >= parts.count) return null;
    const part = await parts.read(i + 1, columns);
    if ('error' in part) return part.error;
    await conn.insertArrowIPC(`${staging}_in`, part.ipc);
    rows = part.rows;
  }
}

/** Drops the text copies of the cells from a checked staging table (DuckDB frees them without a copy). */
export async function dropRawCells(conn: Connector, staging: string, spec: TableSpec): Promise<void> {
  for (const c of spec.columns) await conn.exec(`ALTER TABLE ${ident(staging)} DROP COLUMN ${rawOf(c.name)}`);
}
