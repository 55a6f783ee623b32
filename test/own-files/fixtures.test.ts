/**
 * The own-files corpus (test/fixtures/own-files) checked against itself: every file is there, small, and
 * its `<file>.expected.json` says what its cells say, as read by other readers than the app's (exceljs,
 * the ODF XML, a CSV split, JSON.parse). The app's import of these files is tested elsewhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DIR, readCsv, readExcel, readOds, zipDirectory, type Cell, type Sheet } from './own-readers';

interface Expected {
  lau_code: string;
  year: number;
  indicator: string;
  value: number | null;
  sheet?: string;
  cell?: string;
  formula?: string;
  row?: number;
  rows?: number[];
  incomplete?: boolean;
  dx?: string;
  ou?: string;
}

const catalog = JSON.parse(readFileSync(join(DIR, '../../../public/data/catalog.json'), 'utf8')) as {
  indicators: Array<{ id: string; label: { en: string; sq: string } }>;
};
const lookup = readFileSync(join(DIR, '../../../data/geo/albania_municipalities_lookup.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const names = new Map(lookup.map((c) => [c[0]!, { name: c[1]!, ascii: c[2]! }]));
const indicatorNames = (id: string): string[] => {
  const m = catalog.indicators.find((i) => i.id === id)!;
  return [id, m.label.en, m.label.sq];
};
/** The indicator a sheet names only in its title or merged caption. */
const IMPLICIT: Record<string, string> = { Braktisja: 'dropout_rate', 'Ndihma ekonomike': 'econ_aid_share' };

const SCRIPTS = /^(README\.md|make[-_].*|own_common\.py|lo_encrypt\.py)$/;
const files = readdirSync(DIR).filter(
  (f) => !f.endsWith('.expected.json') && !SCRIPTS.test(f) && !f.startsWith('.'),
);
const expectedOf = (f: string): Expected[] =>
  JSON.parse(readFileSync(join(DIR, `${f}.expected.json`), 'utf8')) as Expected[];
const BAD = [
  'bomb.xlsx',
  'csv-renamed.xlsx',
  'empty-sheets-openpyxl.xlsx',
  'truncated.xlsx',
  'encrypted-libreoffice.xls',
];
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('own files: present and small', () => {
  it('has every kind of file the corpus promises, each with its expected values', () => {
    for (const f of [
      'long-table-openpyxl.xlsx',
      'merged-header-openpyxl.xlsx',
      'years-as-columns-exceljs.xlsx',
      'indicators-as-columns-exceljs.xlsx',
      'indicators-as-columns-exceljs.xlsm',
      'years-as-columns-libreoffice.xls',
      'long-table-libreoffice.ods',
      'rates-dropout-python.csv',
      'rates-dropout-openpyxl.xlsx',
      'dhis2-analytics-yearly.csv',
      'dhis2-analytics-quarterly.csv',
      'dhis2-analytics-monthly.csv',
      'dhis2-analytics-names.json',
      'dhis2-analytics-uids.json',
      'dhis2-plain-data-source.csv',
      'dhis2-category-options.csv',
      'dhis2-analytics-uids.csv',
      'formula-no-cache-openpyxl.xlsx',
      ...BAD,
    ])
      expect(files).toContain(f);
    for (const f of files) expect(readdirSync(DIR)).toContain(`${f}.expected.json`);
  });

  it('keeps each file under 100 kB (the bomb under 600 kB) and all under 1.5 MB', () => {
    let total = 0;
    for (const f of readdirSync(DIR)) {
      const size = statSync(join(DIR, f)).size;
      total += size;
      expect(size, f).toBeLessThan(f === 'bomb.xlsx' ? 600_000 : 100_000);
    }
    expect(total).toBeLessThan(1_500_000);
  });
});

function yearOf(c: Cell | undefined): number | undefined {
  if (!c) return undefined;
  if (c.value instanceof Date) return c.value.getUTCFullYear();
  if (typeof c.value === 'number') return c.value;
  const m = typeof c.value === 'string' ? /^(?:Viti )?(\d{4})\b/.exec(c.value) : null;
  return m ? Number(m[1]) : undefined;
}

/** The checks of one expected value against a sheet: its cell, and its place, year and indicator. */
function checkCell(file: string, sheets: Sheet[], e: Expected): void {
  const sheet = e.sheet ? sheets.find((s) => s.name === e.sheet) : sheets.find((s) => !s.hidden);
  const at = `${file} ${e.sheet ?? ''}!${e.cell}`;
  expect(sheet, at).toBeDefined();
  const [, col, rowText] = /^([A-Z]+)(\d+)$/.exec(e.cell!)!;
  const row = Number(rowText);
  const cell = sheet!.cells.get(e.cell!);
  if (e.value === null) expect([null, '..'], at).toContain(cell?.value ?? null);
  else expect(cell?.value, at).toBeCloseTo(e.value, 9);
  if (e.formula) expect(cell?.formula?.replace(/^of:=|^=/, '').replace(/[[\].]/g, ''), at).toBe(e.formula);
  const rowCells = [...sheet!.cells]
    .filter(([ref]) => new RegExp(`^[A-Z]+${row}$`).test(ref))
    .map(([, c]) => c);
  const head = [1, 2, 3, 4, 5].map((r) => sheet!.cells.get(`${col}${r}`));
  const m = names.get(e.lau_code)!;
  expect(
    rowCells.some((c) => c.value === m.name || c.value === e.lau_code),
    `${at} names ${m.name}`,
  ).toBe(true);
  const years = [...rowCells.filter((c) => c !== cell), ...head].map(yearOf);
  expect(years, `${at} year`).toContain(e.year);
  const labels = indicatorNames(e.indicator);
  const named = [...rowCells, ...head].some((c) => typeof c?.value === 'string' && labels.includes(c.value));
  expect(named || IMPLICIT[sheet!.name] === e.indicator, `${at} indicator`).toBe(true);
}

const GOOD_BOOKS = files.filter((f) => /\.(xlsx|xlsm|ods)$/.test(f) && !BAD.includes(f));

describe('own files: workbooks say what their expected values say', () => {
  it.each(GOOD_BOOKS)('%s', async (f) => {
    const sheets = f.endsWith('.ods') ? await readOds(f) : await readExcel(f);
    const expected = expectedOf(f);
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected) checkCell(f, sheets, e);
  });

  it('keeps the hidden notes sheet first and hidden, and formulas with cached results', async () => {
    const sheets = await readExcel('years-as-columns-exceljs.xlsx');
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Shënime', true],
      ['Braktisja', false],
      ['Ndihma ekonomike', false],
    ]);
    const b = sheets[1]!;
    expect(b.cells.get('A8')?.value).toBe('Qarku Dibër');
    expect(b.cells.get('C8')?.formula).toBe('AVERAGE(C4:C7)');
    expect([...b.cells.values()].some((c) => c.value === 'Gjithsej')).toBe(true);
  });

  it('writes 2021 as a date cell and a Gjithsej row under the long table', async () => {
    const [s] = await readExcel('long-table-openpyxl.xlsx');
    expect(s!.cells.get('B5')?.value).toEqual(new Date(Date.UTC(2021, 0, 1)));
    expect(s!.cells.get('A4')?.value).toBe('Bashkia');
    expect([...s!.cells.values()].some((c) => c.value === 'Gjithsej')).toBe(true);
  });

  it('the .xls is LibreOffice BIFF8 of the exceljs workbook, with its expected values', () => {
    expect(readFileSync(join(DIR, 'years-as-columns-libreoffice.xls')).subarray(0, 8)).toEqual(CFB);
    expect(expectedOf('years-as-columns-libreoffice.xls')).toEqual(
      expectedOf('years-as-columns-exceljs.xlsx'),
    );
  });

  it('the .xlsm has the macro-enabled content type', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(join(DIR, 'indicators-as-columns-exceljs.xlsm')));
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('sheet.macroEnabled.main+xml');
  });
});

function checkCsvRows(f: string, rows: string[][], e: Expected): void {
  const head = rows[0]!.map((h) => h.toLowerCase());
  const col = (...n: string[]): number => head.findIndex((h) => n.includes(h));
  const [value, period, place, data] = [
    col('value'),
    col('period', 'pe', 'year'),
    col('organisation unit', 'org unit', 'ou', 'municipality'),
    col('data', 'dx', 'indicator'),
  ];
  const lines = e.rows ?? [e.row!];
  const at = `${f} rows ${lines.join(',')}`;
  const sum = lines.reduce((s, n) => s + Number(rows[n - 1]![value]), 0);
  expect(sum, at).toBeCloseTo(e.value!, 9);
  const m = names.get(e.lau_code)!;
  for (const n of lines) {
    const r = rows[n - 1]!;
    expect(r[period]!.slice(0, 4), at).toBe(String(e.year));
    if (e.ou) expect([r[place], r[data]], at).toEqual([e.ou, e.dx]);
    else {
      const ou = r[place]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const forms = [m.ascii.toLowerCase(), ...(e.lau_code === 'AL224' ? ['tiran'] : [])];
      expect(
        forms.some((x) => ou.includes(x)),
        `${at}: ${r[place]}`,
      ).toBe(true);
      expect(indicatorNames(e.indicator), at).toContain(r[data]);
    }
  }
}

describe('own files: CSV and JSON exports say what their expected values say', () => {
  it.each(files.filter((f) => f.endsWith('.csv')))('%s', (f) => {
    const rows = readCsv(f);
    const expected = expectedOf(f);
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected) checkCsvRows(f, rows, e);
    // every data row is accounted for exactly once
    const used = expected.flatMap((e) => e.rows ?? [e.row!]).sort((a, b) => a - b);
    expect(used).toEqual(rows.slice(1).map((_, i) => i + 2));
  });

  it('marks the incomplete year of sub-year exports', () => {
    for (const f of ['dhis2-analytics-quarterly.csv', 'dhis2-analytics-monthly.csv']) {
      const e = expectedOf(f);
      expect(e.filter((x) => x.incomplete).every((x) => x.year === 2024)).toBe(true);
      expect(e.filter((x) => x.year === 2023).some((x) => x.incomplete)).toBe(false);
    }
  });

  it.each(['dhis2-analytics-names.json', 'dhis2-analytics-uids.json'])('%s', (f) => {
    const doc = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as {
      headers: Array<{ name: string; column: string }>;
      rows: string[][];
      metaData: { items: Record<string, { name: string }> };
      height: number;
    };
    expect(doc.headers.map((h) => h.name)).toEqual(['dx', 'ou', 'pe', 'value']);
    expect(doc.height).toBe(doc.rows.length);
    for (const e of expectedOf(f)) {
      const [dx, ou, pe, value] = doc.rows[e.row! - 1]!;
      expect(Number(value)).toBe(e.value);
      expect(pe).toBe(String(e.year));
      expect(indicatorNames(e.indicator)).toContain(doc.metaData.items[dx!]!.name);
      const ouName = doc.metaData.items[ou!]!.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      expect(ouName).toContain(names.get(e.lau_code)!.ascii.toLowerCase().slice(0, 5));
    }
  });
});

describe('own files: bad workbooks are bad in the way they say', () => {
  it('the encrypted workbook is a compound file that exceljs cannot open', async () => {
    expect(readFileSync(join(DIR, 'encrypted-libreoffice.xls')).subarray(0, 8)).toEqual(CFB);
    await expect(readExcel('encrypted-libreoffice.xls')).rejects.toThrow();
  });

  it('the truncated workbook is the first half of the long table', async () => {
    const whole = readFileSync(join(DIR, 'long-table-openpyxl.xlsx'));
    const cut = readFileSync(join(DIR, 'truncated.xlsx'));
    expect(cut.length).toBe(Math.floor(whole.length / 2));
    expect(whole.subarray(0, cut.length).equals(cut)).toBe(true);
    await expect(readExcel('truncated.xlsx')).rejects.toThrow();
  });

  it('the renamed CSV is text, not a zip', () => {
    const b = readFileSync(join(DIR, 'csv-renamed.xlsx'));
    expect(b.subarray(0, 2).toString()).not.toBe('PK');
    expect(readCsv('csv-renamed.xlsx')[0]).toEqual(['Bashkia', 'Viti', 'Treguesi', 'Vlera']);
  });

  it('the empty workbook has sheets without a cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(DIR, 'empty-sheets-openpyxl.xlsx')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => [w.name, w.actualRowCount])).toEqual([
      ['Fleta1', 0],
      ['Fleta2', 0],
    ]);
  });

  it('the bomb states a sheet of more than 500 MiB in a file of 0.5 MB (never inflated here)', () => {
    const sheet = zipDirectory('bomb.xlsx').find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressed).toBeGreaterThan(500 * 1024 * 1024);
    expect(sheet.compressed).toBeLessThan(600_000);
  });

  it('every bad workbook expects nothing loaded', () => {
    for (const f of BAD) expect(expectedOf(f)).toEqual([]);
  });
});
