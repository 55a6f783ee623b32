import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSettings,
  defaultSettings,
  encodeSettings,
  type PlannerSettings,
} from '../../src/ui/planner/settings';
import { equalWeights, rebalance, toPercent } from '../../src/ui/planner/weights';

const defaults = defaultSettings({ a: 50, b: 50 });

describe('planner settings in the URL', () => {
  it('round-trips settings with scenarios (names with ë and ç)', () => {
    const s: PlannerSettings = {
      weights: { a: 70, b: 30 },
      norm: 'rank',
      k: 4,
      scenarios: [
        {
          name: 'Tre njësi – Korçë',
          weights: { a: 70, b: 30 },
          norm: 'zscore',
          catchment: '25km',
          year: 2024,
          k: 3,
          saved: '2026-11-30',
          result: {
            sites: ['AL1', 'AL2', 'AL3'],
            gains: [10.5, 5, 1],
            covered: 200.5,
            baseline: 184,
            total: 400,
            status: 'optimal',
            method: 'exact',
            gap: 0,
          },
        },
        {
          name: 'B',
          weights: { a: 100 },
          norm: 'minmax',
          catchment: 'self',
          year: 2025,
          k: 1,
          saved: '',
          result: null,
        },
      ],
      compare: [0, 1],
    };
    expect(decodeSettings(encodeSettings(s), defaults)).toEqual(s);
    expect(encodeSettings(s)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('a damaged or hostile link falls back to defaults field by field', () => {
    expect(decodeSettings('%%%not-base64', defaults)).toEqual(defaults);
    const enc = (o: unknown) =>
      btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const bad = decodeSettings(
      enc({
        w: { 'x<script>': 5 },
        n: 'evil',
        k: 99,
        s: [{ a: 'x', w: { a: 1 }, n: 'rank', c: '999km', y: 2020, k: 1 }],
        x: [0, 0],
      }),
      defaults,
    );
    expect(bad).toEqual(defaults);
  });

  it('property: any settings survive the round trip', () => {
    const arb = fc.record({
      weights: fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.integer({ min: 0, max: 100 }), {
        minKeys: 1,
        maxKeys: 6,
      }),
      norm: fc.constantFrom('minmax' as const, 'zscore' as const, 'rank' as const),
      k: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(arb, (s) => {
        const full: PlannerSettings = { ...s, scenarios: [], compare: null };
        expect(decodeSettings(encodeSettings(full), defaults)).toEqual(full);
      }),
    );
  });
});

describe('weight sliders', () => {
  it('moving one rescales the others in proportion and keeps the total at 100', () => {
    expect(rebalance({ a: 50, b: 30, c: 20 }, 'a', 80)).toEqual({ a: 80, b: 12, c: 8 });
    expect(rebalance({ a: 100, b: 0, c: 0 }, 'a', 40)).toEqual({ a: 40, b: 30, c: 30 });
    expect(rebalance({ a: 100 }, 'a', 10)).toEqual({ a: 100 });
  });

  it('property: whole percentages summing to 100, the moved slider where it was put', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 7 }),
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        (ws, pick, v) => {
          const w = Object.fromEntries(ws.map((x, i) => [`i${i}`, x]));
          const id = `i${pick % ws.length}`;
          const out = rebalance(w, id, v);
          expect(Object.values(out).reduce((a, b) => a + b, 0)).toBe(100);
          expect(out[id]).toBe(v);
          for (const x of Object.values(out)) expect(Number.isInteger(x) && x >= 0).toBe(true);
        },
      ),
    );
  });

  it('toPercent and equalWeights sum to 100', () => {
    expect(toPercent([1, 1, 1])).toEqual([34, 33, 33]);
    expect(equalWeights(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual({
      a: 17,
      b: 17,
      c: 17,
      d: 17,
      e: 16,
      f: 16,
    });
  });
});
