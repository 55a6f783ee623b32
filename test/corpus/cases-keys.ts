/**
 * Indicator values with a ratio, a year, a key or an indicator id wrong: rates above 100 %, numerators above
 * denominators, value mismatches, years out of range or not whole, empty and duplicate keys, unknown ids.
 */
import { edited, type Base } from './base';
import type { CorpusCase } from './types';
import { AID, POP, RATE, cellCase, ratio, tableCase as t } from './values-edit';

/** Ratios, years, keys and indicator ids. */
export function keyCases(b: Base): CorpusCase[] {
  const v = b.values;
  return [
    t(
      'rate-above-100.csv',
      'a % value of 150 with parts giving 50 %',
      ratio(b, AID, 150, 30, 60),
      ['rate-above-100'],
      { row: AID + 2, warnings: ['value-mismatch'] },
    ),
    t(
      'rate-above-100-consistent.csv',
      'a % of 140 = 70 / 50: above 100 % and numerator above denominator',
      ratio(b, AID, 140, 70, 50),
      ['rate-above-100', 'numerator-above-denominator'],
    ),
    t(
      'numerator-above-denominator.csv',
      'cases per 1,000 with 70 cases of 50 children',
      ratio(b, RATE, 1400, 70, 50),
      ['numerator-above-denominator'],
      { row: RATE + 2 },
    ),
    t(
      'value-mismatch.csv',
      'a ratio whose value is 10 points off numerator / denominator',
      ratio(b, AID, 42, 10, 100),
      'ok',
      { warnings: ['value-mismatch'] },
    ),
    t(
      'ratio-value-rounded.csv',
      'a % value rounded to one decimal (12.3 for 12.345...)',
      ratio(b, AID, 12.3, 1234, 10000),
      'ok',
    ),
    t(
      'ratio-without-parts.csv',
      'a ratio with a value but no numerator and denominator (accepted: weighted by child_pop)',
      ratio(b, AID, 20, '', ''),
      'ok',
      { warnings: ['rate-without-counts'] },
    ),
    t(
      'ratio-value-empty.csv',
      'a ratio with only numerator and denominator (value filled in)',
      ratio(b, AID, '', 25, 100),
      'ok',
    ),
    t(
      'ratio-zero-denominator.csv',
      'a % value of 0 with numerator 0 and denominator 0 (undefined)',
      ratio(b, AID, 0, 0, 0),
      'ok',
      {
        warnings: ['invalid-value'],
      },
    ),
    cellCase(b, 'year-1850.csv', 'year 1850', POP, 'year', 1850, ['year-out-of-range']),
    cellCase(b, 'year-2099.csv', 'year 2099', POP, 'year', 2099, ['year-out-of-range']),
    cellCase(b, 'year-fraction.csv', 'year "2025.5"', POP, 'year', '2025.5', ['wrong-type']),
    cellCase(
      b,
      'year-2023-0.csv',
      'year "2023.0" (a whole number written with a decimal)',
      POP,
      'year',
      '2023.0',
      'ok',
    ),
    cellCase(
      b,
      'year-2010.csv',
      'year 2010: accepted, outside the catalog years 2015-2025',
      POP,
      'year',
      2010,
      'ok',
      { warnings: ['year-out-of-range'] },
    ),
    cellCase(b, 'year-huge.csv', 'year 99999999999999999999', POP, 'year', '99999999999999999999', [
      'wrong-type',
    ]),
    cellCase(b, 'year-empty.csv', 'an empty year (a key cell)', POP, 'year', null, ['null-key']),
    cellCase(b, 'lau-empty.csv', 'an empty lau_code (a key cell)', POP, 'lau_code', null, ['null-key']),
    cellCase(b, 'indicator-empty.csv', 'an empty indicator (a key cell)', POP, 'indicator', null, [
      'null-key',
    ]),
    cellCase(
      b,
      'indicator-unknown.csv',
      'indicator "child_popp" (typo)',
      POP,
      'indicator',
      'child_popp',
      ['unknown-indicator'],
      { suggestions: ['child_pop'] },
    ),
    cellCase(
      b,
      'indicator-upper.csv',
      'indicator "CHILD_POP" (read as child_pop)',
      POP,
      'indicator',
      'CHILD_POP',
      'ok',
    ),
    t(
      'duplicate-key.csv',
      'the first row repeated at the end',
      edited(v, (rows) => rows.push([...rows[0]!])),
      ['duplicate-key'],
      { row: 2 },
    ),
    t(
      'duplicate-key-name-code.csv',
      'the same municipality once as AL111 and once as "Bulqizë"',
      edited(v, (rows) => rows.push(['Bulqizë', ...rows[0]!.slice(1)])),
      ['duplicate-key'],
    ),
    t(
      'many-errors.csv',
      '300 negative counts (20 listed, the rest counted in "more")',
      edited(v, (rows) => {
        const codes = ['AL111', 'AL112', 'AL113', 'AL114', 'AL121', 'AL122', 'AL123'];
        for (let i = 0; i < 300; i++)
          rows.push([codes[i % 7]!, 1990 + Math.floor(i / 7), 'street_children', -1 - i, null, null]);
      }),
      ['negative-count'],
    ),
  ];
}
