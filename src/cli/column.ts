/**
 * One numeric column of a CSV or Parquet file, read by the app's own reader (src/import/read.ts: the
 * same encoding, delimiter and decimal-comma detection as an import). Cells that are not numbers are
 * counted, not guessed at.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parseNumberLoose } from '../import/csv-numbers';
import { readInput } from '../import/read';
import { loadParquetModuleNode } from '../engine/node/parquet-node';
import type { Lang } from '../i18n/numbers';
import { problemLine } from './report';

/** The numbers of a column and what was skipped. */
export interface NumericColumn {
  values: number[];
  /** Empty (null) cells. */
  empty: number;
  /** Cells that are not finite numbers, and up to three examples of them. */
  nonNumeric: number;
  examples: string[];
  format: 'csv' | 'parquet';
}

/** Why a column could not be read: the message says what to do. */
export class ColumnError extends Error {}

function toNumber(cell: unknown, decimalComma: boolean): number | null | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'string') return cell.trim() === '' ? undefined : parseNumberLoose(cell, decimalComma);
  return null;
}

/**
 * Reads column `name` of `path` as numbers; throws ColumnError for an unreadable file (its problems in
 * `lang`) or a missing column.
 */
export function readNumericColumn(path: string, name: string, lang: Lang = 'en'): NumericColumn {
  const file = basename(path);
  const r = readInput({ name: file, bytes: new Uint8Array(readFileSync(path)) }, loadParquetModuleNode());
  const errors = r.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((p) => problemLine(p, lang));
    throw new ColumnError(lines.map((l) => `${l.found}\n  ${l.fixLabel} ${l.fix}`).join('\n'));
  }
  if (r.format !== 'csv' && r.format !== 'parquet') {
    throw new ColumnError(`classify reads a table (CSV or Parquet), not ${r.format ?? 'this file'}`);
  }
  if (!r.ipc) throw new ColumnError('no table could be read');
  const table = tableFromIPC(r.ipc);
  const vector = table.getChild(name);
  if (!vector) {
    throw new ColumnError(`no column "${name}"; its columns are: ${r.columns.join(', ')}`);
  }
  const decimalComma = r.detected?.decimalComma === true;
  const out: NumericColumn = { values: [], empty: 0, nonNumeric: 0, examples: [], format: r.format };
  for (let i = 0; i < vector.length; i++) {
    const cell: unknown = vector.get(i);
    const x = toNumber(cell, decimalComma);
    if (x === undefined) out.empty++;
    else if (x === null) {
      out.nonNumeric++;
      if (out.examples.length < 3) out.examples.push(`row ${i + 1 + r.rowOffset}: "${String(cell)}"`);
    } else out.values.push(x);
  }
  return out;
}
