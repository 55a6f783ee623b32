import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/catalogs';

const { en, sq } = CATALOGS;
import { albanianFallback, formatNumber } from '../src/i18n';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('catalogs', () => {
  it('English and Albanian have exactly the same keys', () => {
    expect(keys(sq).sort()).toEqual(keys(en).sort());
  });

  it('no Albanian string is left empty or in English by mistake', () => {
    const flatEn = new Map(
      keys(en).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as never)[p], en)]),
    );
    const same = keys(sq).filter((k) => {
      const v = k.split('.').reduce<unknown>((o, p) => (o as never)[p], sq);
      return (
        v === '' ||
        (v === flatEn.get(k) &&
          ![
            'lang.en',
            'lang.sq',
            'legend.title',
            'legend.range',
            'chart.municipality',
            'cases.filterPart',
            'cases.monthYear',
          ].includes(k))
      );
    });
    expect(same).toEqual([]);
  });
});

describe('Albanian numbers', () => {
  it('the fallback formats exactly as full ICU does (Node has Albanian data)', () => {
    expect(Intl.NumberFormat.supportedLocalesOf(['sq-AL'])).toEqual(['sq-AL']);
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        (v, digits) => {
          const icu = new Intl.NumberFormat('sq-AL', { maximumFractionDigits: digits }).format(v);
          expect(albanianFallback(digits)(v)).toBe(icu);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('formats with a decimal comma and grouped thousands', () => {
    expect(formatNumber(12345.67, 'sq', 1)).toBe('12\u00a0345,7');
    expect(formatNumber(12345.67, 'en', 1)).toBe('12,345.7');
  });
});
