/**
 * Catchment models for Child Protection Units: which municipalities a unit at a given site reaches.
 *
 * Three models the user chooses between (issue 4):
 * - `self`: the unit's own municipality only;
 * - `border`: its own municipality plus every municipality sharing a border with it (queen contiguity on the
 *   shipped, topologically snapped boundaries; see src/analysis/spatial/contiguity.ts);
 * - `radius`: every municipality whose representative point lies within `km` kilometres (great-circle,
 *   haversine) of the unit's own location, plus its own municipality.
 *
 * A municipality's representative point is its area-weighted centre (turf `centerOfMass`) when that point lies
 * inside the municipality, otherwise turf `pointOnFeature` (a point guaranteed to be on the polygon, for
 * crescent-shaped or multi-part municipalities whose centre of mass falls outside them).
 *
 * Pure: no DOM, no DuckDB.
 */
import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { contiguityWeights } from './spatial/contiguity';
import { haversineKm } from './spatial/distance';

/** A catchment model: own municipality, own plus bordering ones, or a distance radius in km. */
export type Catchment = { kind: 'self' } | { kind: 'border' } | { kind: 'radius'; km: number };

/**
 * The catchment a ministry starts from: a unit serves its own municipality. Law 18/2017 on the rights and
 * protection of the child makes child protection a duty of every municipality, so each one is its own
 * catchment until a planner chooses a wider model (bordering municipalities, a radius).
 */
export const DEFAULT_CATCHMENT = 'self';

/** Smallest and largest radius (km) a catchment code may carry. */
export const RADIUS_KM = { min: 1, max: 200 } as const;

const RADIUS_CODE = /^(\d{1,3})km$/;

/** 'self' | 'border' | '<n>km' (1..200) -> Catchment; throws RangeError on anything else. */
export function parseCatchment(code: string): Catchment {
  if (code === 'self') return { kind: 'self' };
  if (code === 'border') return { kind: 'border' };
  const m = RADIUS_CODE.exec(code);
  const km = m === null ? NaN : Number(m[1]);
  if (km >= RADIUS_KM.min && km <= RADIUS_KM.max) return { kind: 'radius', km };
  throw new RangeError(
    `Catchment: "${code}" is not 'self', 'border' or a radius of ${RADIUS_KM.min} to ${RADIUS_KM.max} km such as '25km'`,
  );
}

/** The code of a catchment, the inverse of {@link parseCatchment} for valid radii ('self', 'border', '25km'). */
export function catchmentCode(c: Catchment): string {
  return c.kind === 'radius' ? `${c.km}km` : c.kind;
}

/** A municipality's representative point (see the file comment: centre of mass, or a point on it), lon/lat degrees. */
export interface Place {
  lau_code: string;
  lon: number;
  lat: number;
}

/** What the catchment models need of the boundaries: one point per municipality and who borders whom. */
export interface CatchmentGeometry {
  places: readonly Place[];
  /** lau_code -> sorted lau_codes of the municipalities sharing a border (queen contiguity). */
  neighbours: ReadonlyMap<string, readonly string[]>;
}

/** A municipality polygon keyed by its lau_code. */
export type MunicipalityFeature = Feature<Polygon | MultiPolygon, { lau_code: string }>;

/** The representative point of one municipality polygon (see the file comment). */
export function representativePoint(feature: MunicipalityFeature): { lon: number; lat: number } {
  const centre = centerOfMass(feature);
  const [lon, lat] = booleanPointInPolygon(centre, feature)
    ? centre.geometry.coordinates
    : pointOnFeature(feature).geometry.coordinates;
  return { lon: lon!, lat: lat! };
}

/** From municipality polygons (features with properties.lau_code): points + queen contiguity (src/analysis/spatial/contiguity.ts). */
export function catchmentGeometry(features: readonly MunicipalityFeature[]): CatchmentGeometry {
  const weights = contiguityWeights(features, { rule: 'queen', idProperty: 'lau_code' });
  const places = features.map((f) => ({ lau_code: f.properties.lau_code, ...representativePoint(f) }));
  const neighbours = new Map<string, readonly string[]>();
  weights.ids.forEach((id, i) => {
    neighbours.set(id, weights.neighbours[i]!.map((j) => weights.ids[j]!).sort());
  });
  return { places, neighbours };
}

/**
 * lau_codes within reach of a unit at `site` (its municipality lau_code and its point): always includes the
 * site's own municipality; border = own + queen neighbours; radius = every municipality whose representative
 * point is within km (inclusive, haversine) of the site point. Sorted.
 *
 * @throws RangeError for a negative or non-finite radius.
 */
export function reach(
  geom: CatchmentGeometry,
  catchment: Catchment,
  site: { lau_code: string; lon: number; lat: number },
): string[] {
  const out = new Set<string>([site.lau_code]);
  if (catchment.kind === 'border') {
    for (const n of geom.neighbours.get(site.lau_code) ?? []) out.add(n);
  } else if (catchment.kind === 'radius') {
    if (!(catchment.km >= 0) || !Number.isFinite(catchment.km)) {
      throw new RangeError('Catchment: the radius must be a finite number of km ≥ 0');
    }
    const from = [site.lon, site.lat] as const;
    for (const p of geom.places) {
      if (haversineKm(from, [p.lon, p.lat]) <= catchment.km) out.add(p.lau_code);
    }
  }
  return [...out].sort();
}
