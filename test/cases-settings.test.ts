/** The case explorer's settings string (the URL's `cases=`): round trip, defaults, fallbacks per part. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASE_SETTINGS,
  decodeCaseSettings,
  encodeCaseSettings,
  filtersKey,
  parsePeriod,
  periodText,
  type CaseSettings,
} from '../src/ui/cases/settings';

const value = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const list = fc.uniqueArray(value, { minLength: 1, maxLength: 5 });
const month = fc.integer({ min: 1900 * 12, max: 2100 * 12 + 11 });
const settings: fc.Arbitrary<CaseSettings> = fc.record({
  filters: fc.record(
    {
      case_type: list,
      referral_source: list,
      age_band: list,
      sex: list,
      lau_code: list,
      period: fc.tuple(month, month).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    },
    { requiredKeys: [] },
  ),
  measure: fc.constantFrom('count' as const, 'rate' as const),
  perturb: fc.boolean(),
});

describe('case explorer settings', () => {
  it('encodes the defaults as an empty string and decodes it back', () => {
    expect(encodeCaseSettings(DEFAULT_CASE_SETTINGS)).toBe('');
    expect(decodeCaseSettings('')).toEqual(DEFAULT_CASE_SETTINGS);
  });

  it('writes a readable string a URL carries as it is', () => {
    const text = encodeCaseSettings({
      filters: { case_type: ['abuse', 'neglect'], lau_code: ['AL111'], period: [2019 * 12, 2021 * 12 + 5] },
      measure: 'rate',
      perturb: false,
    });
    expect(text).toBe('tabuse*neglect.mAL111.p201901*202106.r.u');
    expect(new URLSearchParams({ cases: text }).toString()).toBe(`cases=${text}`);
  });

  it('round-trips any settings', () => {
    fc.assert(
      fc.property(settings, (s) => {
        expect(decodeCaseSettings(encodeCaseSettings(s))).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it('drops a part that does not parse and keeps the others', () => {
    const s = decodeCaseSettings('tabuse*<script>.sschool.a0-5*0-5.p202013*202101.q.r');
    expect(s.filters.case_type).toBeUndefined();
    expect(s.filters.referral_source).toEqual(['school']);
    expect(s.filters.age_band).toEqual(['0-5']); // duplicates once
    expect(s.filters.period).toBeUndefined(); // month 13
    expect(s.measure).toBe('rate');
    expect(s.perturb).toBe(true);
    expect(decodeCaseSettings('p202106*201901').filters.period).toBeUndefined(); // reversed
    expect(decodeCaseSettings('m').filters.lau_code).toBeUndefined();
    expect(
      decodeCaseSettings(`m${Array.from({ length: 101 }, (_, i) => `A${i}`).join('*')}`).filters,
    ).toEqual({});
  });

  it('writes months as yyyymm and reads them back', () => {
    expect(periodText(2024 * 12 + 11)).toBe('202412');
    expect(parsePeriod('202412')).toBe(2024 * 12 + 11);
    expect(parsePeriod('202400')).toBeNull();
    expect(parsePeriod('24')).toBeNull();
    expect(parsePeriod(undefined)).toBeNull();
  });

  it('keys an answer by its filters, k and perturbation only', () => {
    const f = { sex: ['F'] };
    expect(filtersKey(f, 5, true)).toBe('xF#5');
    expect(filtersKey(f, 5, false)).toBe('xF.u#5');
    expect(filtersKey(f, 10, true)).not.toBe(filtersKey(f, 5, true));
  });
});
