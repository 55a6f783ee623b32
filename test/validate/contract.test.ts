/** Recognising a file's table from its header, and the contract agreeing with TABLES and the docs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableKind } from '../../src/contract/problem-types';
import { SERVED_ONLY, TABLES } from '../../src/engine/tables';
import { CONTRACT, detectKind, normaliseHeader } from '../../src/contract/contract';

const codes = (columns: string[], ids?: string[]) =>
  detectKind(columns, { file: 'f.csv', indicatorIds: ids }).problems.map((p) => [
    p.code,
    p.column,
    p.severity,
  ]);

describe('detectKind', () => {
  it.each<[string[], TableKind]>([
    [['lau_code', 'year', 'indicator', 'value', 'numerator', 'denominator'], 'indicator_values'],
    [['LAU_CODE', 'Viti', 'Indicator', 'Value'], 'indicator_values'],
    [[' lau ', 'YEAR', 'treguesi', 'vlera'], 'indicator_values'],
    [['\uFEFFBashkia', 'viti', 'indicator', 'Value (%)'], 'indicator_values'],
    [
      [
        'id',
        'label_en',
        'label_sq',
        'unit_en',
        'unit_sq',
        'higher_is_worse',
        'aggregation',
        'scale',
        'sensitive',
      ],
      'catalog',
    ],
    [['id', 'lau_code', 'name', 'lon', 'lat', 'opened'], 'facilities'],
    [
      ['ID', 'Municipality', 'Name', 'Longitude', 'Latitude', 'Opened', 'Closed', 'Supporter', 'Staff'],
      'facilities',
    ],
    [['facility_id', 'year', 'children_assisted'], 'caseload'],
    [['school_id', 'lau_code', 'level', 'year', 'enrolled', 'dropouts'], 'schools'],
    [['year', 'month', 'municipality', 'age_band', 'sex', 'case_type', 'referral_source'], 'cases'],
    [['Viti', 'Muaji', 'Bashkia', 'Mosha', 'Gjinia', 'Lloji', 'Referuar nga'], 'cases'],
    [['lau_code', 'geometry'], 'boundaries'],
  ])('%j is %s', (columns, kind) => {
    const d = detectKind(columns);
    expect(d.kind).toBe(kind);
    expect(d.problems).toEqual([]);
    expect(d.columns.map((c) => c.index)).toEqual(columns.map((_, i) => i));
  });

  it('binds headers to contract names and keeps the spelling for messages', () => {
    expect(detectKind(['LAU', 'Viti', 'indicator', 'value']).columns).toEqual([
      { name: 'lau_code', index: 0, header: 'LAU' },
      { name: 'year', index: 1, header: 'Viti' },
      { name: 'indicator', index: 2, header: 'indicator' },
      { name: 'value', index: 3, header: 'value' },
    ]);
  });

  it('names a missing column: looks like indicator_values but lacks value', () => {
    const d = detectKind(['lau_code', 'year', 'indicator'], { file: 'v.csv' });
    expect(d.kind).toBe('indicator_values');
    expect(d.problems).toMatchObject([
      { file: 'v.csv', code: 'missing-column', column: 'value', severity: 'error', row: null },
    ]);
    expect(d.problems[0]!.fix).toMatch(/looks like indicator_values but lacks value/);
  });

  it('a file with neither a code nor a name column lacks "lau_code or municipality"', () => {
    expect(codes(['year', 'indicator', 'value'])).toEqual([
      ['missing-column', 'lau_code or municipality', 'error'],
    ]);
  });

  it('tells a wide file (one column per indicator) what to do', () => {
    const d = detectKind(['lau_code', 'year', 'child_pop', 'dropout_rate'], {
      indicatorIds: ['child_pop', 'dropout_rate'],
    });
    expect(d.kind).toBe('indicator_values');
    expect(d.problems.find((p) => p.code === 'missing-column')!.fix).toMatch(/wide format.*long format/);
  });

  it('an unrelated header is an unknown table listing the shapes', () => {
    const d = detectKind(['foo', 'bar']);
    expect(d.kind).toBeNull();
    expect(d.problems).toMatchObject([{ code: 'unknown-table', severity: 'error' }]);
    expect(d.problems[0]!.expected).toMatch(/indicator_values \(year, indicator, value\)/);
  });

  it('extra columns are warnings; a second header for the same column too', () => {
    expect(codes(['lau_code', 'year', 'indicator', 'value', 'comment'])).toEqual([
      ['unexpected-column', 'comment', 'warning'],
    ]);
    expect(codes(['lau_code', 'LAU', 'year', 'indicator', 'value'])).toEqual([
      ['unexpected-column', 'LAU', 'warning'],
    ]);
  });

  it('personal data in a cases file is called out', () => {
    const d = detectKind(['year', 'municipality', 'case_type', 'Child name', 'Date of birth']);
    expect(d.kind).toBe('cases');
    expect(d.problems.map((p) => p.fix)).toEqual([
      expect.stringMatching(/personal data/),
      expect.stringMatching(/personal data/),
    ]);
  });

  it('normaliseHeader', () => {
    expect(normaliseHeader(' LAU Code ')).toBe('lau_code');
    expect(normaliseHeader('\uFEFFViti')).toBe('viti');
    expect(normaliseHeader('Emri i bashkisë')).toBe('emri_i_bashkise');
    expect(normaliseHeader('Value (%)')).toBe('value');
  });
});

describe('the contract', () => {
  it('loads into TABLES: every live column comes from a contract column, every contract column is kept', () => {
    for (const spec of Object.values(CONTRACT)) {
      if (!spec.table) continue;
      const contract = spec.columns.map((c) => c.name).filter((c) => c !== 'municipality');
      const live = Object.keys(TABLES[spec.table]).filter((c) => !SERVED_ONLY.has(c));
      expect(live.sort(), spec.kind).toEqual(contract.sort());
    }
  });

  it('keys and groups name contract columns; aliases are normalised and unique within a table', () => {
    for (const spec of Object.values(CONTRACT)) {
      const names = new Set(spec.columns.map((c) => c.name));
      for (const k of [...spec.key, ...(spec.oneOf ?? []).flat()])
        expect(names.has(k), `${spec.kind}.${k}`).toBe(true);
      const all = spec.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      expect(new Set(all).size, spec.kind).toBe(all.length);
      for (const a of all) expect(normaliseHeader(a)).toBe(a);
    }
  });

  it('docs/data-contract.md describes every column of every table', () => {
    const doc = readFileSync('docs/data-contract.md', 'utf8');
    for (const spec of Object.values(CONTRACT)) {
      const start = doc.indexOf(`## \`${spec.kind}\``);
      expect(start, spec.kind).toBeGreaterThan(0);
      const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
      for (const c of spec.columns) expect(section, `${spec.kind}.${c.name}`).toContain(`| \`${c.name}\``);
    }
  });
});
