/** Per-feature checks of a boundary file: geometry shape, and which properties identify municipalities. */
import type { GeoJsonProperties } from 'geojson';
import { problem } from './read-problems';
import type { Problem } from '../contract/problem-types';

/** Property names that hold a municipality's name, for labels and for matching by name. */
const NAME_KEYS = /^(name|emri|bashkia|municipality|shapeName|NAME_2|name_sq|name_ascii)$/i;

/** "feature 12 (lau_code AL111, name Bulqizë)": 1-based, as a person counts. */
export function featureLabel(index: number, props: NonNullable<GeoJsonProperties>): string {
  const parts: string[] = [];
  const code = props.lau_code ?? props.LAU_CODE;
  if (code !== undefined && code !== null) parts.push(`lau_code ${String(code)}`);
  const nameKey = Object.keys(props).find((k) => NAME_KEYS.test(k));
  if (nameKey !== undefined && props[nameKey] !== null) parts.push(`${nameKey} ${String(props[nameKey])}`);
  return `feature ${index + 1}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function isPosition(p: unknown): p is number[] {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** Checks one polygon's rings, collecting its positions as x, y pairs into `points`. */
function polygonIssue(rings: unknown, points: number[]): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'has an empty polygon';
  for (const ring of rings) {
    if (!Array.isArray(ring)) return 'has a polygon ring that is not a list of positions';
    if (ring.length < 4)
      return `has a polygon ring of ${ring.length} position(s); a closed ring needs at least 4`;
    for (const p of ring) {
      if (!isPosition(p)) {
        const shown = JSON.stringify(p) ?? String(p);
        return `has a position that is not [longitude, latitude] numbers: ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}`;
      }
      points.push(p[0]!, p[1]!);
    }
  }
  return null;
}

/**
 * True for a Polygon or MultiPolygon without coordinates (`"coordinates": []`, or a MultiPolygon of empty
 * polygons): GeoJSON's empty geometry, which draws nothing, like a null one.
 */
export function isEmptyGeometry(geometry: unknown): boolean {
  if (typeof geometry !== 'object' || geometry === null) return false;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return false;
  if (!Array.isArray(g.coordinates)) return false;
  if (g.coordinates.length === 0) return true;
  return g.type === 'MultiPolygon' && g.coordinates.every((p) => Array.isArray(p) && p.length === 0);
}

/** Why a geometry cannot be a municipality boundary, or null when it can. */
export function geometryIssue(geometry: unknown, points: number[]): string | null {
  const g = (typeof geometry === 'object' && geometry !== null ? geometry : {}) as {
    type?: unknown;
    coordinates?: unknown;
  };
  if (g.type === 'Polygon') return polygonIssue(g.coordinates, points);
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'has an empty MultiPolygon';
    for (const poly of g.coordinates) {
      const issue = polygonIssue(poly, points);
      if (issue) return issue;
    }
    return null;
  }
  return `is a ${typeof g.type === 'string' ? g.type : 'geometry without a type'}, not a Polygon or MultiPolygon`;
}

/** File-level property problems: no features, or nothing to tell which municipality a feature is. */
export function propertyProblems(file: string, columns: readonly string[], features: number): Problem[] {
  if (features === 0) {
    return [
      problem(file, {
        code: 'empty-file',
        found: 'a FeatureCollection with no features',
        expected: 'one feature per municipality',
        fix: 'Export the layer again; check that no filter or selection left it empty.',
      }),
    ];
  }
  if (columns.includes('lau_code')) return [];
  const similar = columns.find((c) => c.toLowerCase().replace(/[^a-z]/g, '') === 'laucode');
  const name = columns.find((c) => NAME_KEYS.test(c));
  const list = columns.length > 0 ? columns.join(', ') : 'none';
  return [
    problem(file, {
      code: 'missing-column',
      // Without codes, features can still be matched by name (the validator does that), less safely.
      severity: name !== undefined && similar === undefined ? 'warning' : 'error',
      column: 'lau_code',
      found: `no "lau_code" property (properties: ${list})`,
      expected: 'a "lau_code" property (e.g. AL111) on every feature',
      fix:
        similar !== undefined
          ? `Rename the property "${similar}" to "lau_code".`
          : name !== undefined
            ? `Add a "lau_code" property; until then features are matched by their "${name}", which is less safe.`
            : 'Add a "lau_code" property with the municipality code (e.g. AL111) to every feature.',
    }),
  ];
}
