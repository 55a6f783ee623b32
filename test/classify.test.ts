import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classIndex, extent, quantileBreaks } from '../src/analysis/classify';
import { buildScale, type ScaleOptions, fillFor, NO_DATA, SUPPRESSED } from '../src/map/scale';

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

const opts = (higherIsWorse: boolean, extra: Partial<ScaleOptions> = {}): ScaleOptions => ({
  method: 'quantile',
  classes: 5,
  palette: '',
  manual: [],
  higherIsWorse,
  ...extra,
});

describe('colour scale', () => {
  const values = [
    ...Array.from({ length: 20 }, (_, i) => ({ lau_code: `A${i}`, value: i, suppressed: false })),
    { lau_code: 'S', value: null, suppressed: true },
    { lau_code: 'N', value: null, suppressed: false },
  ];

  it('counts each class, the suppressed and the missing apart', () => {
    const s = buildScale(values, opts(true));
    expect(s.classes.map((c) => c.count)).toEqual([4, 4, 4, 4, 4]);
    expect([s.suppressed, s.noData]).toEqual([1, 1]);
    expect(s.classes[0]!.from).toBe(0);
    expect(s.classes[4]!.to).toBe(19);
  });

  it('gives suppressed and missing values their own distinct fills', () => {
    const s = buildScale(values, opts(true));
    expect(fillFor(s, values[20])).toEqual(SUPPRESSED);
    expect(fillFor(s, values[21])).toEqual(NO_DATA);
    expect(fillFor(s, undefined)).toEqual(NO_DATA);
    const fills = new Set(values.slice(0, 20).map((v) => fillFor(s, v).join()));
    expect(fills.size).toBe(5);
    expect(fills.has(SUPPRESSED.join())).toBe(false);
  });

  it('uses a different palette for indicators where higher is not worse', () => {
    expect(buildScale(values, opts(true)).classes[4]!.color).not.toEqual(
      buildScale(values, opts(false)).classes[4]!.color,
    );
  });

  it('falls back to quantiles, and says why, when manual breaks do not fit', () => {
    const s = buildScale(values, opts(true, { method: 'manual', manual: [5, 3] }));
    expect(s.method).toBe('quantile');
    expect(s.problem).toMatch(/increas/i);
    expect(s.classes).toHaveLength(5);
  });

  it('manual breaks outside the data keep ordered legend rows', () => {
    const s = buildScale(values, opts(true, { method: 'manual', classes: 3, manual: [-5, 30] }));
    expect(s.problem).toBeNull();
    expect(s.classes.map((c) => c.count)).toEqual([0, 20, 0]);
    for (const c of s.classes) expect(c.from).toBeLessThanOrEqual(c.to);
  });

  it('classifies on a pooled basis when given one, so the colours hold across years', () => {
    const s = buildScale(values.slice(0, 5), opts(true, { method: 'equal', basis: [0, 100] }));
    expect(s.classes.map((c) => c.count)).toEqual([5, 0, 0, 0, 0]);
    expect(s.classes[4]!.to).toBe(100);
  });

  it('a change map takes the low side of a diverging palette below zero and the high side above', () => {
    const change = [-4, -3, -2, -1, 0, 1, 2, 3, 4, 5].map((v, i) => ({
      lau_code: `C${i}`,
      value: v,
      suppressed: false,
    }));
    const s = buildScale(change, opts(true, { method: 'equal', classes: 5, diverging: true }));
    expect(s.paletteId).toBe('RdBu');
    const [first, , , , last] = s.classes;
    // RdBu reversed: blue for falls, red for rises.
    expect(first!.color[2]).toBeGreaterThan(first!.color[0]);
    expect(last!.color[0]).toBeGreaterThan(last!.color[2]);
  });

  it('a change map with every class on one side still gives each class its own colour', () => {
    const rises = Array.from({ length: 40 }, (_, i) => ({
      lau_code: `R${i}`,
      value: 0.5 + i,
      suppressed: false,
    }));
    for (const classes of [5, 7, 9]) {
      const s = buildScale(rises, opts(true, { method: 'quantile', classes, diverging: true }));
      expect(new Set(s.classes.map((c) => c.color.join())).size).toBe(s.classes.length);
    }
  });
});
