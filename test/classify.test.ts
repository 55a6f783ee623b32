import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classIndex, extent, quantileBreaks } from '../src/analysis/classify';
import { buildScale, fillFor, NO_DATA, SUPPRESSED } from '../src/map/scale';

describe('quantile breaks', () => {
  it('splits 1..10 into five classes of two', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const breaks = quantileBreaks(values, 5);
    expect(breaks).toHaveLength(4);
    const counts = [0, 0, 0, 0, 0];
    for (const v of values) counts[classIndex(breaks, v)]!++;
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('merges equal thresholds when many values are equal, and ignores NaN', () => {
    const merged = quantileBreaks([0, 0, 0, 0, 0, 0, 0, 0, 5, 9, NaN], 5);
    expect(merged).toHaveLength(1); // the 20/40/60% thresholds all sit at 0 and vanish
    expect(merged[0]).toBeGreaterThan(0);
    expect(quantileBreaks([], 5)).toEqual([]);
    expect(extent([NaN, 3, -1, Infinity])).toEqual([-1, 3]);
  });

  it('breaks are strictly increasing and every value lands in a class', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 80 }),
        fc.integer({ min: 2, max: 9 }),
        (vs, k) => {
          const b = quantileBreaks(vs, k);
          expect(b.length).toBeLessThanOrEqual(k - 1);
          for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!);
          for (const v of vs) expect(classIndex(b, v)).toBeLessThanOrEqual(b.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('colour scale', () => {
  const values = [
    ...Array.from({ length: 20 }, (_, i) => ({ lau_code: `A${i}`, value: i, suppressed: false })),
    { lau_code: 'S', value: null, suppressed: true },
    { lau_code: 'N', value: null, suppressed: false },
  ];

  it('counts each class, the suppressed and the missing apart', () => {
    const s = buildScale(values, true);
    expect(s.classes.map((c) => c.count)).toEqual([4, 4, 4, 4, 4]);
    expect([s.suppressed, s.noData]).toEqual([1, 1]);
    expect(s.classes[0]!.from).toBe(0);
    expect(s.classes[4]!.to).toBe(19);
  });

  it('gives suppressed and missing values their own distinct fills', () => {
    const s = buildScale(values, true);
    expect(fillFor(s, values[20])).toEqual(SUPPRESSED);
    expect(fillFor(s, values[21])).toEqual(NO_DATA);
    expect(fillFor(s, undefined)).toEqual(NO_DATA);
    const fills = new Set(values.slice(0, 20).map((v) => fillFor(s, v).join()));
    expect(fills.size).toBe(5);
    expect(fills.has(SUPPRESSED.join())).toBe(false);
  });

  it('uses a different palette for indicators where higher is not worse', () => {
    expect(buildScale(values, true).classes[4]!.color).not.toEqual(
      buildScale(values, false).classes[4]!.color,
    );
  });
});
