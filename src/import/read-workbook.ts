/**
 * Workbooks (.xlsx, .xlsm, .xls BIFF8, .ods) into the reader's table, with SheetJS Community Edition
 * (@e965/xlsx: one library for all four formats, Apache-2.0, kept up to date on the registry; exceljs reads
 * xlsx only). Numbers stay numbers (written as JavaScript prints them, "." as decimal point), a cell
 * formatted as a percentage is read as the percentage it shows, a date where a year is meant becomes the
 * year, a formula is read as its cached value (one without is a warning naming the cell), merged header
 * cells are spread over their columns and hidden sheets are skipped. The sheet read is the one asked for,
 * else the first visible sheet whose header is recognised, else the first visible sheet with cells.
 */
import * as XLSX from '@e965/xlsx';
import { headerScore } from '../contract/header-row';
import type { IndicatorNames } from '../contract/wide';
import { msg } from '../contract/problem-text';
import type { Problem } from '../contract/problem-types';
import { gridResult, type Cell } from './grid-table';
import { problem } from './read-problems';
import { emptyResult, type ReadInput, type ReadResult, type SheetInfo } from './read-types';
import { encryptedProblem, workbookGuard } from './workbook-guard';

type Sheet = XLSX.WorkSheet;

/** SheetJS's number-format library (typed `any` by the package). */
interface SSF {
  is_date(format: string): boolean;
  parse_date_code(v: number): { y: number; m: number; d: number } | null;
}

/** A date serial as text: the year where a year is meant (1 January, or a `yyyy` format), else ISO. */
function dateText(v: number, z: string): string {
  const d = (XLSX.SSF as SSF).parse_date_code(v);
  if (!d) return String(v);
  if (/^[\s"]*y+[\s"]*$/i.test(z) || (d.m === 1 && d.d === 1)) return String(d.y);
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

/** Formulas are looked at (for results not saved) up to this size: parsing them costs a third more time. */
const FORMULA_CHECK_BYTES = 8 * 1024 * 1024;

/** One cell as text: numbers as numbers, percentages as shown, dates as years where a year is meant. */
function cellText(c: XLSX.CellObject | undefined): Cell {
  if (!c) return null;
  switch (c.t) {
    case 'n': {
      const v = c.v as number;
      const z = typeof c.z === 'string' ? c.z : '';
      if (z !== '' && z !== 'General' && (XLSX.SSF as SSF).is_date(z)) return dateText(v, z);
      const pct = z.includes('%');
      return String(pct ? Number((v * 100).toPrecision(12)) : v);
    }
    case 'd': {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      if (Number.isNaN(d.getTime())) return c.w ?? null;
      const yearOnly = typeof c.z === 'string' && /^[\s"]*y+[\s"]*$/i.test(c.z);
      if (yearOnly || (d.getUTCMonth() === 0 && d.getUTCDate() === 1)) return String(d.getUTCFullYear());
      return d.toISOString().slice(0, 10);
    }
    case 'b':
      return c.v ? 'true' : 'false';
    case 's':
      return typeof c.v === 'string' ? c.v : String(c.v ?? '');
    case 'e':
      return c.w ?? '#ERROR';
    default:
      return null;
  }
}

interface SheetGrid {
  rows: Cell[][];
  origin: { row: number; col: number };
  /** Cells holding a formula without a cached value ("C7"). */
  noValue: string[];
}

/** The sheet's cells as text, with merged cells of its first rows spread over the range. */
function sheetGrid(ws: Sheet): SheetGrid {
  const ref = ws['!ref'];
  if (!ref) return { rows: [], origin: { row: 0, col: 0 }, noValue: [] };
  const range = XLSX.utils.decode_range(ref);
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const rows: Cell[][] = [];
  const noValue: string[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const src = data[r];
    const row: Cell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = src?.[c];
      if (cell?.f !== undefined && (cell.t === 'z' || cell.v === undefined))
        noValue.push(XLSX.utils.encode_cell({ r, c }));
      row.push(cellText(cell));
    }
    rows.push(row);
  }
  for (const m of ws['!merges'] ?? []) {
    if (m.s.r - range.s.r > 25) continue;
    const v = rows[m.s.r - range.s.r]?.[m.s.c - range.s.c] ?? null;
    for (let r = m.s.r; r <= m.e.r; r++)
      for (let c = m.s.c; c <= m.e.c; c++) {
        const row = rows[r - range.s.r];
        if (row && (r !== m.s.r || c !== m.s.c)) row[c - range.s.c] = v;
      }
  }
  return { rows, origin: { row: range.s.r, col: range.s.c }, noValue };
}

function filled(rows: readonly Cell[][]): boolean {
  return rows.some((r) => r.some((c) => c !== null && c.trim() !== ''));
}

/** The best header score among a grid's first 20 rows (0 when none reads as a header). */
function recognised(rows: readonly Cell[][], names: IndicatorNames): boolean {
  return rows.slice(0, 21).some((r, i) => {
    const merged = r.map((c, k) => (c ?? '').trim() || (rows[i - 1]?.[k] ?? '').trim());
    return (
      headerScore(
        r.map((c) => (c ?? '').trim()),
        names,
      ) >= 500 || headerScore(merged, names) >= 500
    );
  });
}

function library(file: string, err: unknown): Problem {
  const message = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(message)) return encryptedProblem(file);
  return problem(file, {
    code: 'corrupt-workbook',
    found: msg('problems.corrupt-workbook.library.found', { error: message.slice(0, 120) }),
    expected: msg('problems.corrupt-workbook.library.expected'),
    fix: msg('problems.corrupt-workbook.library.fix'),
  });
}

/** Reads a workbook; `names` recognises headers that name indicators. */
export function readWorkbook(input: ReadInput, names: IndicatorNames): ReadResult {
  const { name: file, bytes } = input;
  const guard = workbookGuard(file, bytes);
  if (guard) return emptyResult(null, [guard]);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: bytes.length <= FORMULA_CHECK_BYTES,
      cellNF: true,
      sheetStubs: true,
    });
  } catch (err) {
    return emptyResult(null, [library(file, err)]);
  }
  const meta = wb.Workbook?.Sheets ?? [];
  const grids = new Map<string, SheetGrid>();
  const sheets: SheetInfo[] = wb.SheetNames.map((name, i) => {
    const hidden = (meta[i]?.Hidden ?? 0) !== 0;
    const grid = sheetGrid(wb.Sheets[name]!);
    grids.set(name, grid);
    const rows = grid.rows.length;
    return { name, number: i + 1, hidden, rows, recognised: !hidden && recognised(grid.rows, names) };
  });
  const problems: Problem[] = [];
  let chosen: SheetInfo | undefined;
  if (input.sheet !== undefined) {
    const want = input.sheet;
    chosen = sheets.find((s) => (typeof want === 'number' ? s.number === want : s.name === want));
    chosen ??= sheets.find(
      (s) => typeof want === 'string' && s.name.trim().toLowerCase() === want.trim().toLowerCase(),
    );
    if (!chosen)
      return {
        ...emptyResult(null, [
          problem(file, {
            code: 'unknown-sheet',
            found:
              typeof want === 'number'
                ? msg('problems.unknown-sheet.number', { n: want })
                : msg('problems.unknown-sheet.named', { name: want }),
            expected: msg('problems.unknown-sheet.expected', {
              sheets: sheets.map((s) => `${s.number}. ${s.name}`).join(', '),
            }),
            fix: msg('problems.unknown-sheet.fix'),
          }),
        ]),
        sheets,
      };
  } else {
    const visible = sheets.filter((s) => !s.hidden);
    chosen = visible.find((s) => s.recognised) ?? visible.find((s) => filled(grids.get(s.name)!.rows));
  }
  if (!chosen || !filled(grids.get(chosen.name)!.rows)) {
    return {
      ...emptyResult(null, [
        problem(file, {
          code: 'empty-workbook',
          found: chosen
            ? msg('problems.empty-workbook.sheet', { name: chosen.name })
            : msg('problems.empty-workbook.none', { n: sheets.length }),
          expected: msg('problems.empty-workbook.expected'),
          fix: msg('problems.empty-workbook.fix'),
        }),
      ]),
      sheets,
    };
  }
  const grid = grids.get(chosen.name)!;
  const cut = input.headerRow !== undefined ? Math.max(0, input.headerRow - 1 - grid.origin.row) : 0;
  const rows = cut > 0 ? grid.rows.slice(cut) : grid.rows;
  const origin = { row: grid.origin.row + cut, col: grid.origin.col };
  if (grid.noValue.length > 0)
    problems.push(
      problem(file, {
        code: 'formula-no-value',
        severity: 'warning',
        column: null,
        found: msg('problems.formula-no-value.found', {
          n: grid.noValue.length,
          sheet: chosen.name,
          cells: `${grid.noValue.slice(0, 5).join(', ')}${grid.noValue.length > 5 ? ', …' : ''}`,
        }),
        expected: msg('problems.formula-no-value.expected'),
        fix: msg('problems.formula-no-value.fix'),
      }),
    );
  const result = gridResult(file, 'workbook', rows, origin, names, problems, cut > 0);
  return { ...result, sheets, sheet: chosen.name, titles: [...result.titles, chosen.name] };
}
