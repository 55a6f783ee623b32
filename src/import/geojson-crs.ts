/**
 * In which coordinate system a boundary file is written. GeoJSON must be WGS84 longitude/latitude, but
 * files exported from Albanian GIS departments are often in the national grid or UTM. Metres give no
 * name, so we try each likely system: inverse-project a sample of the points and keep the system that
 * lands them on Albania. EPSG:6870 and UTM 34N overlap in their numbers but their central meridians are
 * 1° apart, so a whole-country file read in the wrong one lands half in Greece or in the Adriatic.
 */
import { lccInverse, laeaInverse, webMercatorInverse } from './geojson-proj-conic';
import { GRS80, KRASSOWSKY, WGS84, tmInverse, type TransverseMercator } from './geojson-proj-tm';

/** A coordinate reference system we can recognise. */
export interface KnownCrs {
  code: string;
  name: string;
  toLonLat(x: number, y: number): [number, number];
}

const tm = (p: Omit<TransverseMercator, 'lat0' | 'falseNorthing'>) => (x: number, y: number) =>
  tmInverse({ ...p, lat0: 0, falseNorthing: 0 }, x, y);

/** Projected systems Albanian boundary files come in, most likely first. */
export const KNOWN_CRS: readonly KnownCrs[] = [
  {
    code: 'EPSG:6870',
    name: 'ETRS89 / Albania TM 2010',
    toLonLat: tm({ ellipsoid: GRS80, lon0: 20, k0: 1, falseEasting: 500000 }),
  },
  {
    code: 'EPSG:32634',
    name: 'WGS 84 / UTM zone 34N, same numbers as EPSG:25834 ETRS89 / UTM zone 34N',
    toLonLat: tm({ ellipsoid: WGS84, lon0: 21, k0: 0.9996, falseEasting: 500000 }),
  },
  {
    code: 'EPSG:6962',
    name: 'ETRS89 / Albania LCC 2010',
    toLonLat: (x, y) =>
      lccInverse(
        { ellipsoid: GRS80, lat0: 41, lon0: 20, lat1: 39, lat2: 43, falseEasting: 0, falseNorthing: 0 },
        x,
        y,
      ),
  },
  {
    code: 'EPSG:2462',
    name: 'Albanian 1987 / Gauss-Kruger zone 4',
    toLonLat: tm({ ellipsoid: KRASSOWSKY, lon0: 21, k0: 1, falseEasting: 4500000 }),
  },
  {
    code: 'EPSG:32633',
    name: 'WGS 84 / UTM zone 33N',
    toLonLat: tm({ ellipsoid: WGS84, lon0: 15, k0: 0.9996, falseEasting: 500000 }),
  },
  { code: 'EPSG:3857', name: 'Web Mercator', toLonLat: webMercatorInverse },
  {
    code: 'EPSG:3035',
    name: 'ETRS89-extended / LAEA Europe',
    toLonLat: (x, y) =>
      laeaInverse(
        { ellipsoid: GRS80, lat0: 52, lon0: 10, falseEasting: 4321000, falseNorthing: 3210000 },
        x,
        y,
      ),
  },
];

/** Albania's extent in degrees, and the same with a margin for coastline detail and datum shifts. */
export const ALBANIA = { west: 19.26, east: 21.07, south: 39.64, north: 42.67 };
const MARGIN = 0.3;

/** True when a lon/lat lies in (or just around) Albania. */
export function inAlbania(lon: number, lat: number): boolean {
  return (
    lon >= ALBANIA.west - MARGIN &&
    lon <= ALBANIA.east + MARGIN &&
    lat >= ALBANIA.south - MARGIN &&
    lat <= ALBANIA.north + MARGIN
  );
}

/** How well a reading of the points fits Albania: share inside, and overlap of extents (0-1). */
export interface Fit {
  inside: number;
  overlap: number;
}

/** Share of points inside Albania and intersection-over-union of their extent with Albania's. */
export function fitAlbania(points: readonly [number, number][]): Fit {
  if (points.length === 0) return { inside: 0, overlap: 0 };
  let inside = 0;
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    if (inAlbania(lon, lat)) inside++;
    [w, e, s, n] = [Math.min(w, lon), Math.max(e, lon), Math.min(s, lat), Math.max(n, lat)];
  }
  const iw = Math.max(0, Math.min(e, ALBANIA.east) - Math.max(w, ALBANIA.west));
  const ih = Math.max(0, Math.min(n, ALBANIA.north) - Math.max(s, ALBANIA.south));
  const area = (ALBANIA.east - ALBANIA.west) * (ALBANIA.north - ALBANIA.south);
  const union = Math.max(0, e - w) * Math.max(0, n - s) + area - iw * ih;
  return { inside: inside / points.length, overlap: union > 0 ? (iw * ih) / union : 0 };
}

/** One reading of projected coordinates: a system, whether x and y were swapped, and its fit. */
export interface CrsGuess {
  crs: KnownCrs;
  swapped: boolean;
  fit: Fit;
}

/** Share of points that must land in Albania for a reading to count. */
const PLAUSIBLE = 0.98;

/**
 * The readings of metre coordinates that put (almost) all points in Albania, best first: by share
 * inside, then by how well the extent matches the whole country.
 */
export function guessProjected(points: readonly [number, number][]): CrsGuess[] {
  const guesses: CrsGuess[] = [];
  for (const crs of KNOWN_CRS) {
    for (const swapped of [false, true]) {
      const lonLat = points.map(([x, y]) => (swapped ? crs.toLonLat(y, x) : crs.toLonLat(x, y)));
      const fit = fitAlbania(lonLat);
      if (fit.inside >= PLAUSIBLE) guesses.push({ crs, swapped, fit });
    }
  }
  return guesses.sort((a, b) => b.fit.inside - a.fit.inside || b.fit.overlap - a.fit.overlap);
}

/** "EPSG:6870" from a GeoJSON 2008 `crs` member, or null when there is none or it cannot be read. */
export function declaredCrs(crs: unknown): string | null {
  if (typeof crs !== 'object' || crs === null) return null;
  const props = (crs as { properties?: { name?: unknown; code?: unknown } }).properties;
  if (typeof props?.code === 'number' || typeof props?.code === 'string') return `EPSG:${props.code}`;
  const name = typeof props?.name === 'string' ? props.name : '';
  if (/CRS84$/i.test(name)) return 'CRS84';
  const m = /EPSG:+(?:[\d.]*:)?(\d+)$/i.exec(name);
  return m ? `EPSG:${m[1]}` : name || null;
}

/** Declared systems that mean longitude/latitude on WGS84 (or the same to a metre, ETRS89). */
export const GEOGRAPHIC = new Set(['CRS84', 'EPSG:4326', 'EPSG:4258']);
