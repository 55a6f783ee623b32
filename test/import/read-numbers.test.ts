import { describe, expect, it } from 'vitest';
import { parseNumberLoose, usesDecimalComma } from '../../src/import/csv-numbers';

describe('parseNumberLoose', () => {
  it.each([
    ['12.5', false, 12.5],
    ['12,5', true, 12.5],
    ['12,5', false, null],
    ['1,234.5', false, 1234.5],
    ['1.234,5', true, 1234.5],
    ['1.234', true, 1234],
    ['1,234', false, 1234],
    ['1 234,5', true, 1234.5],
    ['1\u00a0234', false, 1234],
    ['12 34', false, null],
    ['12.5', true, 12.5],
    [' -3 ', false, -3],
    ['\u22127,5', true, -7.5],
    ['+4', false, 4],
    ['1e3', false, 1000],
    ['.5', false, 0.5],
    [',5', true, 0.5],
    ['', false, null],
    ['n/a', false, null],
    ['12%', false, null],
    ['1,2,3', false, null],
    ['NaN', false, null],
    ['Infinity', false, null],
    ['0x10', false, null],
    ['1e999', false, null],
  ] as const)('%s (decimal comma %s) -> %s', (s, comma, expected) => {
    expect(parseNumberLoose(s, comma)).toBe(expected);
  });
});

describe('usesDecimalComma', () => {
  it('counts cells that can only be read one way', () => {
    expect(usesDecimalComma(['12,5', '3,25', '7', 'AL111'])).toBe(true);
    expect(usesDecimalComma(['12.5', '3.25', '7'])).toBe(false);
    // "1,234" is 1.234 or 1234 depending on the locale: it decides nothing.
    expect(usesDecimalComma(['1,234', '5,678'])).toBe(false);
    expect(usesDecimalComma([])).toBe(false);
  });
});
