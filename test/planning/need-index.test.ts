import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needIndex, renormalise, type NeedInput } from '../../src/analysis/planning/need-index';
import { normalise } from '../../src/analysis/planning/normalise';

const rows = [
  { lau_code: 'A', values: { x: 10, y: 1 } },
  { lau_code: 'B', values: { x: 20, y: 3 } },
  { lau_code: 'C', values: { x: 40, y: 2 } },
];

describe('normalise', () => {
  it('min-max by hand', () => {
    expect(normalise([10, 20, 40], 'minmax', true)).toEqual([0, 1 / 3, 1]);
    // Higher is better: flipped, so the lowest value is the most need.
    expect(normalise([10, 20, 40], 'minmax', false)).toEqual([1, 2 / 3, 0]);
    expect(normalise([5, 5, null], 'minmax', true)).toEqual([0, 0, null]);
  });

  it('z-score by hand (population sd)', () => {
    // mean 2, sd sqrt(2/3)
    const sd = Math.sqrt(2 / 3);
    const z = normalise([1, 3, 2], 'zscore', true);
    expect(z[0]).toBeCloseTo(-1 / sd, 12);
    expect(z[1]).toBeCloseTo(1 / sd, 12);
    expect(z[2]).toBeCloseTo(0, 12);
    expect(normalise([1, 3, 2], 'zscore', false)[0]).toBeCloseTo(1 / sd, 12);
  });

  it('rank by hand, ties share their mean rank, missing stays missing', () => {
    expect(normalise([30, 10, 20], 'rank', true)).toEqual([1, 0, 0.5]);
    expect(normalise([10, 10, 20, null, 5], 'rank', true)).toEqual([0.5, 0.5, 1, null, 0]);
    expect(normalise([30, 10, 20], 'rank', false)).toEqual([0, 1, 0.5]);
  });
});

describe('needIndex', () => {
  it('hand-worked min-max index with weights renormalised', () => {
    // x minmax: A 0, B 1/3, C 1; y minmax: A 0, B 1, C 0.5. Weights 3:1 -> 0.75, 0.25.
    const r = needIndex({
      indicators: [
        { id: 'x', higherIsWorse: true, weight: 3 },
        { id: 'y', higherIsWorse: true, weight: 1 },
      ],
      rows,
      normalisation: 'minmax',
    });
    expect(r.weights).toEqual({ x: 0.75, y: 0.25 });
    expect(r.scores.map((s) => s.lau_code)).toEqual(['C', 'B', 'A']);
    const c = r.scores[0]!;
    expect(c.score).toBeCloseTo(0.75 + 0.125, 12);
    expect(c.contributions.x).toBeCloseTo(0.75, 12);
    expect(c.contributions.y).toBeCloseTo(0.125, 12);
    expect(r.scores[1]!.score).toBeCloseTo(0.25 + 0.25, 12);
    expect(r.scores[2]!.score).toBe(0);
    expect(r.scores.map((s) => s.rank)).toEqual([1, 2, 3]);
  });

  it('hand-worked rank index with a "higher is better" indicator', () => {
    // x rank: A 0, B .5, C 1; y flipped rank: A 1, B 0, C .5. Equal weights.
    const r = needIndex({
      indicators: [
        { id: 'x', higherIsWorse: true, weight: 50 },
        { id: 'y', higherIsWorse: false, weight: 50 },
      ],
      rows,
      normalisation: 'rank',
    });
    const by = Object.fromEntries(r.scores.map((s) => [s.lau_code, s]));
    expect(by.A!.score).toBeCloseTo(0.5, 12);
    expect(by.B!.score).toBeCloseTo(0.25, 12);
    expect(by.C!.score).toBeCloseTo(0.75, 12);
    // A and B: ranks C 1, A 2, B 3.
    expect([by.C!.rank, by.A!.rank, by.B!.rank]).toEqual([1, 2, 3]);
  });

  it('hand-worked z-score index', () => {
    const r = needIndex({
      indicators: [{ id: 'y', higherIsWorse: true, weight: 1 }],
      rows,
      normalisation: 'zscore',
    });
    const sd = Math.sqrt(2 / 3);
    expect(r.scores.map((s) => s.lau_code)).toEqual(['B', 'C', 'A']);
    expect(r.scores[0]!.score).toBeCloseTo(1 / sd, 12);
  });

  it('redistributes a missing indicator weight and reports it; excludes a row without values', () => {
    const r = needIndex({
      indicators: [
        { id: 'x', higherIsWorse: true, weight: 1 },
        { id: 'y', higherIsWorse: true, weight: 1 },
      ],
      rows: [
        { lau_code: 'A', values: { x: 0, y: 0 } },
        { lau_code: 'B', values: { x: 10, y: null } },
        { lau_code: 'C', values: { x: 5, y: 10 } },
        { lau_code: 'D', values: {} },
      ],
      normalisation: 'minmax',
    });
    const b = r.scores.find((s) => s.lau_code === 'B')!;
    expect(b.missing).toEqual(['y']);
    // B's only value (x = 1 after min-max) carries the whole weight.
    expect(b.score).toBe(1);
    expect(b.contributions).toEqual({ x: 1, y: 0 });
    expect(r.excluded).toEqual(['D']);
    expect(r.scores).toHaveLength(3);
  });

  it('renormalise: all zero gives equal weights; negatives count as zero', () => {
    expect(renormalise([0, 0])).toEqual([0.5, 0.5]);
    expect(renormalise([-1, 1])).toEqual([0, 1]);
  });

  const arbInput = fc
    .record({
      k: fc.integer({ min: 1, max: 5 }),
      n: fc.integer({ min: 1, max: 30 }),
      norm: fc.constantFrom('minmax' as const, 'zscore' as const, 'rank' as const),
    })
    .chain(({ k, n, norm }) =>
      fc.record({
        // Weights as a planner sets them: off, or from 0.01 % up (subnormal weights lose all precision
        // when renormalised and say nothing about the index).
        weights: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })), {
          minLength: k,
          maxLength: k,
        }),
        polarity: fc.array(fc.boolean(), { minLength: k, maxLength: k }),
        values: fc.array(
          fc.array(fc.option(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { freq: 6 }), {
            minLength: k,
            maxLength: k,
          }),
          { minLength: n, maxLength: n },
        ),
        norm: fc.constant(norm),
      }),
    )
    .map(({ weights, polarity, values, norm }): NeedInput => ({
      indicators: weights.map((w, i) => ({ id: `i${i}`, higherIsWorse: polarity[i]!, weight: w })),
      rows: values.map((vs, m) => ({
        lau_code: `M${String(m).padStart(2, '0')}`,
        values: Object.fromEntries(vs.map((v, i) => [`i${i}`, v])),
      })),
      normalisation: norm,
    }));

  it('property: contributions sum to the score; ranks are a permutation of 1..n in score order', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = needIndex(input);
        for (const s of r.scores) {
          const parts = Object.values(s.contributions);
          const sum = parts.reduce((a, b) => a + b, 0);
          // Rounding grows with the size of the parts summed (z-scores can cancel), not of the score.
          const scale = parts.reduce((a, b) => a + Math.abs(b), Math.abs(s.score));
          expect(Math.abs(sum - s.score)).toBeLessThan(1e-9 * Math.max(1, scale));
        }
        expect(r.scores.map((s) => s.rank)).toEqual(r.scores.map((_, i) => i + 1));
        for (let i = 1; i < r.scores.length; i++)
          expect(r.scores[i - 1]!.score).toBeGreaterThanOrEqual(r.scores[i]!.score);
        expect(r.scores.length + r.excluded.length).toBe(input.rows.length);
      }),
    );
  });

  it('property: an indicator with weight zero has no effect', () => {
    fc.assert(
      fc.property(arbInput, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (input, seed) => {
        const extra = {
          indicators: [...input.indicators, { id: 'zero', higherIsWorse: true, weight: 0 }],
          rows: input.rows.map((r, m) => ({
            ...r,
            values: { ...r.values, zero: m % 3 === 0 ? null : seed * m },
          })),
          normalisation: input.normalisation,
        };
        // At least one positive weight, else "all zero" means equal weights for all.
        fc.pre(input.indicators.some((i) => i.weight > 0));
        const a = needIndex(input);
        const b = needIndex(extra);
        expect(b.scores.map((s) => s.lau_code)).toEqual(a.scores.map((s) => s.lau_code));
        b.scores.forEach((s, i) => expect(s.score).toBeCloseTo(a.scores[i]!.score, 9));
      }),
    );
  });
});
