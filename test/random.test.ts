import { describe, expect, it } from 'vitest';
import { createRng, normal } from '../src/analysis/random';

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(20151);
    const b = createRng(20151);
    const xs = Array.from({ length: 1000 }, () => a());
    const ys = Array.from({ length: 1000 }, () => b());
    expect(xs).toEqual(ys);
  });

  it('gives different sequences for different seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const xs = Array.from({ length: 10 }, () => a());
    const ys = Array.from({ length: 10 }, () => b());
    expect(xs).not.toEqual(ys);
  });

  it('pins the first values, so a change to the algorithm cannot slip in unnoticed', () => {
    // The demo data depend on this exact sequence; regenerate public/data if this ever changes.
    const rng = createRng(20151);
    expect([rng(), rng(), rng()]).toEqual([0.10503192339092493, 0.8982229372486472, 0.35417706007137895]);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = createRng(42);
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng();
      if (!(x >= 0 && x < 1)) outside++;
      const bin = Math.floor(x * 10);
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(n / 100);
  });

  it('truncates the seed to 32 bits', () => {
    const a = createRng(2 ** 32 + 7);
    const b = createRng(7);
    expect(a()).toBe(b());
  });
});

describe('normal', () => {
  it('is deterministic and has mean ~0 and standard deviation ~1', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 50_000 }, () => normal(rng));
    };
    const xs = draw(7);
    expect(draw(7)).toEqual(xs);
    expect(xs.every(Number.isFinite)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });

  it('stays finite when the generator returns exactly 0', () => {
    expect(Number.isFinite(normal(() => 0))).toBe(true);
  });
});
