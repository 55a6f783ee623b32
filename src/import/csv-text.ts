/** Text checks on parsed CSV columns that need a row and a column to point at. */
import type { Utf8Column } from './csv-columns';
import { mojibakeProblem } from './encoding';
import { findMojibake } from './encoding-mojibake';
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
