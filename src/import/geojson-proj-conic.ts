/**
 * The other projections Albanian boundary files turn up in: Lambert Conformal Conic (EPSG:6962, Albania
 * LCC 2010), Lambert Azimuthal Equal Area (EPSG:3035, Eurostat/GISCO's LAU boundaries) and Web Mercator
 * (EPSG:3857, web map tiles). Ellipsoidal formulas from Snyder (USGS PP 1395) and IOGP Guidance Note 7-2.
 */
import type { Ellipsoid } from './geojson-proj-tm';

const RAD = Math.PI / 180;

function ecc(e: Ellipsoid): { e2: number; e: number } {
  const f = 1 / e.invF;
  const e2 = 2 * f - f * f;
  return { e2, e: Math.sqrt(e2) };
}

/** Lambert Conformal Conic with two standard parallels (degrees), false origin in metres. */
export interface LambertConic {
  ellipsoid: Ellipsoid;
  lat0: number;
  lon0: number;
  lat1: number;
  lat2: number;
  falseEasting: number;
  falseNorthing: number;
}

function lccConstants(p: LambertConic): { n: number; aF: number; rho0: number; e: number } {
  const { e2, e } = ecc(p.ellipsoid);
  const m = (phi: number): number => Math.cos(phi) / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const t = (phi: number): number =>
    Math.tan(Math.PI / 4 - phi / 2) / ((1 - e * Math.sin(phi)) / (1 + e * Math.sin(phi))) ** (e / 2);
  const [p0, p1, p2] = [p.lat0 * RAD, p.lat1 * RAD, p.lat2 * RAD];
  const n = (Math.log(m(p1)) - Math.log(m(p2))) / (Math.log(t(p1)) - Math.log(t(p2)));
  const aF = (p.ellipsoid.a * m(p1)) / (n * t(p1) ** n);
  return { n, aF, rho0: aF * t(p0) ** n, e };
}

/** [lon, lat] in degrees -> [x, y] in metres. */
export function lccForward(p: LambertConic, lon: number, lat: number): [number, number] {
  const { n, aF, rho0, e } = lccConstants(p);
  const phi = lat * RAD;
  const t = Math.tan(Math.PI / 4 - phi / 2) / ((1 - e * Math.sin(phi)) / (1 + e * Math.sin(phi))) ** (e / 2);
  const rho = aF * t ** n;
  const theta = n * (lon - p.lon0) * RAD;
  return [p.falseEasting + rho * Math.sin(theta), p.falseNorthing + rho0 - rho * Math.cos(theta)];
}

/** [x, y] in metres -> [lon, lat] in degrees. */
export function lccInverse(p: LambertConic, x: number, y: number): [number, number] {
  const { n, aF, rho0, e } = lccConstants(p);
  const dx = x - p.falseEasting;
  const dy = rho0 - (y - p.falseNorthing);
  const rho = Math.sign(n) * Math.hypot(dx, dy);
  const t = (rho / aF) ** (1 / n);
  const theta = Math.atan2(Math.sign(n) * dx, Math.sign(n) * dy);
  let phi = Math.PI / 2 - 2 * Math.atan(t);
  for (let k = 0; k < 10; k++) {
    const s = e * Math.sin(phi);
    phi = Math.PI / 2 - 2 * Math.atan(t * ((1 - s) / (1 + s)) ** (e / 2));
  }
  return [p.lon0 + theta / n / RAD, phi / RAD];
}

/** Lambert Azimuthal Equal Area (oblique, ellipsoidal) about a centre in degrees. */
export interface LambertAzimuthal {
  ellipsoid: Ellipsoid;
  lat0: number;
  lon0: number;
  falseEasting: number;
  falseNorthing: number;
}

function laeaConstants(p: LambertAzimuthal) {
  const { e2, e } = ecc(p.ellipsoid);
  const q = (phi: number): number => {
    const s = Math.sin(phi);
    return (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * Math.log((1 - e * s) / (1 + e * s)));
  };
  const qP = q(Math.PI / 2);
  const phi0 = p.lat0 * RAD;
  const beta0 = Math.asin(q(phi0) / qP);
  const Rq = p.ellipsoid.a * Math.sqrt(qP / 2);
  const D =
    (p.ellipsoid.a * Math.cos(phi0)) / Math.sqrt(1 - e2 * Math.sin(phi0) ** 2) / (Rq * Math.cos(beta0));
  return { e2, q, qP, beta0, Rq, D };
}

/** [lon, lat] in degrees -> [x, y] in metres. */
export function laeaForward(p: LambertAzimuthal, lon: number, lat: number): [number, number] {
  const { q, qP, beta0, Rq, D } = laeaConstants(p);
  const beta = Math.asin(q(lat * RAD) / qP);
  const dl = (lon - p.lon0) * RAD;
  const B =
    Rq *
    Math.sqrt(2 / (1 + Math.sin(beta0) * Math.sin(beta) + Math.cos(beta0) * Math.cos(beta) * Math.cos(dl)));
  return [
    p.falseEasting + B * D * Math.cos(beta) * Math.sin(dl),
    p.falseNorthing +
      (B / D) * (Math.cos(beta0) * Math.sin(beta) - Math.sin(beta0) * Math.cos(beta) * Math.cos(dl)),
  ];
}

/** [x, y] in metres -> [lon, lat] in degrees. */
export function laeaInverse(p: LambertAzimuthal, x: number, y: number): [number, number] {
  const { e2, beta0, Rq, D } = laeaConstants(p);
  const dx = x - p.falseEasting;
  const dy = y - p.falseNorthing;
  const rho = Math.hypot(dx / D, D * dy);
  if (rho === 0) return [p.lon0, p.lat0];
  const C = 2 * Math.asin(Math.min(1, rho / (2 * Rq)));
  const betaP = Math.asin(Math.cos(C) * Math.sin(beta0) + (D * dy * Math.sin(C) * Math.cos(beta0)) / rho);
  const lambda = Math.atan2(
    dx * Math.sin(C),
    D * rho * Math.cos(beta0) * Math.cos(C) - D * D * dy * Math.sin(beta0) * Math.sin(C),
  );
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  const phi =
    betaP +
    (e2 / 3 + (31 * e4) / 180 + (517 * e6) / 5040) * Math.sin(2 * betaP) +
    ((23 * e4) / 360 + (251 * e6) / 3780) * Math.sin(4 * betaP) +
    ((761 * e6) / 45360) * Math.sin(6 * betaP);
  return [p.lon0 + lambda / RAD, phi / RAD];
}

const R_WEB = 6378137;

/** Web Mercator (EPSG:3857): [lon, lat] -> [x, y]. */
export function webMercatorForward(lon: number, lat: number): [number, number] {
  return [R_WEB * lon * RAD, R_WEB * Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2))];
}

/** Web Mercator (EPSG:3857): [x, y] -> [lon, lat]. */
export function webMercatorInverse(x: number, y: number): [number, number] {
  return [x / R_WEB / RAD, (2 * Math.atan(Math.exp(y / R_WEB)) - Math.PI / 2) / RAD];
}
