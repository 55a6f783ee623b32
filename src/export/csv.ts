/**
 * Tables as CSV text a spreadsheet opens right: RFC 4180 quoting, CRLF line ends, an optional UTF-8 byte
 * order mark (Excel reads BOM-less files in the system code page and garbles ë and ç), numbers written
 * plainly (dot decimal, no grouping, no exponent), and a guard against spreadsheet formula injection.
 * Pure: no DOM. Suppressed values go through {@link shownCell}, so a hidden count is never written.
 */

/** One column of a CSV export: its header and how a row gives its cell. */
export interface CsvColumn<R> {
  header: string;
  /** The cell: text, a number (written plainly), or null for an empty cell. */
  value: (row: R) => string | number | null;
}

/** How the text is written. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), for Excel. Default false. */
  bom?: boolean;
}

/** The UTF-8 byte order mark as a character. */
export const BOM = '\ufeff';

/** Characters that make a spreadsheet read a text cell as a formula (or as its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A number as plain decimal text: shortest round-trip digits, dot decimal, no grouping and no exponent
 * (1e-7 is written 0.0000001, 1e21 as 1000000000000000000000). -0 is 0; NaN and infinities are empty.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0) || n === 0) return '0';
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  // Expand "d.ddde±x" by moving the decimal point in the digit string: exact, no new digits.
  const sign = s.startsWith('-') ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const exp = Number(s.slice(e + 1));
  const [int = '', frac = ''] = mantissa.split('.');
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Text a spreadsheet shows as text: a cell starting with = + - @ TAB or CR gets a leading apostrophe
 * (OWASP's advice for CSV injection), so "=HYPERLINK(...)" from a data file is never evaluated.
 */
export function guardText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when it holds a comma, a quote, CR or LF (quotes doubled), per RFC 4180. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell value as field text: numbers plainly, text guarded and quoted, null empty. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  return csvField(guardText(value));
}

/** Rows as CSV: a header line, then one line per row, every line ending in CRLF. */
export function toCsv<R>(
  rows: readonly R[],
  columns: readonly CsvColumn<R>[],
  options: CsvOptions = {},
): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${options.bom ? BOM : ''}${lines.join('\r\n')}\r\n`;
}

/** What a value's status column says. */
export type CellStatus = 'shown' | 'suppressed' | 'no data';

/**
 * The value and status cells of a possibly suppressed value: a suppressed value is an empty cell with
 * status "suppressed", whatever number it carries (the number is never written); a missing value is an
 * empty cell with status "no data".
 */
export function shownCell(v: { value: number | null; suppressed: boolean } | undefined): {
  value: number | null;
  status: CellStatus;
} {
  if (v?.suppressed) return { value: null, status: 'suppressed' };
  if (!v || v.value === null || !Number.isFinite(v.value)) return { value: null, status: 'no data' };
  return { value: v.value, status: 'shown' };
}
