/**
 * A CSV file (already decoded to UTF-8) into an Arrow table of text columns, with what was detected
 * (separator, decimal commas) and the problems found on the way. Types are left to the validator: a
 * cell reads "12,5" here, and the validator decides whether that is 12.5.
 */
import { checkHeader, cleanName, headerLooksLikeData } from './csv-header';
import { chooseDelimiter, delimiterName } from './csv-delimiter';
import { usesDecimalComma } from './csv-numbers';
import { FirstRecordSink, scanCsv } from './csv-parse';
import { TableSink, utf8TableIPC } from './csv-table';
import { csvMojibake, csvNul } from './csv-text';
import { fmt, problem } from './read-problems';
import { emptyResult, type Detected, type ReadResult } from './read-types';
import type { Problem } from '../contract/problem-types';
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../contract/header-row';
import type { IndicatorNames } from '../contract/wide';

const SAMPLE_ROWS = 1000;

/** "semicolon-separated, windows-1252, decimal commas": what was detected, for the report. */
export function describeDetected(d: Detected): string {
  const parts: string[] = [];
  if (d.delimiter !== undefined) parts.push(`${delimiterName(d.delimiter)}-separated`);
  if (d.encoding !== undefined) parts.push(d.encoding);
  if (d.decimalComma) parts.push('decimal commas');
  return parts.join(', ');
}

function emptyFile(file: string, found: string): Problem {
  return problem(file, {
    code: 'empty-file',
    found,
    expected: 'a first row of column names and at least one row of data',
    fix: 'Export the table again; check that the right sheet or query was saved.',
  });
}

interface HeadRecord {
  fields: string[];
  /** Lines read up to and including this record (its 1-based line number). */
  line: number;
  end: number;
  unclosedQuote: number;
}

/** The first records (up to 21), to find the header among title and note lines. */
function headRecords(utf8: Uint8Array, delim: number): HeadRecord[] {
  const out: HeadRecord[] = [];
  let pos = 0;
  let line = 0;
  for (let k = 0; k <= HEADER_SEARCH_ROWS && pos < utf8.length; k++) {
    const sink = new FirstRecordSink();
    const scan = scanCsv(utf8, pos, delim, sink);
    line += Math.max(1, scan.records);
    out.push({ fields: sink.fields, line, end: scan.end, unclosedQuote: scan.unclosedQuote });
    if (scan.unclosedQuote >= 0 || scan.end <= pos) break;
    pos = scan.end;
  }
  return out;
}

/** Reads CSV text. `encoding` and `before` come from decoding (before: its warnings). */
export function readCsv(
  file: string,
  utf8: Uint8Array,
  encoding: string,
  before: Problem[],
  names: IndicatorNames = new Map(),
  headerRow?: number,
): ReadResult & { titles?: string[] } {
  const problems = [...before];
  const result = (r: Partial<ReadResult>): ReadResult => ({ ...emptyResult('csv', problems), ...r });
  const choice = chooseDelimiter(utf8, 0);
  const delim = choice.delimiter;
  const detected: Detected = { delimiter: delim, encoding };

  const records = headRecords(utf8, delim.charCodeAt(0));
  const found = findHeaderRow(
    records.map((r) => r.fields.map(cleanName)),
    names,
  );
  // Title and note lines above the header are skipped only when a later line reads as a header, or when
  // the user says which record is the header (1-based, among the first ones).
  const at =
    headerRow !== undefined
      ? Math.min(Math.max(0, headerRow - 1), Math.max(0, records.length - 1))
      : found.score > 0
        ? found.index
        : 0;
  const chosen = records[at] ?? { fields: [], line: 1, end: utf8.length, unclosedQuote: -1 };
  const headScan = { records: chosen.line, end: chosen.end, unclosedQuote: chosen.unclosedQuote };
  const titles = records.slice(0, at).flatMap((r) => r.fields.map((f) => f.trim()).filter((f) => f !== ''));
  const rowOffset = Math.max(1, headScan.records);
  const raw = chosen.fields.map(cleanName);
  while (raw.length > 0 && raw[raw.length - 1] === '') raw.pop(); // "a,b,c," or Excel's empty columns
  if (raw.length === 0) {
    const rest = utf8.subarray(headScan.end);
    const text = rest.some((b) => b > 0x20 && b !== delim.charCodeAt(0));
    problems.push(
      text
        ? problem(file, {
            code: 'csv-parse',
            row: rowOffset,
            found: 'a first row without any column names',
            expected: 'the first row should name the columns, e.g. lau_code, year, indicator, value',
            fix: 'Type the column names into the first row.',
          })
        : emptyFile(file, 'no text, only blank lines or separators'),
    );
    return result({ detected, rowOffset });
  }
  if (headScan.unclosedQuote >= 0) {
    problems.push(unclosedQuote(file, rowOffset));
    return result({ detected, rowOffset });
  }

  const sink = new TableSink(raw.length, utf8.length - headScan.end);
  const body = scanCsv(utf8, headScan.end, delim.charCodeAt(0), sink);
  sink.trimTrailingBlankRows();
  const rows = sink.rows;
  const cols = sink.columns;

  const dec = new TextDecoder();
  const samples = cols.map((c) => {
    const out: string[] = [];
    for (let r = 0; r < Math.min(rows, SAMPLE_ROWS); r++) if (c.has(r)) out.push(dec.decode(c.bytesAt(r)));
    return out;
  });
  detected.decimalComma = usesDecimalComma(samples.flat());

  const header = checkHeader(file, rowOffset, raw);
  if (headerLooksLikeData(raw, samples)) {
    problems.push(
      problem(file, {
        code: 'csv-parse',
        row: rowOffset,
        found: `the first row holds values (${raw.slice(0, 4).join(', ')}) rather than column names`,
        expected: 'the first row should name the columns, e.g. lau_code, year, indicator, value',
        fix: 'Insert a row at the top with the column names of the table (see the data contract).',
      }),
    );
  }
  problems.push(...header.problems);

  // A header narrower or wider than the body (title lines above it, extra names) makes most rows
  // "ragged" in the same way; one message about the first row says it better than thousands of rows.
  const common = sink.commonRaggedWidth();
  if (common !== null) {
    const narrow = raw.length < common;
    problems.push(
      problem(file, {
        code: 'csv-parse',
        row: rowOffset,
        found: `the first row names ${raw.length} column(s) but most rows below have ${common} cells`,
        expected: 'a first row naming every column, and no title lines above it',
        fix: narrow
          ? 'Delete any title or note lines above the column names, and give every column a name.'
          : `Remove the extra names from the first row, or add the missing ${delimiterName(delim)}s to the rows.`,
      }),
    );
  } else {
    sink.ragged.forEach((r, k) => {
      const row = r.index + rowOffset + 1;
      const more = k === sink.ragged.length - 1 ? sink.raggedCount - sink.ragged.length : 0;
      problems.push(
        problem(file, {
          code: 'csv-parse',
          row,
          more,
          found: `row ${row} has ${r.cells > raw.length ? 'more' : 'fewer'} cells (${r.cells}) than the first row names (${raw.length})`,
          expected: `${raw.length} cells per row, separated by ${delimiterName(delim)}s`,
          fix: `Check row ${row} for a missing or extra ${delimiterName(delim)}, or a value containing "${delim === '\t' ? 'tab' : delim}" that is not inside double quotes.`,
        }),
      );
    });
  }
  if (body.unclosedQuote >= 0) problems.push(unclosedQuote(file, body.unclosedQuote + rowOffset + 1));
  if (choice.width < 2 && raw.length < 2) {
    problems.push(
      problem(file, {
        code: 'csv-parse',
        severity: 'warning',
        found: `a single column ("${raw[0]}"): no comma, semicolon, tab or | separates the values`,
        expected: 'one column per field of the table',
        fix: 'If the file should have several columns, save it again as CSV from the spreadsheet.',
      }),
    );
  }
  const moji = csvMojibake(file, header.names, cols, rowOffset);
  if (moji) problems.push(moji);
  const nul = csvNul(file, header.names, cols, rowOffset);
  if (nul) problems.push(nul);
  if (rows === 0) problems.push(emptyFile(file, `column names (${raw.join(', ')}) but no rows of data`));

  const ipc = utf8TableIPC(header.names, cols, rows);
  const head = { rows: records.map((r) => r.fields), header: at, firstRow: 1 };
  return { ...result({ ipc, columns: header.names, rows, rowOffset, detected }), titles, head };
}

function unclosedQuote(file: string, row: number): Problem {
  return problem(file, {
    code: 'csv-parse',
    row,
    found: `a double quote (") opened in row ${fmt(row)} is never closed, so the rest of the file was read as one cell`,
    expected: 'every quoted value closed with a second double quote',
    fix: `Close the quote in row ${fmt(row)}; a double quote inside a value must be written twice ("").`,
  });
}
