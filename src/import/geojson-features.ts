/** Per-feature checks of a boundary file: geometry shape, and which properties identify municipalities. */
import type { GeoJsonProperties } from 'geojson';
import { problem } from './read-problems';
import { msg, type MsgKey } from '../contract/problem-text';
import type { Msg, MsgParam, Problem } from '../contract/problem-types';

/** Property names that hold a municipality's name, for labels and for matching by name. */
const NAME_KEYS = /^(name|emri|bashkia|municipality|shapeName|NAME_2|name_sq|name_ascii)$/i;

/** "feature 12 (lau_code AL111, name Bulqizë)": 1-based, as a person counts. */
export function featureLabel(index: number, props: NonNullable<GeoJsonProperties>): Msg {
  const parts: string[] = [];
  const code = props.lau_code ?? props.LAU_CODE;
  if (code !== undefined && code !== null) parts.push(`lau_code ${String(code)}`);
  const nameKey = Object.keys(props).find((k) => NAME_KEYS.test(k));
  if (nameKey !== undefined && props[nameKey] !== null) parts.push(`${nameKey} ${String(props[nameKey])}`);
  const n = index + 1;
  return parts.length > 0
    ? msg('problems.common.featureWith', { n, parts: parts.join(', ') })
    : msg('problems.common.feature', { n });
}

function isPosition(p: unknown): p is number[] {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

type Issue =
  'emptyPolygon' | 'ringNotList' | 'shortRing' | 'badPosition' | 'emptyMulti' | 'otherType' | 'noType';

/** What is wrong with a geometry; the caller adds the feature's `label`. */
const issue = (k: Issue, params?: Record<string, MsgParam>): Msg =>
  msg(`problems.not-geojson.geometry.${k}` satisfies MsgKey, params);

/** Checks one polygon's rings, collecting its positions as x, y pairs into `points`. */
function polygonIssue(rings: unknown, points: number[]): Msg | null {
  if (!Array.isArray(rings) || rings.length === 0) return issue('emptyPolygon');
  for (const ring of rings) {
    if (!Array.isArray(ring)) return issue('ringNotList');
    if (ring.length < 4) return issue('shortRing', { n: ring.length });
    for (const p of ring) {
      if (!isPosition(p)) {
        const shown = JSON.stringify(p) ?? String(p);
        return issue('badPosition', { shown: shown.length > 40 ? `${shown.slice(0, 37)}...` : shown });
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

/** Why a geometry cannot be a municipality boundary (its text takes a `label` param), or null when it can. */
export function geometryIssue(geometry: unknown, points: number[]): Msg | null {
  const g = (typeof geometry === 'object' && geometry !== null ? geometry : {}) as {
    type?: unknown;
    coordinates?: unknown;
  };
  if (g.type === 'Polygon') return polygonIssue(g.coordinates, points);
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return issue('emptyMulti');
    for (const poly of g.coordinates) {
      const issue = polygonIssue(poly, points);
      if (issue) return issue;
    }
    return null;
  }
  return typeof g.type === 'string' ? issue('otherType', { type: g.type }) : issue('noType');
}

/** File-level property problems: no features, or nothing to tell which municipality a feature is. */
export function propertyProblems(file: string, columns: readonly string[], features: number): Problem[] {
  if (features === 0) {
    return [
      problem(file, {
        code: 'empty-file',
        found: msg('problems.empty-file.geojson.found'),
        expected: msg('problems.empty-file.geojson.expected'),
        fix: msg('problems.empty-file.geojson.fix'),
      }),
    ];
  }
  if (columns.includes('lau_code')) return [];
  const similar = columns.find((c) => c.toLowerCase().replace(/[^a-z]/g, '') === 'laucode');
  const name = columns.find((c) => NAME_KEYS.test(c));
  return [
    problem(file, {
      code: 'missing-column',
      // Without codes, features can still be matched by name (the validator does that), less safely.
      severity: name !== undefined && similar === undefined ? 'warning' : 'error',
      column: 'lau_code',
      found:
        columns.length > 0
          ? msg('problems.missing-column.lauCode.found', { list: columns.join(', ') })
          : msg('problems.missing-column.lauCode.foundNone'),
      expected: msg('problems.missing-column.lauCode.expected'),
      fix:
        similar !== undefined
          ? msg('problems.missing-column.lauCode.fixRename', { similar })
          : name !== undefined
            ? msg('problems.missing-column.lauCode.fixByName', { name })
            : msg('problems.missing-column.lauCode.fixAdd'),
    }),
  ];
}
