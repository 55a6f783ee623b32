/**
 * A costs file as the import reader returned it (src/import/read.ts: CSV or Parquet into Arrow IPC,
 * with problems) into costs by lau_code, through {@link costsFromTable}. Used by the planner view (the read
 * runs in the import worker) and by `atlas plan --costs` (the read runs in Node): one set of rules.
 */
import { tableFromIPC } from 'apache-arrow';
import { parseNumberLoose } from './csv-numbers';
import type { ReadResult } from './read-types';
import { costsFromTable, CostsFileError } from '../analysis/planning/costs';

/** Costs by lau_code from a read file; throws {@link CostsFileError} naming the file, row and column. */
export function costsFromRead(
  file: string,
  read: ReadResult,
  known: ReadonlySet<string>,
): Map<string, number> {
  const fatal = read.problems.find((p) => p.severity === 'error');
  if (fatal || !read.ipc || read.format === 'geojson') {
    throw new CostsFileError({
      code: 'unreadable',
      file,
      row: fatal?.row ?? null,
      column: fatal?.column ?? null,
      found: fatal ? fatal.found : read.format === 'geojson' ? 'GeoJSON, not a table' : 'no table',
      ...(fatal ? { detail: `${fatal.expected}; ${fatal.fix}` } : {}),
    });
  }
  const table = tableFromIPC(read.ipc);
  const decimalComma = read.detected?.decimalComma ?? false;
  return costsFromTable(
    file,
    {
      columns: read.columns,
      rows: table.numRows,
      rowOffset: read.rowOffset,
      cell: (column, row) => table.getChild(column)?.get(row) as unknown,
      toNumber: (text) => parseNumberLoose(text, decimalComma),
    },
    known,
  );
}
