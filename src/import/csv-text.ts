/** Text checks on parsed CSV columns that need a row and a column to point at. */
import type { Utf8Column } from './csv-columns';
import { mojibakeProblem } from './encoding';
import { findMojibake } from './encoding-mojibake';
import { problem } from './read-problems';
import type { Problem } from '../contract/problem-types';

/** A warning for the first double-encoded value ("DurrÃ«s"), with its row and column and how many more. */
export function csvMojibake(
  file: string,
  names: readonly string[],
  columns: readonly Utf8Column[],
  rowOffset: number,
): Problem | null {
  let total = 0;
  let first: { col: number; at: number } | null = null;
  for (let col = 0; col < columns.length; col++) {
    const hit = findMojibake(columns[col]!.allBytes());
    total += hit.count;
    if (hit.first >= 0 && first === null) first = { col, at: hit.first };
  }
  if (first === null) return null;
  const column = columns[first.col]!;
  const row = column.rowOfByte(first.at);
  // The whole cell is what the user will recognise; very long ones are cut.
  const cell = new TextDecoder().decode(column.bytesAt(row));
  const text = cell.length > 60 ? `${cell.slice(0, 57)}...` : cell;
  return mojibakeProblem(file, text, row + rowOffset + 1, names[first.col] ?? null, total);
}

/**
 * An error for NUL bytes (character code 0) inside cells: no text table holds one, and databases and
 * spreadsheets cut or refuse the cell at it. Names the first cell's row and column and counts the cells.
 */
export function csvNul(
  file: string,
  names: readonly string[],
  columns: readonly Utf8Column[],
  rowOffset: number,
): Problem | null {
  let cells = 0;
  let first: { col: number; row: number } | null = null;
  for (let col = 0; col < columns.length; col++) {
    const bytes = columns[col]!.allBytes();
    let last = -1;
    for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) {
      const row = columns[col]!.rowOfByte(i);
      if (row === last) continue;
      last = row;
      cells++;
      if (first === null || row < first.row) first = { col, row };
    }
  }
  if (first === null) return null;
  const cell = new TextDecoder().decode(columns[first.col]!.bytesAt(first.row)).replaceAll('\0', '\u2400');
  const row = first.row + rowOffset + 1;
  const text = cell.length > 60 ? `${cell.slice(0, 57)}...` : cell;
  return problem(file, {
    code: 'csv-parse',
    row,
    column: names[first.col] ?? null,
    found: `a NUL byte (character code 0, shown as \u2400) in the cell "${text}"`,
    expected: 'text without control characters',
    fix: `Delete the NUL character from row ${row}; it usually comes from copying out of another program or a damaged export.`,
    more: cells - 1,
  });
}
