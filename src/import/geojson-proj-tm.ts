/**
 * Transverse Mercator on the ellipsoid (Snyder, "Map Projections: A Working Manual", USGS PP 1395,
 * pp. 60-64): the projection behind EPSG:6870 (Albania TM 2010), UTM zones and Gauss-Krüger. Accurate
 * to millimetres within a few degrees of the central meridian, which is all we need to recognise in
 * which system a boundary file's metres are written.
 */

/** An ellipsoid by semi-major axis (m) and inverse flattening. */
export interface Ellipsoid {
  a: number;
  invF: number;
}

/** GRS80: ETRS89 systems (EPSG:6870, 6962, 3035, 25834). */
export const GRS80: Ellipsoid = { a: 6378137, invF: 298.257222101 };
/** WGS84: GPS and the EPSG:326xx UTM zones (0.1 mm from GRS80, kept for exactness). */
export const WGS84: Ellipsoid = { a: 6378137, invF: 298.257223563 };
/** Krassowsky 1940: the Albanian 1987 datum (Gauss-Krüger, EPSG:2462). */
export const KRASSOWSKY: Ellipsoid = { a: 6378245, invF: 298.3 };

/** A Transverse Mercator system: central meridian and origin latitude (degrees), scale, false origin (m). */
export interface TransverseMercator {
  ellipsoid: Ellipsoid;
  lon0: number;
  lat0: number;
  k0: number;
  falseEasting: number;
  falseNorthing: number;
}

const RAD = Math.PI / 180;

function eccentricity2(e: Ellipsoid): number {
  const f = 1 / e.invF;
  return 2 * f - f * f;
}

/** Meridian arc length from the equator to latitude `phi` (radians). */
function meridianArc(a: number, e2: number, phi: number): number {
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  return (
    a *
    ((1 - e2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi -
      ((3 * e2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * phi) +
      ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * phi) -
      ((35 * e6) / 3072) * Math.sin(6 * phi))
  );
}

/** [lon, lat] in degrees -> [x, y] in metres. */
export function tmForward(p: TransverseMercator, lon: number, lat: number): [number, number] {
  const { a } = p.ellipsoid;
  const e2 = eccentricity2(p.ellipsoid);
  const ep2 = e2 / (1 - e2);
  const phi = lat * RAD;
  const sin = Math.sin(phi);
  const cos = Math.cos(phi);
  const N = a / Math.sqrt(1 - e2 * sin * sin);
  const T = Math.tan(phi) ** 2;
  const C = ep2 * cos * cos;
  const A = (lon - p.lon0) * RAD * cos;
  const M = meridianArc(a, e2, phi);
  const M0 = meridianArc(a, e2, p.lat0 * RAD);
  const x =
    p.k0 * N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T * T + 72 * C - 58 * ep2) * A ** 5) / 120);
  const y =
    p.k0 *
    (M -
      M0 +
      N *
        Math.tan(phi) *
        ((A * A) / 2 +
          ((5 - T + 9 * C + 4 * C * C) * A ** 4) / 24 +
          ((61 - 58 * T + T * T + 600 * C - 330 * ep2) * A ** 6) / 720));
  return [x + p.falseEasting, y + p.falseNorthing];
}

/** [x, y] in metres -> [lon, lat] in degrees. */
export function tmInverse(p: TransverseMercator, x: number, y: number): [number, number] {
  const { a } = p.ellipsoid;
  const e2 = eccentricity2(p.ellipsoid);
  const ep2 = e2 / (1 - e2);
  const M = meridianArc(a, e2, p.lat0 * RAD) + (y - p.falseNorthing) / p.k0;
  const mu = M / (a * (1 - e2 / 4 - (3 * e2 * e2) / 64 - (5 * e2 ** 3) / 256));
  const e1 = (1 - Math.sqrt(1 - e2)) / (1 + Math.sqrt(1 - e2));
  const phi1 =
    mu +
    ((3 * e1) / 2 - (27 * e1 ** 3) / 32) * Math.sin(2 * mu) +
    ((21 * e1 * e1) / 16 - (55 * e1 ** 4) / 32) * Math.sin(4 * mu) +
    ((151 * e1 ** 3) / 96) * Math.sin(6 * mu) +
    ((1097 * e1 ** 4) / 512) * Math.sin(8 * mu);
  const sin1 = Math.sin(phi1);
  const cos1 = Math.cos(phi1);
  const tan1 = Math.tan(phi1);
  const C1 = ep2 * cos1 * cos1;
  const T1 = tan1 * tan1;
  const N1 = a / Math.sqrt(1 - e2 * sin1 * sin1);
  const R1 = (a * (1 - e2)) / (1 - e2 * sin1 * sin1) ** 1.5;
  const D = (x - p.falseEasting) / (N1 * p.k0);
  const phi =
    phi1 -
    ((N1 * tan1) / R1) *
      ((D * D) / 2 -
        ((5 + 3 * T1 + 10 * C1 - 4 * C1 * C1 - 9 * ep2) * D ** 4) / 24 +
        ((61 + 90 * T1 + 298 * C1 + 45 * T1 * T1 - 252 * ep2 - 3 * C1 * C1) * D ** 6) / 720);
  const lambda =
    (D -
      ((1 + 2 * T1 + C1) * D ** 3) / 6 +
      ((5 - 2 * C1 + 28 * T1 - 3 * C1 * C1 + 8 * ep2 + 24 * T1 * T1) * D ** 5) / 120) /
    cos1;
  return [p.lon0 + lambda / RAD, phi / RAD];
}
