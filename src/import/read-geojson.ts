/**
 * A boundary file (GeoJSON) into a FeatureCollection of Polygon/MultiPolygon features, with the
 * problems that stop it from being drawn or matched to municipalities: invalid JSON (with its line and
 * column), other JSON flavours, missing or wrong geometries, and coordinates in the wrong system.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { mojibakeWarning } from './encoding';
import { coordinateProblems } from './geojson-coords';
import { declaredCrs } from './geojson-crs';
import { featureLabel, geometryIssue, isEmptyGeometry, propertyProblems } from './geojson-features';
import { Examples, problem } from './read-problems';
import { emptyResult, type ReadResult } from './read-types';
import type { Problem } from '../contract/problem-types';

const EXPECTED = 'a GeoJSON FeatureCollection of municipality polygons';
const EXPORT = 'Export the layer as GeoJSON (QGIS: Export > Save Features As > GeoJSON, CRS EPSG:4326).';
/** Positions sampled for the coordinate checks (enough to be sure, few enough to be quick). */
const SAMPLE = 2000;

/** Line and column of a JSON.parse error, from the engine's message ("at position 65" in V8). */
function jsonErrorAt(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return ` at line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(message);
  if (!pos) return /end of (JSON )?(input|data)/i.test(message) ? ' at the end: the file ends early' : '';
  const at = Number(pos[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return ` at line ${line}, column ${at - before.lastIndexOf('\n')}`;
}

/** What a parsed JSON value that is not GeoJSON is, for the message. */
function notGeojson(root: unknown): { found: string; fix: string } {
  const obj = (typeof root === 'object' && root !== null ? root : {}) as Record<string, unknown>;
  if (obj.type === 'Topology') {
    return {
      found: 'TopoJSON, not GeoJSON',
      fix: 'Convert it to GeoJSON (mapshaper: -o format=geojson), or ' + EXPORT,
    };
  }
  if ('spatialReference' in obj || 'geometryType' in obj)
    return { found: 'Esri JSON, not GeoJSON', fix: EXPORT };
  if (obj.type === 'Polygon' || obj.type === 'MultiPolygon') {
    return {
      found: `a single ${String(obj.type)} without properties`,
      fix: 'Write one Feature per municipality, with its lau_code in "properties", inside a FeatureCollection.',
    };
  }
  const type = typeof obj.type === 'string' ? `"type": "${obj.type}"` : 'no "type": "FeatureCollection"';
  return { found: `JSON with ${Array.isArray(root) ? 'an array at the top' : type}`, fix: EXPORT };
}

/** Reads GeoJSON text (`utf8` is the same text as bytes, for the encoding check). */
export function readGeojson(file: string, text: string, utf8: Uint8Array, before: Problem[]): ReadResult {
  const problems = [...before];
  const fail = (found: string, fix: string): ReadResult => {
    problems.push(problem(file, { code: 'not-geojson', found, expected: EXPECTED, fix }));
    return emptyResult(null, problems);
  };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return fail(
      `invalid JSON${jsonErrorAt(text, msg)} (${msg})`,
      `Fix the JSON there, or ${EXPORT.charAt(0).toLowerCase()}${EXPORT.slice(1)}`,
    );
  }
  const obj = (typeof root === 'object' && root !== null ? root : {}) as Record<string, unknown>;
  let features: unknown;
  if (obj.type === 'FeatureCollection') features = obj.features;
  else if (obj.type === 'Feature') features = [obj];
  else {
    const { found, fix } = notGeojson(root);
    return fail(found, fix);
  }
  if (!Array.isArray(features)) return fail('a FeatureCollection without a "features" array', EXPORT);

  const nulls = new Examples();
  const bad = new Examples();
  const points: number[] = [];
  const columns = new Set<string>();
  features.forEach((f: unknown, i) => {
    const feat = (typeof f === 'object' && f !== null ? f : {}) as Partial<Feature>;
    const props = typeof feat.properties === 'object' && feat.properties !== null ? feat.properties : {};
    for (const k of Object.keys(props)) columns.add(k);
    const label = featureLabel(i, props);
    if (feat.type !== 'Feature') {
      bad.add(
        problem(file, {
          code: 'not-geojson',
          row: i + 1,
          found: `${label} is not a GeoJSON Feature`,
          expected: EXPECTED,
          fix: EXPORT,
        }),
      );
      return;
    }
    const empty = isEmptyGeometry(feat.geometry);
    if (feat.geometry === null || feat.geometry === undefined || empty) {
      if (!nulls.wants()) return nulls.count();
      const what = empty ? `an empty ${String(feat.geometry!.type)} (no coordinates)` : 'no geometry (null)';
      return nulls.add(
        problem(file, {
          code: 'null-geometry',
          row: i + 1,
          found: `${label} has ${what}, so it cannot be drawn`,
          expected: 'a Polygon or MultiPolygon for every municipality',
          fix: 'Give the feature its boundary (in QGIS, check that no municipality lost its shape in an edit or join), or remove it.',
        }),
      );
    }
    const issue = geometryIssue(feat.geometry, points);
    if (issue)
      bad.add(
        problem(file, {
          code: 'not-geojson',
          row: i + 1,
          found: `${label} ${issue}`,
          expected: EXPECTED,
          fix: EXPORT,
        }),
      );
  });
  problems.push(...nulls.done(), ...bad.done());

  const step = Math.max(1, Math.floor(points.length / 2 / SAMPLE));
  const sample: [number, number][] = [];
  for (let k = 0; 2 * k + 1 < points.length; k += step) sample.push([points[2 * k]!, points[2 * k + 1]!]);
  problems.push(...coordinateProblems(file, sample, declaredCrs(obj.crs)));
  problems.push(...propertyProblems(file, [...columns], features.length));
  const moji = mojibakeWarning(file, utf8);
  if (moji) problems.push(moji);

  const geojson: FeatureCollection = { type: 'FeatureCollection', features: features as Feature[] };
  return { ...emptyResult('geojson', problems), geojson, columns: [...columns], rows: features.length };
}
