/** The explorer's filters made canonical and checked (src/engine/cases-filters.ts), and the case rate. */
import { describe, expect, it } from 'vitest';
import { caseRate } from '../../src/analysis/cases/facets';
import { CaseFilterError, normaliseCaseFilters, othersKey } from '../../src/engine/cases-filters';
import type { CasesInfo } from '../../src/engine/cases-types';

const info: CasesInfo = {
  source: 'demo',
  rows: 100,
  categories: { lau_code: ['A'], case_type: ['abuse'], referral_source: [], age_band: [], sex: ['F', 'M'] },
  periods: [2019 * 12, 2025 * 12 + 11],
};

describe('normaliseCaseFilters', () => {
  it('sorts, removes duplicates and drops empty sets', () => {
    expect(normaliseCaseFilters({ sex: ['M', 'F', 'M'], case_type: [] })).toEqual({ sex: ['F', 'M'] });
  });

  it('orders a period and clips it to the months of the records; the whole span is no filter', () => {
    expect(normaliseCaseFilters({ period: [24300, 24290] })).toEqual({ period: [24290, 24300] });
    expect(normaliseCaseFilters({ period: [0, 2020 * 12] }, info)).toEqual({
      period: [2019 * 12, 2020 * 12],
    });
    expect(normaliseCaseFilters({ period: [0, 99999] }, info)).toEqual({});
  });

  it('refuses what is not a filter, saying what was expected', () => {
    expect(() => normaliseCaseFilters({ colour: ['red'] })).toThrow(
      /unknown filter "colour": expected one of/,
    );
    expect(() => normaliseCaseFilters({ period: [1] })).toThrow(CaseFilterError);
    expect(() => normaliseCaseFilters({ period: [1.5, 2] })).toThrow(/two month indexes/);
    expect(() => normaliseCaseFilters({ sex: 'F' })).toThrow(/list of at most 100/);
    expect(() => normaliseCaseFilters({ sex: [1] })).toThrow(/texts of 1 to 64/);
    expect(() => normaliseCaseFilters({ sex: ['x'.repeat(65)] })).toThrow(CaseFilterError);
    expect(() => normaliseCaseFilters(null)).toThrow(/must be an object/);
    expect(() => normaliseCaseFilters([])).toThrow(/must be an object/);
  });

  it('keys a facet by every filter but its own', () => {
    const a = normaliseCaseFilters({ sex: ['F'], case_type: ['abuse'] });
    const b = normaliseCaseFilters({ sex: ['F'], case_type: ['neglect'] });
    expect(othersKey('case_type', a)).toBe(othersKey('case_type', b));
    expect(othersKey('sex', a)).not.toBe(othersKey('sex', b));
  });
});

describe('caseRate', () => {
  const pop = new Map([
    [2024, 1000],
    [2025, 3000],
  ]);
  it('is per 1,000 children per year over the mean population of the years', () => {
    expect(caseRate(20, pop, [2025 * 12, 2025 * 12 + 11])).toBeCloseTo(20 / 3);
    // Two years: 40 cases over a mean of 2,000 children over two years is 10 per 1,000 per year.
    expect(caseRate(40, pop, [2024 * 12, 2025 * 12 + 11])).toBeCloseTo(10);
    // Six months count as half a year.
    expect(caseRate(10, pop, [2025 * 12, 2025 * 12 + 5])).toBeCloseTo(20 / 3);
  });
  it('is null without a count or a population', () => {
    expect(caseRate(null, pop, [2025 * 12, 2025 * 12 + 11])).toBeNull();
    expect(caseRate(5, undefined, [2025 * 12, 2025 * 12 + 11])).toBeNull();
    expect(caseRate(5, pop, [2010 * 12, 2010 * 12 + 11])).toBeNull();
  });
});
