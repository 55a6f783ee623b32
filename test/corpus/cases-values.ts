/**
 * Indicator values with one number or type wrong: NaN, infinity, overflow, negatives, thousands separators,
 * percent signs, markers for "no value". Row i of the base table is spreadsheet row i + 2 (header = row 1).
 */
import type { Base } from './base';
import type { CorpusCase } from './types';
import { AID, DV, POP, cellCase, tableCase } from './values-edit';

/** Numbers and types: NaN, infinity, overflow, negatives, separators, markers for no value. */
export function valueCases(b: Base): CorpusCase[] {
  const v = b.values;
  return [
    tableCase(
      'values-valid.csv',
      'indicator values, long format, counts and ratios, UTF-8 comma CSV',
      v,
      'ok',
    ),
    cellCase(b, 'year-abc.csv', 'year "abc"', POP, 'year', 'abc', ['wrong-type']),
    cellCase(b, 'value-abc.csv', 'value "abc"', DV, 'value', 'abc', ['wrong-type']),
    cellCase(b, 'value-nan.csv', 'value NaN', DV, 'value', 'NaN', ['not-finite']),
    cellCase(b, 'value-inf.csv', 'value inf', DV, 'value', 'inf', ['not-finite']),
    cellCase(b, 'value-neg-infinity.csv', 'value -Infinity', POP, 'value', '-Infinity', ['not-finite']),
    cellCase(b, 'value-1e400.csv', 'value 1e400 (overflows a double)', POP, 'value', '1e400', ['not-finite']),
    cellCase(
      b,
      'value-huge-integer.csv',
      'child_pop 99999999999999999999 (20 digits, finite double)',
      POP,
      'value',
      '99999999999999999999',
      'ok',
    ),
    cellCase(b, 'numerator-1e400.csv', 'numerator 1e400', AID, 'numerator', '1e400', ['not-finite']),
    cellCase(b, 'value-negative.csv', 'a count of -3', DV, 'value', -3, ['negative-count']),
    cellCase(b, 'denominator-negative.csv', 'a denominator of -100', AID, 'denominator', -100, [
      'negative-count',
    ]),
    cellCase(
      b,
      'value-thousands-comma.csv',
      'quoted "48,210" in a comma CSV (thousands grouped with ",")',
      POP,
      'value',
      '48,210',
      'ok',
    ),
    cellCase(
      b,
      'value-thousands-decimals.csv',
      'quoted "48,210.0" (grouped thousands and a decimal point)',
      POP,
      'value',
      '48,210.0',
      'ok',
    ),
    cellCase(
      b,
      'value-bad-grouping.csv',
      'quoted "1,2,3" (not a number in any locale)',
      POP,
      'value',
      '1,2,3',
      ['wrong-type'],
    ),
    cellCase(
      b,
      'value-with-unit.csv',
      'value "12 children" (a number with a word)',
      POP,
      'value',
      '12 children',
      ['wrong-type'],
    ),
    cellCase(
      b,
      'value-percent-sign.csv',
      'a % value written "15.22%" (a % sign is not guessed)',
      AID,
      'value',
      `${String(v.rows[AID]![3])}%`,
      ['wrong-type'],
    ),
    cellCase(
      b,
      'value-spaces.csv',
      'a count with a space as thousands separator ("2 500")',
      POP,
      'value',
      '2 500',
      'ok',
    ),
    cellCase(b, 'value-na-markers.csv', 'a count given as "NA" (no value)', DV, 'value', 'NA', 'ok'),
    cellCase(
      b,
      'value-dash.csv',
      'a count given as "—" (no value in statistical tables)',
      DV,
      'value',
      '—',
      'ok',
    ),
    cellCase(b, 'value-formula.csv', 'value "=1+2" (a formula in a number column)', DV, 'value', '=1+2', [
      'wrong-type',
    ]),
    cellCase(b, 'value-hex.csv', 'value "0x1F"', DV, 'value', '0x1F', ['wrong-type']),
  ];
}
