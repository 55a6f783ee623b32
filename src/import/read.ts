/**
 * The import path's first step: a user's file (name + bytes) into something the validator can stage in
 * DuckDB (an Arrow IPC stream, or a GeoJSON FeatureCollection for boundaries), or into problems that say
 * what is wrong and how to fix it. The format is judged by content, not by the name; a name that says
 * otherwise is mentioned when it helps explain a failure.
 *
 * Never throws for bad input: every failure is a Problem. Only programming errors escape.
 */
import type { ParquetModule } from '../engine/parquet';
import { msg } from '../contract/problem-text';
import type { IndicatorNames } from '../contract/wide';
import { decodeText } from './encoding';
import { sniff } from './format-sniff';
import { readCsv } from './read-csv';
import { readGeojson } from './read-geojson';
import { readParquetFile } from './read-parquet';
import { readWorkbook } from './read-workbook';
import { isWorkbookBytes } from './workbook-guard';
import { looksLikeDhis2, readDhis2Json } from './read-dhis2';
import { DEFAULT_LIMITS, tooLargeProblem } from './limits';
import { extensionOf, problem } from './read-problems';
import { emptyResult, type ReadInput, type ReadLimits, type ReadResult } from './read-types';

/** The reader's types, so callers need only this module. */
export type { Detected, ReadInput, ReadLimits, ReadResult } from './read-types';
/** "semicolon-separated, windows-1252, decimal commas" for the report. */
export { describeDetected } from './read-csv';

export { DEFAULT_LIMITS } from './limits';

const PARQUET_EXT = new Set(['parquet', 'parq', 'pq']);
const JSON_EXT = new Set(['geojson', 'json']);
const WORKBOOK_EXT = new Set(['xlsx', 'xlsm', 'xls', 'ods']);

function tooLarge(name: string, size: number, max: number): ReadResult {
  return emptyResult(null, [tooLargeProblem(name, size, max)]);
}

/** The first line of text, shortened, to show what a misnamed file contains. */
function firstLine(utf8: Uint8Array): string {
  const text = new TextDecoder().decode(utf8.subarray(0, 200)).split(/\r?\n/)[0] ?? '';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function readText(input: ReadInput): ReadResult {
  const { name, bytes } = input;
  const ext = extensionOf(name);
  const decoded = decodeText(name, bytes);
  if (!decoded.utf8) return emptyResult(null, decoded.problems);
  // Old DOS and Windows tools end text files with Ctrl-Z (0x1A); it is not data.
  const n = decoded.utf8.length;
  const utf8 = decoded.utf8[n - 1] === 0x1a ? decoded.utf8.subarray(0, n - 1) : decoded.utf8;
  let i = 0;
  while (i < utf8.length && (utf8[i] === 0x20 || utf8[i] === 0x09 || utf8[i] === 0x0a || utf8[i] === 0x0d))
    i++;
  const json = utf8[i] === 0x7b || utf8[i] === 0x5b; // "{" or "["
  if (PARQUET_EXT.has(ext) && i < utf8.length) {
    const looks = json ? 'JSON' : 'CSV';
    return emptyResult(null, [
      problem(name, {
        code: 'not-parquet',
        found: msg('problems.not-parquet.text.found', { ext, looks, line: firstLine(utf8.subarray(i)) }),
        expected: msg('problems.not-parquet.text.expected'),
        fix: msg('problems.not-parquet.text.fix', { to: json ? 'geojson' : 'csv', looks }),
      }),
    ]);
  }
  if (WORKBOOK_EXT.has(ext) && i < utf8.length) {
    // Web systems often save an HTML or XML table as ".xls": the workbook library reads those.
    if (utf8[i] === 0x3c) return readWorkbook(input, namesOf(input));
    return emptyResult(null, [
      problem(name, {
        code: 'not-workbook',
        found: msg('problems.not-workbook.text.found', {
          ext,
          looks: json ? 'JSON' : 'CSV',
          line: firstLine(utf8.subarray(i)),
        }),
        expected: msg('problems.not-workbook.text.expected', { ext }),
        fix: msg('problems.not-workbook.text.fix', { to: json ? 'json' : 'csv' }),
      }),
    ]);
  }
  if (json) {
    const text = new TextDecoder().decode(utf8);
    const dhis2 = looksLikeDhis2(text) ? readDhis2Json(name, text, namesOf(input)) : null;
    if (dhis2) return dhis2;
    const r = readGeojson(name, text, utf8, decoded.problems);
    if (decoded.encoding !== 'UTF-8' && decoded.encoding !== 'UTF-8 with BOM')
      r.detected = { encoding: decoded.encoding };
    return r;
  }
  if (JSON_EXT.has(ext) && i < utf8.length) {
    return emptyResult(null, [
      problem(name, {
        code: 'not-geojson',
        found: msg('problems.not-geojson.text.found', { ext, line: firstLine(utf8.subarray(i)) }),
        expected: msg('problems.not-geojson.text.expected'),
        fix: msg('problems.not-geojson.text.fix'),
      }),
    ]);
  }
  return readCsv(name, utf8, decoded.encoding, decoded.problems, namesOf(input), input.headerRow);
}

function namesOf(input: ReadInput): IndicatorNames {
  return new Map(input.indicatorNames ?? []);
}

/** Reads one file: Parquet, CSV, GeoJSON or a workbook, recognised by content. */
export function readInput(
  file: ReadInput,
  parquet: ParquetModule,
  limits: ReadLimits = DEFAULT_LIMITS,
): ReadResult {
  const { name, bytes } = file;
  if (bytes.length > limits.maxBytes) return tooLarge(name, bytes.length, limits.maxBytes);
  const s = sniff(bytes);
  const ext = extensionOf(name);
  switch (s.kind) {
    case 'empty':
      return emptyResult(null, [
        problem(name, {
          code: 'empty-file',
          found: msg('problems.empty-file.zeroBytes.found'),
          expected: msg('problems.empty-file.zeroBytes.expected'),
          fix: msg('problems.empty-file.zeroBytes.fix'),
        }),
      ]);
    case 'parquet':
      return readParquetFile(name, bytes, parquet);
    case 'binary':
      if (isWorkbookBytes(bytes)) return readWorkbook(file, namesOf(file));
      return emptyResult(null, [
        problem(name, {
          code: 'unknown-format',
          found: ((what) => (ext ? msg('problems.unknown-format.binary.named', { what, ext }) : what))(
            s.what ?? msg('problems.unknown-format.what.binary'),
          ),
          expected: msg('problems.unknown-format.binary.expected'),
          fix: s.fix ?? msg('problems.unknown-format.binary.fix'),
        }),
      ]);
    case 'text':
      try {
        return readText(file);
      } catch (err) {
        // Strings and arrays have engine limits (about 512 MB of text in V8): past them the file is too big.
        if (err instanceof RangeError) return tooLarge(name, bytes.length, bytes.length - 1);
        throw err;
      }
  }
}
