/**
 * Header rows: duplicated and empty names, aliases (Albanian names, case and spaces), extra, missing and
 * unknown columns, wide format.
 */
import type { Base } from './base';
import { csv } from './bytes';
import { fileCase, type CorpusCase } from './types';

/** Header cases, on the valid values table. */
export function headerCases(b: Base): CorpusCase[] {
  const v = b.values;
  return [
    fileCase(
      'header-duplicate.csv',
      'the column "year" twice',
      csv(
        [...v.header, 'year'],
        v.rows.map((r) => [...r, r[1]!]),
      ),
      ['csv-parse'],
      { row: 1 },
    ),
    fileCase(
      'header-duplicate-disagree.csv',
      'the column "value" twice with different numbers',
      csv(
        [...v.header, 'value'],
        v.rows.map((r) => [...r, 7]),
      ),
      ['csv-parse'],
      { row: 1 },
    ),
    fileCase(
      'header-alias-twice.csv',
      'both "year" and its alias "viti"',
      csv(
        [...v.header, 'viti'],
        v.rows.map((r) => [...r, r[1]!]),
      ),
      'ok',
      { warnings: ['unexpected-column'] },
    ),
    fileCase(
      'header-aliases.csv',
      'Albanian header names: Kodi LAU, Viti, Treguesi, Vlera, Numeruesi, Emeruesi',
      csv(['Kodi LAU', 'Viti', 'Treguesi', 'Vlera', 'Numeruesi', 'Emeruesi'], v.rows),
      'ok',
    ),
    fileCase(
      'header-case-spaces.csv',
      'headers " LAU Code ", "YEAR", "Value (%)"',
      csv([' LAU Code ', 'YEAR', 'Indicator', 'Value (%)', 'Numerator', 'Denominator'], v.rows),
      'ok',
    ),
    fileCase(
      'header-extra-column.csv',
      'an extra column "comment"',
      csv(
        [...v.header, 'comment'],
        v.rows.map((r) => [...r, 'checked']),
      ),
      'ok',
      { warnings: ['unexpected-column'] },
    ),
    fileCase(
      'header-missing-value.csv',
      'no value column',
      csv(
        v.header.filter((h) => h !== 'value'),
        v.rows.map((r) => r.filter((_, j) => j !== 3)),
      ),
      ['missing-column'],
    ),
    fileCase(
      'header-missing-place.csv',
      'neither lau_code nor municipality',
      csv(
        v.header.slice(1),
        v.rows.map((r) => r.slice(1)),
      ),
      ['missing-column'],
    ),
    fileCase('header-unknown.csv', 'columns that match no table (foo, bar, baz)', 'foo,bar,baz\n1,2,3\n', [
      'unknown-table',
    ]),
    fileCase(
      'header-wide.csv',
      'wide format: one column per indicator (unpivoted)',
      'lau_code,year,child_pop,dv_reports\nAL121,2024,40000,12\n',
      'ok',
    ),
    fileCase(
      'single-column.csv',
      'one column of codes, no separator',
      'lau_code\nAL121\nAL132\n',
      ['unknown-table'],
      { warnings: ['csv-parse'] },
    ),
    fileCase(
      'header-empty-name.csv',
      'an empty header cell',
      csv(
        [...v.header, ''],
        v.rows.map((r) => [...r, 'x']),
      ),
      ['csv-parse'],
      { row: 1 },
    ),
  ];
}
