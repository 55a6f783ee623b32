/** Coverage figures: a hand-computed four-municipality case, and properties on the real boundaries. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catchmentGeometry,
  type Catchment,
  type CatchmentGeometry,
  type MunicipalityFeature,
} from '../src/analysis/catchment';
import {
  coverageSeries,
  coverageYear,
  coverageYears,
  isActive,
  NATIONAL,
  type CoverageInput,
  type Unit,
} from '../src/analysis/coverage';

// Four municipalities on the equator: A(0°), B(0.1°, 11.1 km from A), C(0.3°, 33.4 km from A), D(1°).
// Borders: A–B, B–C, C–D. Counties: Q1 = {A, B}, Q2 = {C, D}.
const line: CatchmentGeometry = {
  places: [
    { lau_code: 'A', lon: 0, lat: 0 },
    { lau_code: 'B', lon: 0.1, lat: 0 },
    { lau_code: 'C', lon: 0.3, lat: 0 },
    { lau_code: 'D', lon: 1, lat: 0 },
  ],
  neighbours: new Map([
    ['A', ['B']],
    ['B', ['A', 'C']],
    ['C', ['B', 'D']],
    ['D', ['C']],
  ]),
};
const unit = (id: string, lau: string, lon: number, opened: number, closed: number | null, staff: number) =>
  ({
    id,
    lau_code: lau,
    name: `Unit ${id}`,
    lon,
    lat: 0,
    opened,
    closed,
    supporter: id === 'U1' ? 'X' : 'Y',
    staff,
  }) satisfies Unit;
const small: CoverageInput = {
  geometry: line,
  municipalities: [
    { lau_code: 'A', qark_code: 'Q1' },
    { lau_code: 'B', qark_code: 'Q1' },
    { lau_code: 'C', qark_code: 'Q2' },
    { lau_code: 'D', qark_code: 'Q2' },
  ],
  units: [
    unit('U1', 'A', 0, 2010, null, 2),
    unit('U2', 'C', 0.3, 2020, null, 1),
    unit('U3', 'D', 1, 2015, 2020, 3),
  ],
  caseload: [
    { facility_id: 'U1', year: 2019, children_assisted: 25 },
    { facility_id: 'U3', year: 2019, children_assisted: 40 },
    { facility_id: 'U1', year: 2020, children_assisted: 30 },
    { facility_id: 'U2', year: 2020, children_assisted: 3 },
  ],
  children: [2019, 2020].flatMap((year) =>
    [
      ['A', 100],
      ['B', 200],
      ['C', 300],
      ['D', 400],
    ].map(([lau_code, children]) => ({ lau_code: lau_code as string, year, children: children as number })),
  ),
};
const county = (y: ReturnType<typeof coverageYear>, code: string) => y.counties.find((c) => c.code === code)!;

describe('coverage, hand-computed', () => {
  it('a unit is active from its opening year until the year before it closes', () => {
    const u = small.units[2]!;
    expect([2014, 2015, 2019, 2020].map((y) => isActive(u, y))).toEqual([false, true, true, false]);
  });

  it('self, 2020: A and C covered, 400 of 1,000 children; a small caseload hides its county and Albania', () => {
    const y = coverageYear(small, { kind: 'self' }, 2020, 5);
    expect(y.municipalities.map((m) => [m.lau_code, m.covered, m.units])).toEqual([
      ['A', true, ['U1']],
      ['B', false, []],
      ['C', true, ['U2']],
      ['D', false, []],
    ]);
    expect(y.national).toMatchObject({ units: 2, children: 1000, covered: 400, share: 0.4, uncovered: 2 });
    expect(county(y, 'Q1')).toMatchObject({ units: 1, children: 300, covered: 100, staff: 2 });
    expect(county(y, 'Q1').share).toBeCloseTo(1 / 3, 12);
    expect(county(y, 'Q2').share).toBeCloseTo(3 / 7, 12);
    // U2 assisted 3 children: hidden; Q2 has no other unit to hide with it, so Q2's total goes, and Albania's.
    expect(y.units.find((u) => u.id === 'U2')!.assisted).toEqual({ value: null, suppressed: true });
    expect(county(y, 'Q2').assisted.suppressed).toBe(true);
    expect(county(y, 'Q2').perUnit).toEqual({ value: null, suppressed: true });
    expect(y.national.assisted.suppressed).toBe(true);
    expect(y.national.perWorker.suppressed).toBe(true);
    // Q1 rests on U1 alone (30 children, 2 workers): shown.
    expect(county(y, 'Q1')).toMatchObject({
      assisted: { value: 30, suppressed: false },
      perUnit: { value: 30, suppressed: false },
      perWorker: { value: 15, suppressed: false },
    });
    expect(y.bySupporter).toEqual([
      { supporter: 'X', units: 1 },
      { supporter: 'Y', units: 1 },
    ]);
  });

  it('border, 2020: every municipality covered; B is reached by both units', () => {
    const y = coverageYear(small, { kind: 'border' }, 2020, 5);
    expect(y.national).toMatchObject({ covered: 1000, share: 1, uncovered: 0 });
    expect(y.municipalities.find((m) => m.lau_code === 'B')!.units).toEqual(['U1', 'U2']);
  });

  it('radius 12 km, 2020: U1 reaches B (11.1 km), U2 reaches neither B (22 km) nor D', () => {
    const y = coverageYear(small, { kind: 'radius', km: 12 }, 2020, 5);
    expect(y.municipalities.filter((m) => m.covered).map((m) => m.lau_code)).toEqual(['A', 'B', 'C']);
    expect(y.national.share).toBeCloseTo(0.6, 12);
  });

  it('self, 2019: U1 and U3 active; every total shown', () => {
    const y = coverageYear(small, { kind: 'self' }, 2019, 5);
    expect(y.national).toMatchObject({
      units: 2,
      covered: 500,
      share: 0.5,
      assisted: { value: 65, suppressed: false },
      perUnit: { value: 32.5, suppressed: false },
      perWorker: { value: 13, suppressed: false },
    });
    expect(county(y, 'Q2').assisted.value).toBe(40);
  });

  it('with k = 3 the caseload of 3 is shown', () => {
    const y = coverageYear(small, { kind: 'self' }, 2020, 3);
    expect(y.national.assisted).toEqual({ value: 33, suppressed: false });
  });

  it('a unit without a caseload report counts as a unit but not in the per-unit figures', () => {
    const input = { ...small, caseload: small.caseload.filter((c) => c.facility_id !== 'U3') };
    const y = coverageYear(input, { kind: 'self' }, 2019, 5);
    expect(y.national.units).toBe(2);
    expect(y.national.assisted.value).toBe(25);
    expect(y.national.perUnit.value).toBe(25);
    expect(y.national.perWorker.value).toBe(12.5);
    expect(county(y, 'Q2').assisted).toEqual({ value: null, suppressed: false });
  });

  it('the series runs over the years with child population', () => {
    expect(coverageYears(small)).toEqual([2019, 2020]);
    const s = coverageSeries(small, { kind: 'self' }, 5);
    expect(s.map((y) => [y.year, y.national.share])).toEqual([
      [2019, 0.5],
      [2020, 0.4],
    ]);
  });
});

describe('coverage properties on the real boundaries', () => {
  const features = (
    JSON.parse(readFileSync(new URL('../public/data/municipalities.geojson', import.meta.url), 'utf8')) as {
      features: (MunicipalityFeature & { properties: { qark_code: string } })[];
    }
  ).features;
  const geometry = catchmentGeometry(features);
  const municipalities = features.map((f) => ({
    lau_code: f.properties.lau_code,
    qark_code: f.properties.qark_code,
  }));

  /** Random units at random municipalities' points, random caseloads (small ones included), random children. */
  const inputs = fc
    .record({
      sites: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 15 }),
      opened: fc.array(fc.integer({ min: 2010, max: 2021 }), { minLength: 15, maxLength: 15 }),
      assisted: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 15, maxLength: 15 }),
      children: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 61, maxLength: 61 }),
    })
    .map(({ sites, opened, assisted, children }): CoverageInput => {
      const units = sites.map((s, i) => {
        const p = geometry.places[s]!;
        return { ...unit(`U${i}`, p.lau_code, p.lon, opened[i]!, null, 1 + (i % 3)), lat: p.lat };
      });
      return {
        geometry,
        municipalities,
        units,
        caseload: units.map((u, i) => ({ facility_id: u.id, year: 2020, children_assisted: assisted[i]! })),
        children: geometry.places.map((p, i) => ({
          lau_code: p.lau_code,
          year: 2020,
          children: children[i]!,
        })),
      };
    });
  const covered = (input: CoverageInput, c: Catchment) => coverageYear(input, c, 2020, 5).national.covered;

  it('a bigger radius never covers fewer children, and border never fewer than self', () => {
    fc.assert(
      fc.property(
        inputs,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (input, a, b) => {
          const lo = covered(input, { kind: 'radius', km: Math.min(a, b) });
          const hi = covered(input, { kind: 'radius', km: Math.max(a, b) });
          expect(lo).toBeLessThanOrEqual(hi);
          expect(covered(input, { kind: 'self' })).toBeLessThanOrEqual(covered(input, { kind: 'border' }));
          expect(covered(input, { kind: 'self' })).toBeLessThanOrEqual(lo);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('shares lie in [0, 1]; counties add up to Albania; no shown caseload is a small count', () => {
    fc.assert(
      fc.property(
        inputs,
        fc.constantFrom<Catchment>({ kind: 'self' }, { kind: 'border' }, { kind: 'radius', km: 30 }),
        (input, c) => {
          const y = coverageYear(input, c, 2020, 5);
          for (const a of [...y.counties, y.national]) {
            if (a.share !== null) {
              expect(a.share).toBeGreaterThanOrEqual(0);
              expect(a.share).toBeLessThanOrEqual(1);
            }
            expect(a.assisted.value === null || a.assisted.value === 0 || a.assisted.value >= 5).toBe(true);
          }
          for (const u of y.units) {
            expect(u.assisted.value === null || u.assisted.value === 0 || u.assisted.value >= 5).toBe(true);
          }
          expect(y.counties.reduce((s, a) => s + a.covered, 0)).toBe(y.national.covered);
          expect(y.counties.reduce((s, a) => s + a.units, 0)).toBe(y.national.units);
          expect(y.national.code).toBe(NATIONAL);
        },
      ),
      { numRuns: 60 },
    );
  });
});
