/**
 * Catalog, caseload, schools and cases, valid and each with the mistakes its own checks catch: labels with
 * HTML or formulas, aggregations and scales, counts, dropouts above enrolment, enums, personal data.
 */
import { edited, type Base } from './base';
import { F, HTML } from './cases-facilities';
import { c, cell } from './table-edit';
import type { CorpusCase } from './types';

function catalogCases(b: Base): CorpusCase[] {
  const k = b.catalog;
  return [
    c('catalog-valid.csv', 'catalog: three indicators, one new ratio', k, 'ok'),
    cell('catalog-html-label.csv', `label_en ${HTML}`, k, 1, 'label_en', HTML, 'ok', {
      warnings: ['invalid-value'],
    }),
    cell(
      'catalog-html-label-sq.csv',
      'label_sq <script>alert(1)</script>',
      k,
      1,
      'label_sq',
      '<script>alert(1)</script>',
      'ok',
      { warnings: ['invalid-value'] },
    ),
    cell('catalog-formula-notes.csv', 'notes "@SUM(A1)"', k, 2, 'notes', '@SUM(A1)', 'ok', {
      warnings: ['formula-injection'],
    }),
    cell('catalog-formula-label.csv', `label_en ${F}`, k, 1, 'label_en', F, 'ok', {
      warnings: ['formula-injection'],
    }),
    cell('catalog-aggregation.csv', 'aggregation "average"', k, 1, 'aggregation', 'average', [
      'invalid-value',
    ]),
    cell('catalog-scale-zero.csv', 'scale 0 for a ratio', k, 2, 'scale', 0, ['invalid-value']),
    cell('catalog-sum-scale.csv', 'a sum indicator with scale 100 (warning)', k, 1, 'scale', 100, 'ok', {
      warnings: ['invalid-value'],
    }),
    cell('catalog-boolean.csv', 'sensitive "maybe"', k, 1, 'sensitive', 'maybe', ['wrong-type']),
    cell('catalog-boolean-albanian.csv', 'sensitive "po" (Albanian yes)', k, 1, 'sensitive', 'po', 'ok'),
    cell('catalog-id-spaces.csv', 'id "Foster Care" (not [a-z0-9_])', k, 1, 'id', 'Foster Care', [
      'invalid-value',
    ]),
    c(
      'catalog-duplicate-id.csv',
      'two rows with id child_pop',
      edited(k, (rows) => rows.push([...rows[0]!])),
      ['duplicate-key'],
    ),
  ];
}

function caseloadSchoolCases(b: Base): CorpusCase[] {
  const k = b.caseload;
  const s = b.schools;
  return [
    c('caseload-valid.csv', 'caseload: children assisted by unit and year', k, 'ok'),
    cell('caseload-negative.csv', 'children_assisted -5', k, 0, 'children_assisted', -5, ['negative-count']),
    cell(
      'caseload-overflow.csv',
      'children_assisted 99999999999999999999',
      k,
      0,
      'children_assisted',
      '99999999999999999999',
      ['wrong-type'],
    ),
    cell('caseload-fraction.csv', 'children_assisted 12.5', k, 0, 'children_assisted', 12.5, ['wrong-type']),
    c(
      'caseload-duplicate.csv',
      'the same unit and year twice',
      edited(k, (rows) => rows.push([...rows[0]!])),
      ['duplicate-key'],
    ),
    c('schools-valid.csv', 'schools: enrolment and dropouts by level', s, 'ok'),
    cell('schools-dropouts-above.csv', 'dropouts above enrolled', s, 0, 'dropouts', 9999, [
      'numerator-above-denominator',
    ]),
    cell('schools-level.csv', 'level "primary"', s, 0, 'level', 'primary', ['invalid-value']),
    cell('schools-level-alias.csv', 'level "9-vjecare" (basic)', s, 0, 'level', '9-vjecare', 'ok'),
    c(
      'schools-duplicate.csv',
      'the same school, year and level twice',
      edited(s, (rows) => rows.push([...rows[0]!])),
      ['duplicate-key'],
    ),
  ];
}

function caseCases(b: Base): CorpusCase[] {
  const k = b.cases;
  return [
    c('cases-valid.csv', 'record-level cases, anonymised', k, 'ok'),
    cell('cases-type.csv', 'case_type "burglary"', k, 0, 'case_type', 'burglary', ['invalid-value']),
    cell('cases-month.csv', 'month 13', k, 0, 'month', 13, ['invalid-value']),
    cell('cases-sex-words.csv', 'sex "femër" (Albanian, accepted)', k, 0, 'sex', 'femër', 'ok'),
    cell('cases-age-en-dash.csv', 'age_band "15–17" with an en dash', k, 0, 'age_band', '15–17', 'ok'),
    cell('cases-year-1850.csv', 'year 1850', k, 0, 'year', 1850, ['year-out-of-range']),
    c(
      'cases-personal-data.csv',
      'a "child_name" column (personal data)',
      edited(k, (rows, h) => {
        h.push('child_name');
        rows.forEach((r, i) => r.push(`Child ${i}`));
      }),
      'ok',
      { warnings: ['unexpected-column'] },
    ),
    cell('cases-type-empty.csv', 'an empty case_type (required)', k, 0, 'case_type', null, ['invalid-value']),
  ];
}

/** Catalog, caseload, school and case-record cases. */
export function tableCases(b: Base): CorpusCase[] {
  return [...catalogCases(b), ...caseloadSchoolCases(b), ...caseCases(b)];
}
