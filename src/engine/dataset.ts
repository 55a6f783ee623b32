/**
 * Loads a whole dataset (indicator values, facilities, caseload as Parquet; municipality attributes from the
 * boundaries) into an engine. The same function serves the browser, the tests and the CLI.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Connector } from './connector';
import { parquetToArrowIPC, type ParquetModule } from './parquet';
import { ensureTable, loadTable, type TableName } from './tables';

/** A file's name (for messages) and bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** The attributes of a municipality the queries need (from the boundary file's properties). */
export interface MunicipalityAttrs {
  lau_code: string;
  name: string;
  qark_code: string;
  qark_name: string;
}

/** The Parquet files of a dataset, by the table each fills. */
export type DatasetFiles = Partial<Record<Exclude<TableName, 'municipalities' | 'user_values'>, NamedBytes>>;

/** Loads municipalities and every given Parquet file; returns row counts by table. */
export async function loadDataset(
  conn: Connector,
  parquet: ParquetModule,
  municipalities: readonly MunicipalityAttrs[],
  files: DatasetFiles,
): Promise<Partial<Record<TableName, number>>> {
  const counts: Partial<Record<TableName, number>> = {};
  const attrs = tableFromArrays({
    lau_code: municipalities.map((m) => m.lau_code),
    name: municipalities.map((m) => m.name),
    qark_code: municipalities.map((m) => m.qark_code),
    qark_name: municipalities.map((m) => m.qark_name),
  });
  counts.municipalities = await loadTable(conn, 'municipalities', tableToIPC(attrs, 'stream'), 'boundaries');
  for (const [table, file] of Object.entries(files) as [TableName, NamedBytes][]) {
    counts[table] = await loadTable(
      conn,
      table,
      parquetToArrowIPC(parquet, file.bytes, file.name),
      file.name,
    );
  }
  // None of the values is the user's yet (the import fills it: src/contract/commit.ts).
  await ensureTable(conn, 'user_values');
  // Totals exist only in a served folder; an empty table means "add the cells up" (./queries.ts).
  await ensureTable(conn, 'value_totals');
  await ensureTable(conn, 'school_totals');
  // A published site may have no units: the coverage view and the planner then find none (and say so).
  await ensureTable(conn, 'facilities');
  await ensureTable(conn, 'caseload');
  return counts;
}
