import { describe, expect, it } from 'vitest';
import {
  laeaForward,
  laeaInverse,
  lccForward,
  lccInverse,
  webMercatorForward,
  webMercatorInverse,
} from '../../src/import/geojson-proj-conic';
import { GRS80, tmForward, tmInverse } from '../../src/import/geojson-proj-tm';

const CLARKE_1866 = { a: 6378206.4, invF: 294.9786982 };
const FT_US = 1200 / 3937;

describe('projection formulas against published examples', () => {
  it('Transverse Mercator: Snyder (1987) p. 269, UTM example on Clarke 1866', () => {
    const p = { ellipsoid: CLARKE_1866, lon0: -75, lat0: 0, k0: 0.9996, falseEasting: 0, falseNorthing: 0 };
    const [x, y] = tmForward(p, -73.5, 40.5);
    expect(x).toBeCloseTo(127106.5, 0);
    expect(y).toBeCloseTo(4484124.4, 0);
    const [lon, lat] = tmInverse(p, x, y);
    expect(lon).toBeCloseTo(-73.5, 8);
    expect(lat).toBeCloseTo(40.5, 8);
  });

  it('Lambert Conic Conformal (2SP): IOGP Guidance Note 7-2, Texas South Central', () => {
    const p = {
      ellipsoid: CLARKE_1866,
      lat0: 27 + 50 / 60,
      lon0: -99,
      lat1: 28 + 23 / 60,
      lat2: 30 + 17 / 60,
      falseEasting: 2000000 * FT_US,
      falseNorthing: 0,
    };
    const [x, y] = lccForward(p, -96, 28.5);
    expect(x / FT_US).toBeCloseTo(2963503.91, 1);
    expect(y / FT_US).toBeCloseTo(254759.8, 1);
    const [lon, lat] = lccInverse(p, x, y);
    expect(lon).toBeCloseTo(-96, 9);
    expect(lat).toBeCloseTo(28.5, 9);
  });

  it('Lambert Azimuthal Equal Area: IOGP Guidance Note 7-2, ETRS89-LAEA (EPSG:3035)', () => {
    const p = { ellipsoid: GRS80, lat0: 52, lon0: 10, falseEasting: 4321000, falseNorthing: 3210000 };
    const [x, y] = laeaForward(p, 5, 50);
    expect(x).toBeCloseTo(3962799.45, 1);
    expect(y).toBeCloseTo(2999718.85, 1);
    const [lon, lat] = laeaInverse(p, x, y);
    expect(lon).toBeCloseTo(5, 8);
    expect(lat).toBeCloseTo(50, 7);
  });

  it('Web Mercator round-trips Tirana', () => {
    const [x, y] = webMercatorForward(19.8187, 41.3275);
    expect(x).toBeCloseTo(6378137 * 19.8187 * (Math.PI / 180), 6); // 2,206,207.6 m
    const [lon, lat] = webMercatorInverse(x, y);
    expect(lon).toBeCloseTo(19.8187, 10);
    expect(lat).toBeCloseTo(41.3275, 10);
  });
});
