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
import { msg } from '../contract/problem-text';
import type { Msg, Problem } from '../contract/problem-types';

const EXPECTED = msg('problems.not-geojson.expected');
const EXPORT = msg('problems.common.exportGeojson');
/** Positions sampled for the coordinate checks (enough to be sure, few enough to be quick). */
const SAMPLE = 2000;

/** Invalid JSON, with the line and column of the error from the engine's message ("at position 65" in V8). */
function invalidJson(text: string, error: string): Msg {
  const lc = /line (\d+) column (\d+)/.exec(error);
  if (lc) return msg('problems.not-geojson.json.at', { line: lc[1]!, column: lc[2]!, error });
  const pos = /position (\d+)/.exec(error);
  if (!pos) {
    const end = /end of (JSON )?(input|data)/i.test(error);
    return msg(`problems.not-geojson.json.${end ? 'end' : 'plain'}`, { error });
  }
  const at = Number(pos[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return msg('problems.not-geojson.json.at', { line, column: at - before.lastIndexOf('\n'), error });
}

/** What a parsed JSON value that is not GeoJSON is, for the message. */
function notGeojson(root: unknown): { found: Msg; fix: Msg } {
  const obj = (typeof root === 'object' && root !== null ? root : {}) as Record<string, unknown>;
  if (obj.type === 'Topology') {
    return {
      found: msg('problems.not-geojson.topojson.found'),
      fix: msg('problems.not-geojson.topojson.fix'),
    };
  }
  if ('spatialReference' in obj || 'geometryType' in obj)
    return { found: msg('problems.not-geojson.esri.found'), fix: EXPORT };
  if (obj.type === 'Polygon' || obj.type === 'MultiPolygon') {
    return {
      found: msg('problems.not-geojson.single.found', { type: String(obj.type) }),
      fix: msg('problems.not-geojson.single.fix'),
    };
  }
  const found = Array.isArray(root)
    ? msg('problems.not-geojson.other.array')
    : typeof obj.type === 'string'
      ? msg('problems.not-geojson.other.type', { type: obj.type })
      : msg('problems.not-geojson.other.noType');
  return { found, fix: EXPORT };
}

/** Reads GeoJSON text (`utf8` is the same text as bytes, for the encoding check). */
export function readGeojson(file: string, text: string, utf8: Uint8Array, before: Problem[]): ReadResult {
  const problems = [...before];
  const fail = (found: Msg, fix: Msg): ReadResult => {
    problems.push(problem(file, { code: 'not-geojson', found, expected: EXPECTED, fix }));
    return emptyResult(null, problems);
  };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return fail(invalidJson(text, error), msg('problems.not-geojson.json.fix'));
  }
  const obj = (typeof root === 'object' && root !== null ? root : {}) as Record<string, unknown>;
  let features: unknown;
  if (obj.type === 'FeatureCollection') features = obj.features;
  else if (obj.type === 'Feature') features = [obj];
  else {
    const { found, fix } = notGeojson(root);
    return fail(found, fix);
  }
  if (!Array.isArray(features)) return fail(msg('problems.not-geojson.noFeatures.found'), EXPORT);

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
          found: msg('problems.not-geojson.notFeature.found', { label }),
          expected: EXPECTED,
          fix: EXPORT,
        }),
      );
      return;
    }
    const empty = isEmptyGeometry(feat.geometry);
    if (feat.geometry === null || feat.geometry === undefined || empty) {
      if (!nulls.wants()) return nulls.count();
      return nulls.add(
        problem(file, {
          code: 'null-geometry',
          row: i + 1,
          found: empty
            ? msg('problems.null-geometry.feature.foundEmpty', { label, type: String(feat.geometry!.type) })
            : msg('problems.null-geometry.feature.found', { label }),
          expected: msg('problems.null-geometry.feature.expected'),
          fix: msg('problems.null-geometry.feature.fix'),
        }),
      );
    }
    const issue = geometryIssue(feat.geometry, points);
    if (issue)
      bad.add(
        problem(file, {
          code: 'not-geojson',
          row: i + 1,
          found: { ...issue, params: { ...issue.params, label } },
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
