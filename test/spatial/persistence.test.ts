/** Hotspot persistence: Mann-Kendall by hand, each pattern on a made-up series, and cluster walking. */
import { describe, expect, it } from 'vitest';
import { classifyPersistence, clusterAround, mannKendall } from '../../src/analysis/spatial/persistence';
import { twoSidedP } from '../../src/analysis/spatial/normal';

describe('mannKendall', () => {
  it('matches the hand-worked increasing series 1..5: S = 10, Var = 50/3', () => {
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.s).toBe(10);
    expect(r.variance).toBeCloseTo(50 / 3, 12);
    expect(r.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 12);
    expect(r.p).toBeCloseTo(twoSidedP(9 / Math.sqrt(50 / 3)), 12);
  });

  it('corrects the variance for ties: [1, 1, 2] has S = 2, Var = (66 - 18)/18', () => {
    const r = mannKendall([1, 1, 2]);
    expect(r.s).toBe(2);
    expect(r.variance).toBeCloseTo(48 / 18, 12);
    expect(r.z).toBeCloseTo(1 / Math.sqrt(48 / 18), 12);
  });

  it('is symmetric: a falling series has the opposite S and z', () => {
    const up = mannKendall([0.1, 0.5, 0.4, 0.9, 1.3, 1.2]);
    const down = mannKendall([1.2, 1.3, 0.9, 0.4, 0.5, 0.1]);
    expect(down.s).toBe(-up.s);
    expect(down.z).toBeCloseTo(-up.z, 12);
  });
});

describe('classifyPersistence', () => {
  const H = true;
  const _ = false;
  const flat = Array.from({ length: 11 }, (_, i) => 3 + (i % 2) * 0.1);
  const rising = Array.from({ length: 11 }, (_, i) => 1.7 + i * 0.3);
  const falling = [...rising].reverse();
  it.each([
    ['none', [_, _, _, _, _, _, _, _, _, _, _], flat],
    ['historical', [H, H, H, H, _, _, _, _, _, _, _], falling],
    ['new', [_, _, _, _, _, _, _, _, _, _, H], rising],
    ['consecutive', [_, _, _, _, _, _, _, H, H, H, H], rising],
    ['sporadic', [_, H, _, _, H, _, _, _, H, _, H], flat],
    ['persistent', [H, H, H, H, H, H, H, H, H, H, H], flat],
    ['persistent', [H, H, H, H, _, H, H, H, H, H, H], flat],
    ['intensifying', [H, H, H, H, H, H, H, H, H, H, H], rising],
    ['diminishing', [H, H, H, H, H, H, H, H, H, H, H], falling],
  ] as const)('%s', (expected, hot, z) => {
    expect(classifyPersistence(hot, z)).toBe(expected);
  });
});

describe('clusterAround', () => {
  // A path 0-1-2-3-4 with 5 alone.
  const links = [[1], [0, 2], [1, 3], [2, 4], [3], []];
  it('walks connected members only', () => {
    const member = (i: number) => i !== 2;
    expect(clusterAround(0, links, member)).toEqual([0, 1]);
    expect(clusterAround(4, links, member)).toEqual([3, 4]);
    expect(clusterAround(5, links, member)).toEqual([5]);
    expect(clusterAround(2, links, member)).toEqual([]);
    expect(clusterAround(1, links, () => true)).toEqual([0, 1, 2, 3, 4]);
  });
});
