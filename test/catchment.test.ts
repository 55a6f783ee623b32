/** Catchment models: code parsing, representative points and reach on the real municipality boundaries. */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catchmentCode,
  catchmentGeometry,
  parseCatchment,
  reach,
  type MunicipalityFeature,
} from '../src/analysis/catchment';
import { haversineKm } from '../src/analysis/spatial/distance';

const features = (
  JSON.parse(readFileSync(new URL('../public/data/municipalities.geojson', import.meta.url), 'utf8')) as {
    features: MunicipalityFeature[];
  }
).features;
const geom = catchmentGeometry(features);
const place = (code: string) => geom.places.find((p) => p.lau_code === code)!;
const at = (code: string) => ({ ...place(code) });

describe('catchment codes', () => {
  it('parses the three models and round-trips them', () => {
    expect(parseCatchment('self')).toEqual({ kind: 'self' });
    expect(parseCatchment('border')).toEqual({ kind: 'border' });
    expect(parseCatchment('25km')).toEqual({ kind: 'radius', km: 25 });
    expect(parseCatchment('1km')).toEqual({ kind: 'radius', km: 1 });
    expect(parseCatchment('200km')).toEqual({ kind: 'radius', km: 200 });
    for (const code of ['self', 'border', '1km', '37km', '200km']) {
      expect(catchmentCode(parseCatchment(code))).toBe(code);
    }
  });

  it('throws RangeError on anything else', () => {
    for (const bad of [
      '',
      'Self',
      'borders',
      '0km',
      '201km',
      '2.5km',
      '-5km',
      '25',
      'km',
      '25 km',
      '1000km',
    ]) {
      expect(() => parseCatchment(bad), bad).toThrow(RangeError);
    }
  });

  it('accepts exactly the integers 1..200 followed by km', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 400 }), (n) => {
        const ok = n >= 1 && n <= 200;
        if (ok) expect(parseCatchment(`${n}km`)).toEqual({ kind: 'radius', km: n });
        else expect(() => parseCatchment(`${n}km`)).toThrow(RangeError);
      }),
    );
  });
});

describe('catchment geometry of the real boundaries', () => {
  it('gives every one of the 61 municipalities a point inside itself, in Albania', () => {
    expect(geom.places).toHaveLength(61);
    for (const f of features) {
      const p = place(f.properties.lau_code);
      expect(booleanPointInPolygon(point([p.lon, p.lat]), f), f.properties.lau_code).toBe(true);
      expect(p.lon).toBeGreaterThan(19);
      expect(p.lon).toBeLessThan(21.1);
      expect(p.lat).toBeGreaterThan(39.6);
      expect(p.lat).toBeLessThan(42.7);
    }
  });

  it("finds Tiranë's border neighbours", () => {
    // Tiranë (AL224) borders Kamëz, Vorë, Shijak, Durrës, Krujë, Kavajë, Rrogozhinë, Peqin, Elbasan,
    // Librazhd, Bulqizë, Klos and Mat on the snapped 2015 boundaries (codes: data/geo lookup).
    expect(geom.neighbours.get('AL224')).toEqual([
      'AL111',
      'AL113',
      'AL114',
      'AL121',
      'AL122',
      'AL123',
      'AL213',
      'AL215',
      'AL216',
      'AL221',
      'AL222',
      'AL223',
      'AL225',
    ]);
    // Sarandë (AL355) is nowhere near Tiranë.
    expect(geom.neighbours.get('AL355')).not.toContain('AL224');
  });

  it('has symmetric borders', () => {
    for (const [a, list] of geom.neighbours) {
      for (const b of list) expect(geom.neighbours.get(b), `${a}-${b}`).toContain(a);
    }
  });

  it('puts the points at plausible distances (Tiranë–Durrës about 33 km, Tiranë–Kamëz about 12 km)', () => {
    const d = (a: string, b: string) =>
      haversineKm([place(a).lon, place(a).lat], [place(b).lon, place(b).lat]);
    expect(d('AL224', 'AL121')).toBeGreaterThan(25);
    expect(d('AL224', 'AL121')).toBeLessThan(40);
    expect(d('AL224', 'AL221')).toBeGreaterThan(5);
    expect(d('AL224', 'AL221')).toBeLessThan(20);
  });
});

describe('reach', () => {
  it('self is the own municipality only', () => {
    expect(reach(geom, { kind: 'self' }, at('AL224'))).toEqual(['AL224']);
  });

  it('border is the own municipality plus its neighbours, sorted', () => {
    expect(reach(geom, { kind: 'border' }, at('AL221'))).toEqual(['AL122', 'AL221', 'AL224', 'AL225']);
    const tirane = reach(geom, { kind: 'border' }, at('AL224'));
    expect(tirane).toHaveLength(14);
    expect([...tirane].sort()).toEqual(tirane);
  });

  it('always includes the site municipality, even with a point elsewhere or an unknown code', () => {
    const far = { lau_code: 'AL224', lon: place('AL355').lon, lat: place('AL355').lat };
    expect(reach(geom, { kind: 'radius', km: 1 }, far)).toEqual(['AL224', 'AL355']);
    expect(reach(geom, { kind: 'border' }, { lau_code: 'XX999', lon: 0, lat: 0 })).toEqual(['XX999']);
  });

  it('a radius of (almost) zero at a representative point is self', () => {
    for (const p of geom.places) {
      expect(reach(geom, { kind: 'radius', km: 1e-6 }, { ...p })).toEqual([p.lau_code]);
    }
  });

  it('a radius reaching across the country covers all 61 municipalities', () => {
    expect(reach(geom, { kind: 'radius', km: 400 }, at('AL224'))).toHaveLength(61);
  });

  it('Tiranë at 30 km reaches Kamëz but not Durrës (33 km away)', () => {
    const r = reach(geom, { kind: 'radius', km: 30 }, at('AL224'));
    expect(r).toContain('AL221');
    expect(r).not.toContain('AL121');
    expect(reach(geom, { kind: 'radius', km: 35 }, at('AL224'))).toContain('AL121');
  });

  it('is monotone in km', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 150, noNaN: true }),
        (i, a, b) => {
          const site = { ...geom.places[i]! };
          const small = reach(geom, { kind: 'radius', km: Math.min(a, b) }, site);
          const big = new Set(reach(geom, { kind: 'radius', km: Math.max(a, b) }, site));
          for (const code of small) expect(big.has(code)).toBe(true);
        },
      ),
    );
  });

  it('is symmetric for radius between representative points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 120 }),
        (i, j, km) => {
          const a = geom.places[i]!;
          const b = geom.places[j]!;
          const ab = reach(geom, { kind: 'radius', km }, { ...a }).includes(b.lau_code);
          const ba = reach(geom, { kind: 'radius', km }, { ...b }).includes(a.lau_code);
          expect(ab).toBe(ba);
        },
      ),
    );
  });

  it('rejects a negative or infinite radius', () => {
    expect(() => reach(geom, { kind: 'radius', km: -1 }, at('AL224'))).toThrow(RangeError);
    expect(() => reach(geom, { kind: 'radius', km: Infinity }, at('AL224'))).toThrow(RangeError);
  });
});
