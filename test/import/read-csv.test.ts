import { tableFromIPC, Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { describeDetected, readInput, type ReadResult } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { concat, utf8 } from '../fixtures/import/make';

const mod = loadParquetModuleNode();

function read(text: string | Uint8Array, name = 'values.csv'): ReadResult {
  return readInput({ name, bytes: typeof text === 'string' ? utf8(text) : text }, mod);
}

/** The table as plain rows (null for null cells). */
function rowsOf(r: ReadResult): Record<string, string | null>[] {
  const t = tableFromIPC(r.ipc!);
  return t.toArray().map((row) => ({ ...(row.toJSON() as Record<string, string | null>) }));
}

function codes(r: ReadResult): string[] {
  return r.problems.map((p) => `${p.severity}:${p.code}`);
}

describe('readInput: CSV', () => {
  it('reads a plain comma-separated file into Utf8 columns with the header as row 1', () => {
    const r = read('lau_code,year,value\nAL111,2019,12.5\nAL112,2020,\n');
    expect(r.format).toBe('csv');
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual(['lau_code', 'year', 'value']);
    expect(r.rows).toBe(2);
    expect(r.rowOffset).toBe(1);
    expect(r.detected).toEqual({ delimiter: ',', encoding: 'UTF-8', decimalComma: false });
    const t = tableFromIPC(r.ipc!);
    expect(t.schema.fields.map((f) => f.type.typeId)).toEqual([Type.Utf8, Type.Utf8, Type.Utf8]);
    expect(rowsOf(r)).toEqual([
      { lau_code: 'AL111', year: '2019', value: '12.5' },
      { lau_code: 'AL112', year: '2020', value: null },
    ]);
  });

  it('removes a UTF-8 byte-order mark and trims header names', () => {
    const r = read(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(' lau_code , name \nAL111,Korçë\n')));
    expect(r.columns).toEqual(['lau_code', 'name']);
    expect(r.detected?.encoding).toBe('UTF-8 with BOM');
    expect(rowsOf(r)).toEqual([{ lau_code: 'AL111', name: 'Korçë' }]);
  });

  it('handles quotes, doubled quotes, separators and newlines inside quotes, and CRLF', () => {
    const r = read('id,name,note\r\n1,"Korçë, qendër","line one\r\nline ""two"""\r\n2,"",plain\r\n');
    expect(r.problems).toEqual([]);
    expect(rowsOf(r)).toEqual([
      { id: '1', name: 'Korçë, qendër', note: 'line one\r\nline "two"' },
      { id: '2', name: null, note: 'plain' },
    ]);
  });

  it('counts rows as a spreadsheet does when a quoted cell spans lines', () => {
    const r = read('a,b\n"x\ny",1\n2\n');
    const p = r.problems.find((q) => q.code === 'csv-parse')!;
    expect(p.row).toBe(3); // header 1, the two-line record 2, the short row 3
  });

  it('ignores trailing empty lines and separator-only lines at the end', () => {
    const r = read('a,b\n1,2\n\n,\n\r\n');
    expect(r.rows).toBe(1);
    expect(r.problems).toEqual([]);
  });

  it('keeps blank lines in the middle as empty rows so row numbers stay right', () => {
    const r = read('a,b\n1,2\n\n3\n');
    expect(r.rows).toBe(3);
    expect(r.problems.map((p) => p.row)).toEqual([4]);
  });

  it('tolerates a separator at the end of every line', () => {
    const r = read('a,b,c,\n1,2,3,\n4,5,6,\n');
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual(['a', 'b', 'c']);
    expect(rowsOf(r)[1]).toEqual({ a: '4', b: '5', c: '6' });
  });

  it('detects semicolons and decimal commas, keeping "12,5" as text', () => {
    const r = read('lau_code;year;value\nAL111;2019;12,5\nAL112;2019;7,25\nAL113;2019;1.234,5\n');
    expect(r.detected).toMatchObject({ delimiter: ';', decimalComma: true });
    expect(rowsOf(r)[0]!.value).toBe('12,5');
    expect(describeDetected(r.detected!)).toBe('semicolon-separated, UTF-8, decimal commas');
  });

  it('detects tabs and pipes', () => {
    expect(read('a\tb\tc\n1\t2,5\t3\n4\t5\t6\n').detected).toMatchObject({
      delimiter: '\t',
      decimalComma: true,
    });
    const pipe = read('a|b\n"x|y"|2\n3|4\n');
    expect(pipe.detected?.delimiter).toBe('|');
    expect(rowsOf(pipe)[0]).toEqual({ a: 'x|y', b: '2' });
  });

  it('prefers the separator that gives a consistent width even when values contain the others', () => {
    const r = read('name;note\nKorçë;"a, b, c"\nDurrës;d, e\nVlorë;f\n');
    expect(r.detected?.delimiter).toBe(';');
    expect(r.columns).toEqual(['name', 'note']);
  });

  it('reports ragged rows with their row numbers, five examples and a count of the rest', () => {
    const lines = ['a,b,c'];
    for (let i = 0; i < 32; i++) lines.push(i % 4 === 0 ? '1,2' : i % 4 === 1 ? '1,2,3,4' : '1,2,3');
    const r = read(lines.join('\n'));
    const ragged = r.problems.filter((p) => p.code === 'csv-parse');
    expect(ragged.map((p) => p.row)).toEqual([2, 3, 6, 7, 10]);
    expect(ragged[4]!.more).toBe(11);
    expect(ragged.slice(0, 4).every((p) => p.more === undefined)).toBe(true);
    expect(ragged.every((p) => p.severity === 'error' && p.file === 'values.csv')).toBe(true);
    expect(ragged[0]!.found).toContain('fewer cells (2)');
    expect(ragged[1]!.found).toContain('more cells (4)');
    expect(r.rows).toBe(32); // the table is still built so the validator can report the rest
  });

  it('names both columns of a duplicate header, including names that differ only in case', () => {
    const r = read('lau_code,year,Year,year\nAL111,1,2,3\n');
    const dup = r.problems.filter((p) => p.code === 'csv-parse');
    expect(dup).toHaveLength(2);
    expect(dup[0]!.found).toBe(
      'column 2 (B) and column 3 (C) are named "year" and "Year", which count as the same name',
    );
    expect(dup[1]!.found).toBe('column 2 (B) and column 4 (D) are both named "year"');
    expect(r.columns).toEqual(['lau_code', 'year', 'Year_2', 'year_3']);
  });

  it('reports empty header names', () => {
    const r = read('lau_code,,value\nAL111,x,1\n');
    expect(r.problems.map((p) => [p.code, p.found])).toEqual([
      ['csv-parse', 'column 2 (B) has no name in the first row'],
    ]);
    expect(r.columns).toEqual(['lau_code', 'column_2', 'value']);
  });

  it('says the first row should name the columns when it holds data', () => {
    const r = read('AL111,2019,child_poverty,12.5\nAL112,2019,child_poverty,13.1\n');
    const p = r.problems.find((q) => q.code === 'csv-parse')!;
    expect(p.row).toBe(1);
    expect(p.expected).toContain('the first row should name the columns');
    expect(read('id,value\n1,2\n3,4\n').problems).toEqual([]);
    expect(read('12,13.5\n1,2\n3,4\n').problems[0]?.found).toContain('holds values');
  });

  it('skips title lines above a header it recognises, keeping the row numbers of the file', () => {
    const r = read('Child poverty 2019\n\nlau_code,year,value\nAL111,2019,1\nAL112,2019,2\nAL113,2019,3\n');
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual(['lau_code', 'year', 'value']);
    expect(r.rowOffset).toBe(3);
    expect(r.rows).toBe(3);
  });

  it('points at title lines above a header it does not recognise instead of flagging every row', () => {
    const r = read('Child poverty 2019\ncode,yr,v\nAL111,2019,1\nAL112,2019,2\nAL113,2019,3\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.row).toBe(1);
    expect(r.problems[0]!.found).toBe('the first row names 1 column(s) but most rows below have 3 cells');
  });

  it('blames the header when it has extra names, but lists rows that disagree in different ways', () => {
    const wide = read('lau_code,year,value,note\nAL111,2019,1\nAL112,2019,2\n');
    expect(wide.problems.map((p) => p.row)).toEqual([1]);
    expect(wide.problems[0]!.fix).toBe(
      'Remove the extra names from the first row, or add the missing commas to the rows.',
    );
    const mixed = read('lau_code,year,value\nAL111,2019\nAL112,2019,1,2\n');
    expect(mixed.problems.map((p) => p.row)).toEqual([2, 3]);
  });

  it('reports a quote that is never closed', () => {
    const r = read('a,b\n1,"open\n2,3\n');
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['csv-parse', 2]]);
    expect(r.problems[0]!.found).toContain('never closed');
  });

  it('counts blank lines before the header in rowOffset', () => {
    const r = read('\n\na,b\n1,2\n3\n');
    expect(r.rowOffset).toBe(3);
    expect(r.problems[0]!.row).toBe(5);
  });

  it('treats a header without rows as an empty file, and blank text too', () => {
    const r = read('lau_code,year\n');
    expect(codes(r)).toEqual(['error:empty-file']);
    expect(r.columns).toEqual(['lau_code', 'year']);
    expect(codes(read('\r\n\n  \n'))).toEqual(['error:empty-file']);
    expect(codes(read(',,,\n'))).toEqual(['error:empty-file']);
    expect(codes(read(',,,\n1,2,3\n'))).toEqual(['error:csv-parse']);
  });

  it('warns when no separator splits the lines', () => {
    const r = read('lau_code year value\nAL111 2019 1\n');
    expect(codes(r)).toEqual(['warning:csv-parse']);
    expect(r.columns).toEqual(['lau_code year value']);
  });

  it('ignores the Ctrl-Z that old DOS tools put at the end of text files', () => {
    const r = read('a,b\r\n1,2\r\n\u001a');
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(1);
  });

  it('keeps a file without a final newline and a last empty field', () => {
    const r = read('a,b\n1,');
    expect(rowsOf(r)).toEqual([{ a: '1', b: null }]);
  });
});
