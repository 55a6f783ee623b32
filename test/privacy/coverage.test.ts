/**
 * Invariance to hidden values, unit coverage: for random units and caseloads, a second caseload that shows
 * exactly the same figures (children assisted moved between two hidden units that only a shown county total
 * ties together, or between hidden units of hidden counties) gives exactly the same coverage year: every
 * unit's children assisted, every county's and Albania's total, per unit and per worker, children within
 * reach and their share. docs/privacy.md lists what this covers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageYear, NATIONAL, type Assisted, type CoverageInput } from '../../src/analysis/coverage';
import { moveWithin, type Movable } from './helpers';

const K = 5;
const YEAR = 2025;
const LAUS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'];

const unitArb = fc.record({
  lau: fc.constantFrom(...LAUS),
  opened: fc.integer({ min: 2018, max: 2026 }),
  staff: fc.integer({ min: 1, max: 6 }),
  assisted: fc.option(fc.nat({ max: 14 }), { freq: 10 }),
});
const inputArb = fc.record({
  county: fc.array(fc.constantFrom('Q0', 'Q1'), { minLength: LAUS.length, maxLength: LAUS.length }),
  children: fc.array(fc.integer({ min: 100, max: 9000 }), { minLength: LAUS.length, maxLength: LAUS.length }),
  units: fc.array(unitArb, { minLength: 1, maxLength: 9 }),
});

type Generated = {
  county: string[];
  children: number[];
  units: { lau: string; opened: number; staff: number; assisted: number | null }[];
};

function inputOf(v: Generated, caseload: readonly Assisted[]): CoverageInput {
  return {
    units: v.units.map((u, i) => ({
      id: `u${i}`,
      lau_code: u.lau,
      name: `Unit ${i}`,
      lon: 19 + LAUS.indexOf(u.lau) / 10,
      lat: 41,
      opened: u.opened,
      closed: null,
      supporter: i % 2 ? 'UNICEF' : 'State',
      staff: u.staff,
    })),
    caseload,
    children: LAUS.map((l, i) => ({ lau_code: l, year: YEAR, children: v.children[i]! })),
    municipalities: LAUS.map((l, i) => ({ lau_code: l, qark_code: v.county[i]! })),
    geometry: {
      places: LAUS.map((l, i) => ({ lau_code: l, lon: 19 + i / 10, lat: 41 })),
      neighbours: new Map(),
    },
  };
}

describe('unit coverage: invariance to hidden values', { timeout: 60_000 }, () => {
  it('a caseload showing the same figures gives the same coverage figures', () => {
    let changed = 0;
    fc.assert(
      fc.property(inputArb, fc.tuple(fc.nat(), fc.nat(), fc.nat()), (v, pick) => {
        const caseload = v.units.map((u, i) => ({
          facility_id: `u${i}`,
          year: YEAR,
          children_assisted: u.assisted,
        }));
        const first = coverageYear(inputOf(v, caseload), { kind: 'self' }, YEAR, K);
        const countyHidden = new Set(first.counties.filter((c) => c.assisted.suppressed).map((c) => c.code));
        const movable = first.units.flatMap((u): Movable[] =>
          u.assisted.suppressed
            ? [
                {
                  index: Number(u.id.slice(1)),
                  group: countyHidden.has(u.qark_code) ? NATIONAL : u.qark_code,
                  value: caseload[Number(u.id.slice(1))]!.children_assisted!,
                },
              ]
            : [],
        );
        const move = moveWithin(movable, pick);
        if (!move) return;
        const other = caseload.map((c, i) => {
          const n = move.get(i);
          return n === undefined ? c : { ...c, children_assisted: n };
        });
        const second = coverageYear(inputOf(v, other), { kind: 'self' }, YEAR, K);
        const pattern = (y: typeof first) =>
          JSON.stringify([
            y.units.map((u) => u.assisted.suppressed),
            y.counties.map((c) => c.assisted.suppressed),
          ]);
        if (pattern(second) !== pattern(first)) return;
        changed++;
        expect(second).toEqual(first);
      }),
      { numRuns: 10_000 },
    );
    expect(changed).toBeGreaterThan(1_000);
  });
});
