/**
 * CSV export: RFC 4180 quoting and CRLF, BOM, plain numbers, the formula-injection guard and suppressed
 * cells; a fast-check round trip through the import path's own RFC 4180 scanner (src/import/csv-parse).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCsv, type FieldSink } from '../src/import/csv-parse';
import { BOM, csvCell, guardText, plainNumber, shownCell, toCsv } from '../src/export/csv';
import { MAP_CSV_HEADER, mapTableCsv } from '../src/export/map-csv';

/** Parses CSV text into records of strings with the import scanner. */
function parse(text: string): string[][] {
  const bytes = new TextEncoder().encode(text);
  const records: string[][] = [];
  let fields: string[] = [];
  let parts: Uint8Array[] = [];
  const dec = new TextDecoder();
  const sink: FieldSink = {
    part: (_c, src, s, e) => void parts.push(src.slice(s, e)),
    field: () => {
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) all.set(p, (o += p.length) - p.length);
      fields.push(dec.decode(all));
      parts = [];
    },
    record: () => {
      records.push(fields);
      fields = [];
      return true;
    },
  };
  const outcome = scanCsv(bytes, 0, 0x2c, sink);
  expect(outcome.unclosedQuote).toBe(-1);
  return records;
}

interface Row {
  name: string;
  n: number | null;
}
const columns = [
  { header: 'name', value: (r: Row) => r.name },
  { header: 'n', value: (r: Row) => r.n },
];

describe('toCsv', () => {
  it('writes a header and CRLF-terminated rows, quoting only where needed', () => {
    const text = toCsv<Row>(
      [
        { name: 'Korçë', n: 12.5 },
        { name: 'a, "b"', n: null },
        { name: 'line\nbreak', n: -3 },
      ],
      columns,
    );
    expect(text).toBe('name,n\r\nKorçë,12.5\r\n"a, ""b""",\r\n"line\nbreak",-3\r\n');
  });

  it('starts with a BOM only when asked', () => {
    expect(toCsv<Row>([], columns, { bom: true })).toBe(`${BOM}name,n\r\n`);
    expect(toCsv<Row>([], columns).startsWith(BOM)).toBe(false);
  });

  it('guards text that a spreadsheet would run as a formula, but not numbers', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")']) {
      expect(guardText(bad)).toBe(`'${bad}`);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('Dibër')).toBe('Dibër');
    expect(csvCell("'quoted")).toBe("'quoted");
  });
});

describe('plainNumber', () => {
  it('writes numbers with a dot, no grouping and no exponent', () => {
    expect(plainNumber(1234567.25)).toBe('1234567.25');
    expect(plainNumber(-0.5)).toBe('-0.5');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(-1.5e-10)).toBe('-0.00000000015');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.2345e22)).toBe('12345000000000000000000');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(NaN)).toBe('');
    expect(plainNumber(Infinity)).toBe('');
  });

  it('reads back as the same double for any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = plainNumber(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shownCell', () => {
  it('never carries a suppressed number, and says why a cell is empty', () => {
    expect(shownCell({ value: 3, suppressed: true })).toEqual({ value: null, status: 'suppressed' });
    expect(shownCell({ value: null, suppressed: true })).toEqual({ value: null, status: 'suppressed' });
    expect(shownCell({ value: null, suppressed: false })).toEqual({ value: null, status: 'no data' });
    expect(shownCell(undefined)).toEqual({ value: null, status: 'no data' });
    expect(shownCell({ value: 0, suppressed: false })).toEqual({ value: 0, status: 'shown' });
  });

  it('a suppressed value never reaches the CSV text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 100, max: 999 }), (small, big) => {
        const rows = [
          { lau: 'AL111', v: { value: small * 1000 + 7, suppressed: true } },
          { lau: 'AL112', v: { value: big, suppressed: false } },
        ];
        const text = toCsv(rows, [
          { header: 'lau_code', value: (r) => r.lau },
          { header: 'value', value: (r) => shownCell(r.v).value },
          { header: 'status', value: (r) => shownCell(r.v).status },
        ]);
        expect(text).not.toContain(String(small * 1000 + 7));
        expect(parse(text)).toEqual([
          ['lau_code', 'value', 'status'],
          ['AL111', '', 'suppressed'],
          ['AL112', String(big), 'shown'],
        ]);
      }),
    );
  });
});

describe('round trip through an RFC 4180 parser', () => {
  it('gives back every cell (text guarded), for any text and numbers', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('=1+1', '"', '""', ',', '\r\n', '\n', 'ë', 'ç', ' Ç ', '-2', '@x'),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((w) =>
            fc.tuple(
              fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: w, maxLength: w }),
              fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 8 }),
            ),
          ),
        fc.boolean(),
        ([headers, rows], bom) => {
          const cols = headers.map((header, i) => ({ header, value: (r: (typeof rows)[number]) => r[i]! }));
          let text = toCsv(rows, cols, { bom });
          expect(text.endsWith('\r\n')).toBe(true);
          if (bom) {
            expect(text.startsWith(BOM)).toBe(true);
            text = text.slice(1);
          }
          const expected = [headers, ...rows].map((r) =>
            r.map((v) => (v === null ? '' : typeof v === 'number' ? plainNumber(v) : guardText(v))),
          );
          const got = parse(text);
          expect(got).toEqual(expected);
          rows.forEach((r, j) =>
            r.forEach((v, i) => {
              if (typeof v === 'number') expect(Number(got[j + 1]![i])).toBe(v === 0 ? 0 : v);
            }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('mapTableCsv', () => {
  it('lists every municipality with the shown value or why it is empty, with a BOM and diacritics', () => {
    const munis = [
      { lau_code: 'AL343', name: 'Korçë', qark_name: 'Korçë' },
      { lau_code: 'AL112', name: 'Dibër', qark_name: 'Dibër' },
      { lau_code: 'AL111', name: 'Bulqizë', qark_name: 'Dibër' },
    ];
    const values = new Map([
      ['AL343', { value: 12.25, suppressed: false }],
      ['AL112', { value: 3, suppressed: true }],
    ]);
    const text = mapTableCsv(munis, values, 'dv_reports', 2024);
    expect(text.startsWith(BOM)).toBe(true);
    expect(parse(text.slice(1))).toEqual([
      [...MAP_CSV_HEADER],
      ['AL343', 'Korçë', 'Korçë', '2024', 'dv_reports', '12.25', 'shown'],
      ['AL112', 'Dibër', 'Dibër', '2024', 'dv_reports', '', 'suppressed'],
      ['AL111', 'Bulqizë', 'Dibër', '2024', 'dv_reports', '', 'no data'],
    ]);
    expect(MAP_CSV_HEADER).toEqual([
      'lau_code',
      'municipality',
      'county',
      'year',
      'indicator',
      'value',
      'status',
    ]);
  });
});
