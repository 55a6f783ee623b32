import { describe, expect, it } from 'vitest';
import { normalSf, twoSidedP } from '../../src/analysis/spatial';
import { erfc } from '../../src/analysis/spatial/normal';

// Reference values of erfc from CPython's math.erfc (libm quality, ~1e-16 relative), printed with repr().
const ERFC: [number, number][] = [
  [-1, 1.842700792949715],
  [0.1, 0.8875370839817152],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [1.5, 0.033894853524689274],
  [1.9999, 0.004679802092970608],
  [2, 0.004677734981047265],
  [3, 2.2090496998585438e-5],
  [5, 1.5374597944280351e-12],
  [10, 2.088487583762545e-45],
  [26, 5.663192408856143e-296],
];

describe('normal tail probabilities', () => {
  it('erfc is accurate to ~1e-13 relative over the whole range', () => {
    for (const [x, expected] of ERFC) {
      expect(Math.abs(erfc(x) - expected) / expected, `erfc(${x})`).toBeLessThan(1e-13);
    }
    expect(erfc(0)).toBe(1);
  });

  it('reproduces the familiar critical values', () => {
    expect(Math.abs(normalSf(1.6448536269514722) - 0.05)).toBeLessThan(1e-15);
    expect(Math.abs(twoSidedP(1.959963984540054) - 0.05)).toBeLessThan(1e-15);
    expect(Math.abs(twoSidedP(-2.5758293035489004) - 0.01)).toBeLessThan(1e-15);
    expect(twoSidedP(0)).toBe(1);
    expect(Number.isNaN(twoSidedP(NaN))).toBe(true);
  });
});
