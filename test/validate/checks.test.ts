/**
 * Every check fires on the row and column it should (spreadsheet rows: the header is row 1), and a clean
 * file of every kind gives no problem at all.
 */
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/engine/connector';
import type { ProblemCode } from '../../src/contract/problem-types';
import { stageAndValidate } from '../../src/contract/stage';
import { demoConnector } from '../engine-setup';
import { csvIpc, demoContext, docExamples, parseCsv, stageCsv, where } from '../fixtures/validate/setup';

let conn: Connector;
beforeAll(async () => {
  conn = await demoConnector();
}, 60_000);
afterAll(() => conn.close());

const V = ['lau_code', 'year', 'indicator', 'value', 'numerator', 'denominator'];
const F = ['id', 'lau_code', 'name', 'lon', 'lat', 'opened', 'closed', 'supporter', 'staff'];
const S = ['school_id', 'lau_code', 'lon', 'lat', 'level', 'year', 'enrolled', 'dropouts'];
const C = ['year', 'month', 'municipality', 'age_band', 'sex', 'case_type', 'referral_source'];
const K = [
  'id',
  'label_en',
  'label_sq',
  'unit_en',
  'unit_sq',
  'higher_is_worse',
  'aggregation',
  'scale',
  'sensitive',
];
const okV = ['AL121', '2024', 'child_pop', '20000', '', ''];
const okF = ['F1', 'AL121', 'CPU Durrës', '19.45', '41.32', '2010', '', 'UNICEF', '3'];
const okS = ['S001', 'AL121', '', '', 'basic', '2024', '300', '6'];
const okC = ['2024', '3', 'Durrës', '6-11', 'F', 'abuse', 'school'];
const okK = [
  'shelter_places',
  'Shelter places',
  'Vende strehimi',
  'places',
  'vende',
  'false',
  'sum',
  '1',
  'false',
];

const clean: [string, string[], string[][]][] = [
  [
    'indicator_values',
    V,
    [
      okV,
      ['AL121', '2024', 'cp_cases_rate', '5.5', '11', '2000'],
      ['Tirana', '2024', 'dropout_rate', '', '30', '1000'],
      ['al132', '2015', 'trafficking_referrals', '0', '', ''],
      ['AL132', '2016', 'trafficking_referrals', 'NA', '', ''],
    ],
  ],
  ['catalog', K, [okK, ['x_rate', 'X', 'X', '%', '%', 'yes', 'ratio', '100', 'po']]],
  ['facilities', F, [okF, ['F2', 'Korça', 'Unit 2', '20.78', '40.62', '2008', '2020', '', '']]],
  [
    'caseload',
    ['facility_id', 'year', 'children_assisted'],
    [
      ['F1', '2024', '35'],
      ['F1', '2023', '0'],
    ],
  ],
  ['schools', S, [okS, ['S001', 'AL121', '19.45', '41.32', 'upper_secondary', '2024', '120', '0']]],
  [
    'cases',
    C,
    [
      okC,
      ['2024', '', 'AL224', '', '', 'trafficking', ''],
      ['2023', '12', 'Kukësi', '15–17', 'x', 'other', 'ngo'],
    ],
  ],
  [
    'boundaries',
    ['lau_code', 'geometry'],
    [['AL121', 'POLYGON((19.4 41.3, 19.5 41.3, 19.5 41.4, 19.4 41.3))']],
  ],
];

describe('the CSV examples of docs/data-contract.md', () => {
  const examples = docExamples('csv');
  it('cover the six table kinds', () => {
    expect(examples.map((e) => e.kind)).toEqual([
      'indicator_values',
      'catalog',
      'facilities',
      'caseload',
      'schools',
      'cases',
    ]);
  });
  it.each(examples.map((e) => [e.kind, e.text]))('%s loads without a problem', async (kind, text) => {
    const { header, rows } = parseCsv(text);
    const r = await stageCsv(conn, `${kind}.csv`, header, rows);
    expect(r.report.kind).toBe(kind);
    expect(r.report.problems).toEqual([]);
  });
});

describe('a clean file of every kind has no problem', () => {
  it.each(clean)('%s', async (kind, header, rows) => {
    const r = await stageCsv(conn, `${kind}.csv`, header, rows);
    expect(r.report.problems).toEqual([]);
    expect(r.report.kind).toBe(kind);
    expect(r.report.rows).toBe(rows.length);
    expect(r.staging).toMatch(new RegExp(`^stage_${kind}_\\d+$`));
  });
});

type Expect = [row: number, column: string, code: ProblemCode, severity: 'error' | 'warning'];
const cases: [string, string[], string[][], Expect][] = [
  [
    'value not a number',
    V,
    [okV, ['AL121', '2023', 'child_pop', '12 children', '', '']],
    [3, 'value', 'wrong-type', 'error'],
  ],
  [
    'year with decimals',
    V,
    [okV, ['AL121', '2024.5', 'dv_reports', '3', '', '']],
    [3, 'year', 'wrong-type', 'error'],
  ],
  ['boolean not a boolean', K, [[...okK.slice(0, 8), 'maybe']], [2, 'sensitive', 'wrong-type', 'error']],
  [
    'sex outside the enum',
    C,
    [okC, ['2024', '3', 'Durrës', '6-11', 'Q', 'abuse', 'school']],
    [3, 'sex', 'invalid-value', 'error'],
  ],
  [
    'age band outside the enum',
    C,
    [['2024', '3', 'Durrës', '0-17', 'F', 'abuse', 'school']],
    [2, 'age_band', 'invalid-value', 'error'],
  ],
  ['empty key: year', V, [okV, ['AL121', '', 'dv_reports', '3', '', '']], [3, 'year', 'null-key', 'error']],
  [
    'empty key: place',
    V,
    [okV, [' ', '2023', 'dv_reports', '3', '', '']],
    [3, 'lau_code', 'null-key', 'error'],
  ],
  [
    'empty key: indicator',
    V,
    [okV, ['AL121', '2023', '', '3', '', '']],
    [3, 'indicator', 'null-key', 'error'],
  ],
  ['empty required value', K, [[okK[0]!, '', ...okK.slice(2)]], [2, 'label_en', 'invalid-value', 'error']],
  [
    'unknown code',
    V,
    [okV, ['AL999', '2024', 'dv_reports', '3', '', '']],
    [3, 'lau_code', 'unknown-municipality', 'error'],
  ],
  [
    'misspelt name',
    C,
    [okC, ['2024', '3', 'Elbassan', '6-11', 'F', 'abuse', 'school']],
    [3, 'municipality', 'unknown-municipality', 'error'],
  ],
  [
    'county for a municipality',
    V,
    [okV, ['Dibër County', '2024', 'dv_reports', '3', '', '']],
    [3, 'lau_code', 'county-not-municipality', 'error'],
  ],
  [
    'duplicate key after name matching',
    V,
    [okV, ['Durres', '2024', 'child_pop', '20000', '', '']],
    [3, 'lau_code', 'duplicate-key', 'error'],
  ],
  [
    'negative count',
    V,
    [okV, ['AL121', '2024', 'dv_reports', '-3', '', '']],
    [3, 'value', 'negative-count', 'error'],
  ],
  [
    'negative numerator',
    V,
    [okV, ['AL121', '2024', 'cp_cases_rate', '1', '-2', '2000']],
    [3, 'numerator', 'negative-count', 'error'],
  ],
  [
    'negative caseload',
    ['facility_id', 'year', 'children_assisted'],
    [['F1', '2024', '-1']],
    [2, 'children_assisted', 'negative-count', 'error'],
  ],
  [
    'share above 100 %',
    V,
    [okV, ['AL121', '2024', 'dropout_rate', '120', '', '']],
    [3, 'value', 'rate-above-100', 'error'],
  ],
  ['NaN', V, [okV, ['AL121', '2024', 'dv_reports', 'NaN', '', '']], [3, 'value', 'not-finite', 'error']],
  [
    'infinity',
    V,
    [okV, ['AL121', '2024', 'cp_cases_rate', '-Infinity', '1', '0']],
    [3, 'value', 'not-finite', 'error'],
  ],
  [
    'inf in a count',
    V,
    [okV, ['AL121', '2024', 'dv_reports', 'inf', '', '']],
    [3, 'value', 'not-finite', 'error'],
  ],
  [
    'year out of range',
    V,
    [okV, ['AL121', '1999', 'dv_reports', '3', '', '']],
    [3, 'year', 'year-out-of-range', 'error'],
  ],
  [
    'year outside the catalog',
    V,
    [okV, ['AL121', '2030', 'dv_reports', '3', '', '']],
    [3, 'year', 'year-out-of-range', 'warning'],
  ],
  [
    'numerator above denominator',
    V,
    [okV, ['AL121', '2024', 'econ_aid_share', '', '300', '200']],
    [3, 'numerator', 'numerator-above-denominator', 'error'],
  ],
  [
    'a rate without its counts (accepted, weighted)',
    V,
    [okV, ['AL121', '2024', 'econ_aid_share', '12.5', '', '']],
    [3, 'value', 'rate-without-counts', 'warning'],
  ],
  [
    'a ratio with one part and no value',
    V,
    [okV, ['AL121', '2024', 'econ_aid_share', '', '12', '']],
    [3, 'numerator', 'invalid-value', 'error'],
  ],
  [
    'value off its ratio',
    V,
    [okV, ['AL121', '2024', 'cp_cases_rate', '7', '10', '2000']],
    [3, 'value', 'value-mismatch', 'warning'],
  ],
  [
    'unknown indicator',
    V,
    [okV, ['AL121', '2024', 'cp_case_rate', '7', '', '']],
    [3, 'indicator', 'unknown-indicator', 'error'],
  ],
  [
    'formula in a name',
    F,
    [okF, ['F2', 'AL121', '=HYPERLINK("http://x","click")', '19.45', '41.32', '2010', '', '', '']],
    [3, 'name', 'formula-injection', 'warning'],
  ],
  [
    '@ formula',
    F,
    [okF, ['F2', 'AL121', 'Unit', '19.45', '41.32', '2010', '', '@SUM(A1)', '']],
    [3, 'supporter', 'formula-injection', 'warning'],
  ],
  [
    'HTML in a label',
    K,
    [['x', '<img src=x onerror=alert(1)>', 'x', '', '', 'false', 'sum', '1', 'false']],
    [2, 'label_en', 'invalid-value', 'warning'],
  ],
  [
    'an indicator label for an id',
    K,
    [['Shelter places', 'S', 'S', '', '', 'false', 'sum', '1', 'false']],
    [2, 'id', 'invalid-value', 'error'],
  ],
  [
    'scale of a sum',
    K,
    [['x', 'X', 'X', '', '', 'false', 'sum', '100', 'false']],
    [2, 'scale', 'invalid-value', 'warning'],
  ],
  [
    'zero scale',
    K,
    [['x', 'X', 'X', '', '', 'false', 'ratio', '0', 'false']],
    [2, 'scale', 'invalid-value', 'error'],
  ],
  [
    'month 13',
    C,
    [okC, ['2024', '13', 'Durrës', '6-11', 'F', 'abuse', 'school']],
    [3, 'month', 'invalid-value', 'error'],
  ],
  [
    'lon/lat swapped',
    F,
    [okF, ['F2', 'AL121', 'U', '41.32', '19.45', '2010', '', '', '']],
    [3, 'lon', 'swapped-lat-lon', 'error'],
  ],
  [
    'projected coordinates',
    F,
    [okF, ['F2', 'AL121', 'U', '402000', '4574000', '2010', '', '', '']],
    [3, 'lon', 'projected-crs', 'error'],
  ],
  [
    'point outside Albania',
    F,
    [okF, ['F2', 'AL121', 'U', '2.35', '48.85', '2010', '', '', '']],
    [3, 'lon', 'invalid-value', 'error'],
  ],
  [
    'closed before opened',
    F,
    [okF, ['F2', 'AL121', 'U', '19.45', '41.32', '2010', '2005', '', '']],
    [3, 'closed', 'invalid-value', 'error'],
  ],
  [
    'opened in the future',
    F,
    [okF, ['F2', 'AL121', 'U', '19.45', '41.32', '2040', '', '', '']],
    [3, 'opened', 'year-out-of-range', 'error'],
  ],
  [
    'more dropouts than pupils',
    S,
    [okS, ['S002', 'AL121', '', '', 'basic', '2024', '30', '31']],
    [3, 'dropouts', 'numerator-above-denominator', 'error'],
  ],
  ['duplicate school row', S, [okS, okS], [3, 'school_id', 'duplicate-key', 'error']],
  [
    'cases without child population',
    C,
    [['2031', '1', 'Durrës', '6-11', 'F', 'abuse', 'school']],
    [2, 'year', 'invalid-value', 'warning'],
  ],
  ['geometry missing', ['lau_code', 'geometry'], [['AL121', '']], [2, 'geometry', 'null-geometry', 'error']],
  [
    'code and name disagree',
    ['lau_code', 'municipality', 'year', 'indicator', 'value'],
    [['AL121', 'Tiranë', '2024', 'dv_reports', '3']],
    [2, 'municipality', 'invalid-value', 'warning'],
  ],
];

describe('each check fires on its row and column', () => {
  it.each(cases)('%s', async (_name, header, rows, [row, column, code, severity]) => {
    const r = await stageCsv(conn, 'f.csv', header, rows);
    expect(where(r.report.problems, code)).toContainEqual([row, column, severity]);
    for (const p of r.report.problems) {
      expect(p.file).toBe('f.csv');
      expect(p.found.length).toBeLessThanOrEqual(60);
      expect(p.expected.length).toBeGreaterThan(0);
      expect(p.fix.length).toBeGreaterThan(0);
    }
    expect(r.staging === null).toBe(r.report.problems.some((p) => p.severity === 'error'));
  });
});

describe('details of the problems', () => {
  it('a misspelt name carries suggestions and the found value', async () => {
    const r = await stageCsv(conn, 'c.csv', C, [['2024', '3', 'Shkodr', '6-11', 'F', 'abuse', 'school']]);
    const [p] = r.report.problems.filter((x) => x.code === 'unknown-municipality');
    expect(p).toMatchObject({
      row: 2,
      column: 'municipality',
      found: 'Shkodr',
      suggestions: ['Shkodër (AL154)'],
    });
  });

  it('an unknown indicator suggests the closest ids', async () => {
    const r = await stageCsv(conn, 'v.csv', V, [['AL121', '2024', 'cp_case_rate', '7', '', '']]);
    expect(r.report.problems.find((p) => p.code === 'unknown-indicator')?.suggestions?.[0]).toBe(
      'cp_cases_rate',
    );
  });

  it('duplicates name the rows that share the key, with the code names resolve to', async () => {
    const r = await stageCsv(conn, 'v.csv', V, [okV, ['Durrës', '2024', 'child_pop', '1', '', ''], okV]);
    const dups = r.report.problems.filter((p) => p.code === 'duplicate-key');
    expect(dups.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(dups[1]!.found).toBe('Durrës (AL121) / 2024 / child_pop');
    expect(dups[0]!.fix).toMatch(/Rows 2, 3, 4/);
  });

  it('the ratio a value should have is told', async () => {
    const r = await stageCsv(conn, 'v.csv', V, [['AL121', '2024', 'cp_cases_rate', '7', '10', '2000']]);
    expect(r.report.problems[0]).toMatchObject({
      code: 'value-mismatch',
      expected: 'numerator / denominator x scale = 5 (scale 1000)',
    });
  });

  it('a small rounding difference is no mismatch', async () => {
    const r = await stageCsv(conn, 'v.csv', V, [['AL121', '2024', 'econ_aid_share', '33.3', '1', '3']]);
    expect(r.report.problems).toEqual([]);
  });

  it('after 20 rows of one problem the rest are counted, and maxListed changes the 20', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ['AL121', String(2000 + i), 'dv_reports', 'x', '', '']);
    const r = await stageCsv(conn, 'v.csv', V, rows, demoContext({ catalogYears: undefined }));
    const listed = r.report.problems.filter((p) => p.code === 'wrong-type');
    expect(listed).toHaveLength(20);
    expect(listed[19]!.more).toBe(10);
    const r5 = await stageCsv(conn, 'v.csv', V, rows, demoContext({ maxListed: 5, catalogYears: undefined }));
    expect(r5.report.problems.filter((p) => p.code === 'wrong-type').map((p) => p.more ?? 0)).toEqual([
      0, 0, 0, 0, 25,
    ]);
  });

  it('a long found value is cut to 60 characters', async () => {
    const long = `=${'A'.repeat(200)}`;
    const r = await stageCsv(conn, 'f.csv', F, [['F2', 'AL121', long, '19.45', '41.32', '2010', '', '', '']]);
    const p = r.report.problems.find((x) => x.code === 'formula-injection')!;
    expect(p.found).toHaveLength(60);
    expect(p.found.endsWith('…')).toBe(true);
  });

  it('decimal commas are read when the file says so, and refused otherwise', async () => {
    const rows = [['AL121', '2024', 'cp_cases_rate', '5,5', '11', '2000']];
    expect((await stageCsv(conn, 'v.csv', V, rows, demoContext(), true)).report.problems).toEqual([]);
    expect(where((await stageCsv(conn, 'v.csv', V, rows)).report.problems, 'wrong-type')).toEqual([
      [2, 'value', 'error'],
    ]);
  });

  it('thousands separators and spaces between groups are read; a % sign is not', async () => {
    const r = await stageCsv(conn, 'v.csv', V, [
      ['AL121', '2024', 'econ_aid_share', '12.5', '2\u00a0500', '20,000'],
      ['AL122', '2024', 'econ_aid_share', '12.5%', '2500', '20000'],
    ]);
    expect(where(r.report.problems, 'wrong-type')).toEqual([[3, 'value', 'error']]);
  });

  it('an error the reader found keeps a clean file from being staged, and leads the report', async () => {
    const readError = {
      file: 'v.csv',
      severity: 'error' as const,
      code: 'csv-parse' as const,
      row: 3,
      column: null,
      found: 'a row with 7 cells',
      expected: '6 cells',
      fix: 'Quote the cell with the comma.',
    };
    const r = await stageAndValidate(
      conn,
      { file: 'v.csv', ipc: csvIpc(V, [okV]), rowOffset: 1, columns: V, problems: [readError] },
      demoContext(),
    );
    expect(r.report.problems).toEqual([readError]);
    expect(r.staging).toBeNull();
  });

  it('a file with a header and no rows is empty', async () => {
    const r = await stageCsv(conn, 'v.csv', V, []);
    expect(r.report.problems.map((p) => p.code)).toEqual(['empty-file']);
    expect(r.staging).toBeNull();
  });

  it('a file lacking a required column names it and checks the rest', async () => {
    const r = await stageCsv(
      conn,
      'v.csv',
      ['lau_code', 'year', 'indicator'],
      [['AL999', '2024', 'dv_reports']],
    );
    expect(r.report.kind).toBe('indicator_values');
    expect(where(r.report.problems, 'missing-column')).toEqual([[null, 'value', 'error']]);
    expect(where(r.report.problems, 'unknown-municipality')).toEqual([[2, 'lau_code', 'error']]);
  });
});

describe('Parquet-typed input (rows start at 1, typed columns)', () => {
  it('NaN and infinity in a DOUBLE column, and rows numbered from 1', async () => {
    const t = new Table({
      lau_code: vectorFromArray(['AL121', 'AL122', 'AL123'], new Utf8()),
      year: vectorFromArray([2024, 2024, 2024], new Int32()),
      indicator: vectorFromArray(['dv_reports', 'dv_reports', 'dv_reports'], new Utf8()),
      value: vectorFromArray([3, NaN, Infinity], new Float64()),
    });
    const r = await stageAndValidate(
      conn,
      {
        file: 'v.parquet',
        ipc: tableToIPC(t, 'stream'),
        rowOffset: 0,
        columns: ['lau_code', 'year', 'indicator', 'value'],
      },
      demoContext(),
    );
    expect(where(r.report.problems, 'not-finite')).toEqual([
      [2, 'value', 'error'],
      [3, 'value', 'error'],
    ]);
  });
});
