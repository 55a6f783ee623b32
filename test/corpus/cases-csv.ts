/**
 * The layout of a CSV file: separators and decimal commas, line ends, blank lines, quoting, ragged rows,
 * and files with a header and nothing else.
 */
import type { Base } from './base';
import { csv } from './bytes';
import { fileCase, type CorpusCase } from './types';

/** Separators, decimal commas, line ends and quoting. */
export function csvCases(b: Base): CorpusCase[] {
  const v = b.values;
  const decimalComma = v.rows.map((r) =>
    r.map((c) => (typeof c === 'number' ? String(c).replace('.', ',') : c)),
  );
  const facilityHeader = b.facilities.header;
  const quotedNewline = b.facilities.rows.map((r, i) =>
    i === 1 ? [r[0]!, r[1]!, 'NJMF\nKukës (two lines)', ...r.slice(3)] : r,
  );
  // An error after the quoted newline: row 4 of the spreadsheet is the third facility.
  const afterNewline = quotedNewline.map((r, i) => (i === 2 ? [...r.slice(0, 8), -1] : r));
  const lines = csv(v.header, v.rows).split('\n');
  return [
    fileCase(
      'sep-semicolon-decimal-comma.csv',
      'semicolon-separated with decimal commas (12,5)',
      csv(v.header, decimalComma, ';'),
      'ok',
    ),
    fileCase(
      'sep-semicolon-grouped.csv',
      'semicolon-separated, decimal commas and "48.210" grouped thousands',
      csv(
        v.header,
        decimalComma.map((r, i) => (i === 0 ? [r[0]!, r[1]!, r[2]!, '48.210', null, null] : r)),
        ';',
      ),
      'ok',
    ),
    fileCase(
      'sep-semicolon-decimal-point.csv',
      'semicolon-separated with decimal points',
      csv(v.header, v.rows, ';'),
      'ok',
    ),
    fileCase('sep-tab.csv', 'tab-separated', csv(v.header, v.rows, '\t'), 'ok'),
    fileCase('sep-pipe.csv', 'pipe-separated', csv(v.header, v.rows, '|'), 'ok'),
    fileCase('eol-crlf.csv', 'CRLF line ends', csv(v.header, v.rows, ',', '\r\n'), 'ok'),
    fileCase('eol-cr.csv', 'old Mac CR-only line ends', csv(v.header, v.rows, ',', '\r'), 'ok'),
    fileCase('eol-none-at-end.csv', 'no line end after the last row', csv(v.header, v.rows).trimEnd(), 'ok'),
    fileCase(
      'blank-lines.csv',
      'blank lines before the header and between rows',
      `\n\n${lines.slice(0, 5).join('\n')}\n\n${lines.slice(5).join('\n')}`,
      'ok',
    ),
    fileCase(
      'blank-lines-trailing.csv',
      'three blank lines after the last row',
      `${csv(v.header, v.rows)}\n\n\n`,
      'ok',
    ),
    fileCase(
      'header-trailing-empty.csv',
      'Excel-style trailing empty columns: "a,b,c,," with empty cells below',
      csv(
        [...v.header, '', ''],
        v.rows.map((r) => [...r, null, null]),
      ),
      'ok',
    ),
    fileCase(
      'quoted-newline.csv',
      'a facility name with a line break inside quotes',
      csv(facilityHeader, quotedNewline),
      'ok',
    ),
    fileCase(
      'quoted-newline-row-number.csv',
      'negative staff on the row after a quoted line break: the row is 4',
      csv(facilityHeader, afterNewline),
      ['negative-count'],
      { row: 4 },
    ),
    fileCase(
      'quote-unterminated.csv',
      'a quote opened and never closed',
      `${lines.slice(0, 3).join('\n')}\n"AL121,2024,dv_reports,3,,\n${lines.slice(3).join('\n')}`,
      ['csv-parse'],
    ),
    fileCase(
      'ragged-short.csv',
      'a row with two cells missing',
      `${lines.slice(0, 3).join('\n')}\nAL121,2024,dv_reports,3\n${lines.slice(3).join('\n')}`,
      ['csv-parse'],
      { row: 4 },
    ),
    fileCase(
      'ragged-long.csv',
      'a row with two cells too many',
      `${lines.slice(0, 3).join('\n')}\nAL121,2024,dv_reports,3,,,x,y\n${lines.slice(3).join('\n')}`,
      ['csv-parse'],
      { row: 4 },
    ),
    fileCase('header-only.csv', 'a header and no rows', `${v.header.join(',')}\n`, ['empty-file']),
    fileCase(
      'header-only-crlf-bom.csv',
      'UTF-8 BOM, a header and CRLF, no rows',
      `\ufeff${v.header.join(',')}\r\n`,
      ['empty-file'],
    ),
    fileCase('whitespace-only.csv', 'only spaces and line ends', ' \n \r\n\t\n', ['empty-file']),
  ];
}
