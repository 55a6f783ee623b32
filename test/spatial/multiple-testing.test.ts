import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjust, significant } from '../../src/analysis/spatial';
import { expectAllClose } from './helpers';

describe('multiple-testing corrections', () => {
  it('adjusts a worked example', () => {
    // p = [0.01, 0.04, 0.03, 0.005], m = 4.
    // Bonferroni: 4p capped at 1 = [0.04, 0.16, 0.12, 0.02].
    // BH: sorted 0.005, 0.01, 0.03, 0.04 → m·p/rank = 0.02, 0.02, 0.04, 0.04; running minimum from the top
    // keeps them; back in input order [0.02, 0.04, 0.04, 0.02].
    const p = [0.01, 0.04, 0.03, 0.005];
    expect(adjust(p, 'none')).toEqual(p);
    expectAllClose(adjust(p, 'bonferroni'), [0.04, 0.16, 0.12, 0.02], 1e-15);
    expectAllClose(adjust(p, 'fdr'), [0.02, 0.04, 0.04, 0.02], 1e-15);
    expect(significant(p, 0.03, 'fdr')).toEqual([true, false, false, true]);
    expect(significant(p, 0.03, 'bonferroni')).toEqual([false, false, false, true]);
  });

  it('applies the running minimum (R p.adjust "BH" semantics)', () => {
    // m·p/rank for sorted [0.01, 0.011, 0.012, 0.5] is [0.04, 0.022, 0.016, 0.5]: the smaller later values
    // pull the earlier ones down, giving [0.016, 0.016, 0.016, 0.5].
    expectAllClose(adjust([0.5, 0.012, 0.011, 0.01], 'fdr'), [0.5, 0.016, 0.016, 0.016], 1e-15);
    expect(adjust([], 'fdr')).toEqual([]);
    expect(adjust([0.7, 1], 'bonferroni')).toEqual([1, 1]);
  });

  it('rejects invalid p-values and alphas', () => {
    expect(() => adjust([0.5, NaN], 'fdr')).toThrow(RangeError);
    expect(() => adjust([1.2], 'none')).toThrow(RangeError);
    expect(() => significant([0.1], 0, 'none')).toThrow(RangeError);
  });

  it('property: raw ≤ FDR ≤ Bonferroni ≤ 1, and FDR preserves the order of the raw p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 80 }), (p) => {
        const fdr = adjust(p, 'fdr');
        const bonferroni = adjust(p, 'bonferroni');
        p.forEach((raw, i) => {
          expect(fdr[i]!).toBeGreaterThanOrEqual(raw);
          expect(bonferroni[i]!).toBeGreaterThanOrEqual(fdr[i]!);
          expect(bonferroni[i]!).toBeLessThanOrEqual(1);
          p.forEach((other, j) => {
            if (raw <= other) expect(fdr[i]!).toBeLessThanOrEqual(fdr[j]!);
          });
        });
      }),
    );
  });
});
