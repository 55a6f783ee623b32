/**
 * Loads the municipality boundaries and the census facts the demo data is built on, and derives
 * the two spatial inputs the generator needs: a point inside each municipality and the
 * queen-contiguity neighbour lists.
 */
import { readFileSync } from 'node:fs';
import { bbox, booleanPointInPolygon, centerOfMass, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { repoPath } from './config';
import { readCsvRecords } from './csv';

/** Properties of a feature in data/geo/albania_municipalities.geojson that the generator uses. */
export interface MunicipalityProps {
  lau_code: string;
  name: string;
  qark_code: string;
  qark_name: string;
  area_km2: number;
}

/** A municipality polygon as read from the GeoJSON. */
export type MunicipalityFeature = Feature<Polygon | MultiPolygon, MunicipalityProps>;

/** One municipality with everything the generator needs, in lau_code order. */
export interface Municipality {
  lau_code: string;
  name: string;
  qark_code: string;
  area_km2: number;
  /** Resident population at the 2011 census. */
  pop2011: number;
  /** The qark's census population ratio 2023 / 2011, applied to each of its municipalities. */
  qarkRatio2011to2023: number;
  /** A point inside the polygon (5 decimals), where the generator "measures" the latent field. */
  lon: number;
  lat: number;
  feature: MunicipalityFeature;
}

/** Rounds a coordinate to 1e-5 degrees (about 1 m), the precision of the boundary file. */
export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** Reads the municipality polygons. */
export function readMunicipalityFeatures(): MunicipalityFeature[] {
  const path = repoPath('data/geo/albania_municipalities.geojson');
  const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    MunicipalityProps
  >;
  return fc.features;
}

/** How far (km) the centre of mass must lie inside the border to be used as the interior point. */
const MIN_INSET_KM = 1;

/**
 * Signed distance (km) from a point to the polygon border, positive inside. Planar is accurate
 * enough at municipality scale and several times faster than geodesic.
 */
function insetKm(point: [number, number], feature: MunicipalityFeature): number {
  return -pointToPolygonDistance(point, feature, { units: 'kilometers', method: 'planar' });
}

/**
 * A point well inside the polygon, still inside after rounding to 5 decimals. The centre of mass
 * is preferred because it looks central on a map; for crescent-shaped or coastal municipalities
 * (Sarandë) it can fall outside or hug the border, so the fallback is the deepest point of a
 * 40 x 40 grid over the bounding box (an approximate pole of inaccessibility). turf's
 * pointOnFeature is not used: it may return a vertex, which is on the border.
 */
export function interiorPoint(feature: MunicipalityFeature): [number, number] {
  const [cx, cy] = centerOfMass(feature).geometry.coordinates;
  if (cx !== undefined && cy !== undefined) {
    const c: [number, number] = [round5(cx), round5(cy)];
    if (insetKm(c, feature) >= MIN_INSET_KM) return c;
  }
  const [minX, minY, maxX, maxY] = bbox(feature);
  const n = 40;
  let best: [number, number] | null = null;
  let bestInset = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      const p: [number, number] = [
        round5(minX + ((maxX - minX) * i) / n),
        round5(minY + ((maxY - minY) * j) / n),
      ];
      const inset = insetKm(p, feature);
      if (inset > bestInset) [best, bestInset] = [p, inset];
    }
  }
  if (best === null || !booleanPointInPolygon(best, feature, { ignoreBoundary: true })) {
    throw new Error(`no interior point found for ${feature.properties.lau_code}`);
  }
  return best;
}

/** Joins boundaries, municipal 2011 census and qark 2011/2023 census; sorted by lau_code. */
export function loadMunicipalities(): Municipality[] {
  const pop2011 = new Map(
    readCsvRecords(repoPath('data/facts/municipality_population_census2011.csv')).map((r) => [
      r.lau_code,
      Number(r.pop_census_2011),
    ]),
  );
  const qarkRatio = new Map(
    readCsvRecords(repoPath('data/facts/qark_population_census_2011_2023.csv')).map((r) => [
      r.qark_code,
      Number(r.pop_census_2023) / Number(r.pop_census_2011),
    ]),
  );
  const municipalities = readMunicipalityFeatures().map((feature): Municipality => {
    const p = feature.properties;
    const pop = pop2011.get(p.lau_code);
    const ratio = qarkRatio.get(p.qark_code);
    if (pop === undefined || !(pop > 0)) throw new Error(`no 2011 census for ${p.lau_code}`);
    if (ratio === undefined || !(ratio > 0)) throw new Error(`no qark census for ${p.qark_code}`);
    const [lon, lat] = interiorPoint(feature);
    return {
      lau_code: p.lau_code,
      name: p.name,
      qark_code: p.qark_code,
      area_km2: p.area_km2,
      pop2011: pop,
      qarkRatio2011to2023: ratio,
      lon,
      lat,
      feature,
    };
  });
  return municipalities.sort((a, b) => (a.lau_code < b.lau_code ? -1 : 1));
}

function rings(feature: MunicipalityFeature): Position[][] {
  const g = feature.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Queen contiguity: two municipalities are neighbours when their boundaries share a vertex. The
 * boundary file was snapped and cleaned with mapshaper, so shared borders have identical vertices
 * (rounded to 1e-5), which makes an exact vertex match reliable and far cheaper than polygon
 * intersection tests. Returns lau_code -> sorted neighbour lau_codes.
 */
export function queenNeighbours(features: readonly MunicipalityFeature[]): Map<string, string[]> {
  const byVertex = new Map<string, Set<string>>();
  for (const f of features) {
    for (const ring of rings(f)) {
      for (const [x, y] of ring) {
        const key = `${x},${y}`;
        const owners = byVertex.get(key) ?? new Set<string>();
        owners.add(f.properties.lau_code);
        byVertex.set(key, owners);
      }
    }
  }
  const neighbours = new Map<string, Set<string>>(
    features.map((f) => [f.properties.lau_code, new Set<string>()]),
  );
  for (const owners of byVertex.values()) {
    for (const a of owners) for (const b of owners) if (a !== b) neighbours.get(a)?.add(b);
  }
  return new Map([...neighbours].map(([code, set]) => [code, [...set].sort()]));
}
