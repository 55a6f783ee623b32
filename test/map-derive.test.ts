import { describe, expect, it } from 'vitest';
import type { MapValue } from '../src/engine/engine';
import type { IndicatorMeta } from '../src/engine/schema';
import { change, choicesKey, deriveMap, inMeasure, type MapChoices } from '../src/ui/map/derive';

const rate = {
  id: 'r',
  aggregation: 'ratio',
  scale: 1000,
  higherIsWorse: true,
} as unknown as IndicatorMeta;

const v = (
  lau: string,
  value: number | null,
  num: number | null,
  den: number | null,
  suppressed = false,
): MapValue => ({
  lau_code: lau,
  value,
  suppressed,
  numerator: num,
  denominator: den,
});

const choices: MapChoices = {
  year: 2025,
  year2: 2015,
  level: 'municipality',
  measure: 'rate',
  compare: 'none',
  fixed: false,
  method: 'quantile',
  classes: 5,
  palette: '',
  manual: [],
};

describe('map derivation', () => {
  const y2015 = [v('A', 10, 10, 1000), v('B', 20, 40, 2000), v('C', null, null, null, true)];
  const y2025 = [v('A', 15, 15, 1000), v('B', 10, 20, 2000), v('C', 30, 30, 1000)];
  const series = new Map([
    [2015, y2015],
    [2025, y2025],
  ]);

  it('shows counts as the numerators, and keeps suppressed cells hidden', () => {
    const counts = inMeasure(rate, y2015, 'count');
    expect(counts.map((c) => c.value)).toEqual([10, 40, null]);
    expect(counts[2]!.suppressed).toBe(true);
  });

  it('smooths rates toward the global rate (empirical Bayes), in the indicator scale', () => {
    const s = inMeasure(rate, y2025, 'smoothed');
    const global = (65 / 4000) * 1000;
    for (const [i, raw] of [15, 10, 30].entries()) {
      const sm = s[i]!.value!;
      // Between the raw rate and the global rate.
      expect(sm).toBeGreaterThanOrEqual(Math.min(raw, global) - 1e-9);
      expect(sm).toBeLessThanOrEqual(Math.max(raw, global) + 1e-9);
    }
  });

  it('a change map subtracts the earlier year and hides a change that rests on a hidden cell', () => {
    const d = change(y2025, y2015);
    expect(d.map((x) => x.value)).toEqual([5, -10, null]);
    expect(d[2]!.suppressed).toBe(true);
    const m = deriveMap(rate, series, { ...choices, compare: 'change' });
    expect(m.diverging).toBe(true);
    expect(m.basis.sort((a, b) => a - b)).toEqual([-10, 5]);
  });

  it('fixed classes pool every year; side by side pools the two years', () => {
    expect(deriveMap(rate, series, { ...choices, fixed: true }).basis.sort((a, b) => a - b)).toEqual([
      10, 10, 15, 20, 30,
    ]);
    const side = deriveMap(rate, series, { ...choices, compare: 'side' });
    expect(side.second?.get('B')?.value).toBe(20);
    expect(side.basis).toHaveLength(5);
    expect(deriveMap(rate, series, choices).basis).toEqual([15, 10, 30]);
  });

  it('a count indicator has no rate to smooth', () => {
    const count = { ...rate, aggregation: 'sum' } as IndicatorMeta;
    expect(deriveMap(count, series, { ...choices, measure: 'smoothed' }).measure).toBe('rate');
  });

  it('every choice that changes the picture changes the key', () => {
    const base = choicesKey(choices, null);
    const patches: Partial<MapChoices>[] = [
      { year: 2024 },
      { level: 'county' },
      { measure: 'count' },
      { compare: 'change' },
      { fixed: true },
      { method: 'fisher' },
      { classes: 7 },
      { palette: 'viridis' },
    ];
    for (const p of patches) expect(choicesKey({ ...choices, ...p }, null)).not.toBe(base);
    expect(choicesKey(choices, 'AL-11')).not.toBe(base);
  });
});
