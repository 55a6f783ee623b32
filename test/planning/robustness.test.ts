import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needIndex, type NeedInput } from '../../src/analysis/planning/need-index';
import { rankIntervals } from '../../src/analysis/planning/robustness';
import { createRng } from '../../src/analysis/random';

function input(n: number, seed: number): NeedInput {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 100;
  return {
    indicators: [
      { id: 'a', higherIsWorse: true, weight: 40 },
      { id: 'b', higherIsWorse: false, weight: 35 },
      { id: 'c', higherIsWorse: true, weight: 25 },
    ],
    rows: Array.from({ length: n }, (_, m) => ({
      lau_code: `M${String(m).padStart(2, '0')}`,
      values: { a: next(), b: next(), c: m === 3 ? null : next() },
    })),
    normalisation: 'minmax',
  };
}

describe('rankIntervals', () => {
  it('the same seed gives the same intervals; another seed may not', () => {
    const inp = input(61, 7);
    expect(rankIntervals(inp, { seed: 1 })).toEqual(rankIntervals(inp, { seed: 1 }));
    const a = rankIntervals(inp, { seed: 1, draws: 500 });
    const b = rankIntervals(inp, { seed: 2, draws: 500 });
    expect(a.map((r) => [r.low, r.high])).not.toEqual(b.map((r) => [r.low, r.high]));
  });

  it('no spread: every interval is the point rank of the index', () => {
    const inp = input(20, 3);
    const idx = needIndex(inp);
    const r = rankIntervals(inp, { spread: 0, draws: 50 });
    expect(r.map((x) => [x.lau_code, x.rank])).toEqual(idx.scores.map((s) => [s.lau_code, s.rank]));
    for (const x of r)
      expect([x.low, x.high, x.min, x.max, x.median]).toEqual([x.rank, x.rank, x.rank, x.rank, x.rank]);
  });

  it('a dominant municipality keeps rank 1; two identical rows swap only by their tie rule', () => {
    const inp: NeedInput = {
      indicators: [
        { id: 'a', higherIsWorse: true, weight: 1 },
        { id: 'b', higherIsWorse: true, weight: 1 },
      ],
      rows: [
        { lau_code: 'TOP', values: { a: 100, b: 100 } },
        { lau_code: 'X', values: { a: 10, b: 60 } },
        { lau_code: 'Y', values: { a: 60, b: 10 } },
        { lau_code: 'Z', values: { a: 0, b: 0 } },
      ],
      normalisation: 'minmax',
    };
    const r = rankIntervals(inp, { spread: 0.5, draws: 1000, seed: 9 });
    expect(r[0]).toMatchObject({ lau_code: 'TOP', min: 1, max: 1 });
    expect(r[3]).toMatchObject({ lau_code: 'Z', min: 4, max: 4 });
    // X and Y are symmetric: their ranks trade places depending on which weight is drawn larger.
    const x = r.find((v) => v.lau_code === 'X')!;
    expect([x.min, x.max]).toEqual([2, 3]);
  });

  it('property: intervals contain sensible ranks and are ordered min <= low <= median <= high <= max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const r = rankIntervals(input(n, seed), { draws: 200, seed });
        expect(r.map((x) => x.rank)).toEqual(r.map((_, i) => i + 1));
        for (const x of r) {
          expect(x.min).toBeGreaterThanOrEqual(1);
          expect(x.max).toBeLessThanOrEqual(n);
          expect(x.min <= x.low && x.low <= x.median && x.median <= x.high && x.high <= x.max).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('matches a naive recomputation of the index for every draw (same seeded weights)', () => {
    const inp = input(25, 5);
    const draws = 300;
    const rng = createRng(77);
    const ranks = new Map<string, number[]>();
    const total = inp.indicators.reduce((a, i) => a + i.weight, 0);
    for (let d = 0; d < draws; d++) {
      const perturbed = inp.indicators.map((i) => ({
        ...i,
        weight: (i.weight / total) * (1 + 0.3 * (2 * rng() - 1)),
      }));
      for (const s of needIndex({ ...inp, indicators: perturbed }).scores) {
        ranks.set(s.lau_code, [...(ranks.get(s.lau_code) ?? []), s.rank]);
      }
    }
    const fast = rankIntervals(inp, { spread: 0.3, draws, seed: 77 });
    for (const r of fast) {
      const list = ranks.get(r.lau_code)!.sort((a, b) => a - b);
      expect([r.min, r.max]).toEqual([list[0], list[list.length - 1]]);
      expect(r.low).toBe(list[Math.ceil(0.05 * draws) - 1]);
      expect(r.high).toBe(list[Math.ceil(0.95 * draws) - 1]);
    }
  });

  it('is fast: 2,000 draws over 61 municipalities in under half a second on a shared machine', () => {
    const inp = input(61, 11);
    rankIntervals(inp);
    const t0 = performance.now();
    rankIntervals(inp);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
