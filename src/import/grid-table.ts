/**
 * A sheet's cells (as text, row by row) into the reader's table: the header found among the first 20 rows
 * (title rows, notes and blank rows above it skipped; a two-row header read as one, the lower row's cell
 * first), every column as Utf8, and the rows as the spreadsheet numbers them. Workbooks and DHIS2 JSON
 * exports come through here; CSV has its own byte-level path for speed.
 */
import { findHeaderRow } from '../contract/header-row';
import type { IndicatorNames } from '../contract/wide';
import type { Problem } from '../contract/problem-types';
import { checkHeader, cleanName } from './csv-header';
import { Utf8Column } from './csv-columns';
import { utf8TableIPC } from './csv-table';
import { problem } from './read-problems';
import { emptyResult, type ReadResult } from './read-types';

/** One cell as text, or null when empty. */
export type Cell = string | null;

/** Where the grid sits in its sheet (0-based), so rows and columns are named as the spreadsheet names them. */
export interface GridOrigin {
  row: number;
  col: number;
}

/** The header of a grid: row index (0-based in `rows`), the names, and the title lines above it. */
export interface GridHeader {
  index: number;
  names: string[];
  titles: string[];
}

const text = (c: Cell | undefined): string => (c ?? '').trim();

/** The header row, merged with the row above where its own cell is empty (a two-row header). */
export function gridHeader(
  rows: readonly (readonly Cell[])[],
  names: IndicatorNames,
  fixed = false,
): GridHeader {
  if (fixed) {
    const own = (rows[0] ?? []).map((c) => cleanName(text(c)));
    while (own.length > 0 && own[own.length - 1] === '') own.pop();
    return { index: 0, names: own, titles: [] };
  }
  const candidates = rows.slice(0, 20).map((row, r) => {
    const above = r > 0 ? rows[r - 1]! : [];
    const width = Math.max(row.length, above.length);
    const own = Array.from({ length: row.length }, (_, c) => text(row[c]));
    const merged = Array.from({ length: width }, (_, c) => text(row[c]) || text(above[c]));
    return { own, merged };
  });
  const ownAt = findHeaderRow(
    candidates.map((c) => c.own),
    names,
  );
  const mergedAt = findHeaderRow(
    candidates.map((c) => c.merged),
    names,
  );
  // The merged reading only when it finds a header the rows alone do not.
  const useMerged = ownAt.score < 500 && mergedAt.score >= 500 && mergedAt.index > 0;
  const index = useMerged ? mergedAt.index : ownAt.index;
  const raw = (useMerged ? candidates[index]?.merged : candidates[index]?.own) ?? [];
  const cleaned = raw.map(cleanName);
  while (cleaned.length > 0 && cleaned[cleaned.length - 1] === '') cleaned.pop();
  const titles = rows
    .slice(0, index)
    .flatMap((r) => r.map(text).filter((t) => t !== ''))
    .slice(0, 20);
  return { index, names: cleaned, titles };
}

/** True when every cell of the row is empty. */
function blank(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((c) => text(c) === '');
}

/** Builds the reader's result from a grid; `problems` are what the reader already found. */
export function gridResult(
  file: string,
  format: NonNullable<ReadResult['format']>,
  rows: readonly (readonly Cell[])[],
  origin: GridOrigin,
  names: IndicatorNames,
  problems: Problem[],
  fixedHeader = false,
): ReadResult & { titles: string[] } {
  const header = gridHeader(rows, names, fixedHeader);
  const rowOffset = origin.row + header.index + 1;
  if (header.names.length === 0) {
    problems.push(
      problem(file, {
        code: 'empty-file',
        found: 'no cells with text in the sheet',
        expected: 'a row of column names and at least one row of data',
        fix: 'Pick the sheet that holds the table, or export it again.',
      }),
    );
    return { ...emptyResult(format, problems), titles: [] };
  }
  let last = rows.length - 1;
  while (last > header.index && blank(rows[last])) last--;
  const body = rows.slice(header.index + 1, last + 1);
  const width = header.names.length;
  const enc = new TextEncoder();
  const cols = Array.from({ length: width }, () => new Utf8Column(body.length * 8));
  for (const row of body) {
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== '') {
        const bytes = enc.encode(v);
        cols[c]!.add(bytes, 0, bytes.length);
      }
      cols[c]!.commit();
    }
  }
  const checked = checkHeader(file, rowOffset, header.names);
  problems.push(...checked.problems);
  if (body.length === 0)
    problems.push(
      problem(file, {
        code: 'empty-file',
        found: `column names (${header.names.join(', ')}) but no rows of data`,
        expected: 'at least one row of data below the column names',
        fix: 'Export the sheet with its data rows.',
      }),
    );
  const ipc = utf8TableIPC(checked.names, cols, body.length);
  return {
    ...emptyResult(format, problems),
    ipc,
    columns: checked.names,
    rows: body.length,
    rowOffset,
    firstColumn: origin.col,
    titles: header.titles,
    head: {
      rows: rows.slice(0, 25).map((r) => r.map((c) => c ?? '')),
      header: header.index,
      firstRow: origin.row + 1,
    },
  };
}
