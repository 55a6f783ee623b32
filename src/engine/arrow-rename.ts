/**
 * Renames a table's columns to contract names in Arrow, so no user column name ever reaches SQL. Pure data
 * shuffling on (possibly) hundreds of MB: the browser runs it in the read worker, Node in process.
 */
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';

/** A contract column and the index of the file column bound to it. */
export interface ColumnBinding {
  name: string;
  index: number;
}

/** The IPC stream with only the bound columns, under their contract names, and its row count. */
export interface Renamed {
  ipc: Uint8Array;
  rows: number;
}

/** Keeps and renames the bound columns. */
export function renameColumns(ipc: Uint8Array, columns: readonly ColumnBinding[]): Renamed {
  const arrow = tableFromIPC(ipc);
  const renamed = new Table(Object.fromEntries(columns.map((b) => [b.name, arrow.getChildAt(b.index)!])));
  return { ipc: tableToIPC(renamed, 'stream'), rows: arrow.numRows };
}
