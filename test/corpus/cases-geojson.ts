/**
 * Boundary files: valid WGS84, projected (EPSG:6870 Albania TM 2010, EPSG:32634 UTM 34N, with and without a
 * `crs` member), swapped axes, empty geometries, broken JSON, unknown or county codes, JSON that is not
 * GeoJSON, and GeoJSON under another name.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Base } from './base';
import { encode, utf8 } from './bytes';
import { tm } from './tm';
import { fileCase, type CorpusCase } from './types';

function mapGeometry(g: Geometry | null, f: (p: Position) => Position): Geometry | null {
  if (!g) return g;
  const walk = (c: unknown): unknown =>
    typeof (c as Position)[0] === 'number' ? f(c as Position) : (c as unknown[]).map(walk);
  return { ...g, coordinates: walk((g as { coordinates: unknown }).coordinates) } as Geometry;
}

function mapAll(fc: FeatureCollection, f: (p: Position) => Position, crs?: string): object {
  const out: Record<string, unknown> = {
    type: 'FeatureCollection',
    features: fc.features.map((x) => ({ ...x, geometry: mapGeometry(x.geometry, f) })),
  };
  if (crs) out.crs = { type: 'name', properties: { name: crs } };
  return out;
}

function withFeature(fc: FeatureCollection, i: number, edit: (f: Feature) => Feature): FeatureCollection {
  return { ...fc, features: fc.features.map((f, j) => (j === i ? edit(f) : f)) };
}

const json = (o: unknown) => JSON.stringify(o);

/** The boundary cases. */
export function geojsonCases(b: Base): CorpusCase[] {
  const fc = b.boundaries;
  const albaniaTm = (p: Position) => tm(p[0]!, p[1]!, 20, 1, 500000);
  const utm34 = (p: Position) => tm(p[0]!, p[1]!, 21, 0.9996, 500000);
  const props = (i: number, p: Record<string, unknown>) =>
    withFeature(fc, i, (f) => ({ ...f, properties: p }));
  const valid = json(fc);
  return [
    fileCase('boundaries-valid.geojson', 'the 61 municipalities, WGS84, lau_code and name', valid, 'ok'),
    fileCase(
      'boundaries-crs84.geojson',
      'with an explicit CRS84 crs member',
      json({ ...fc, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } }),
      'ok',
    ),
    fileCase(
      'boundaries-epsg6870.geojson',
      'EPSG:6870 (Albania TM 2010) metres, crs member set',
      json(mapAll(fc, albaniaTm, 'urn:ogc:def:crs:EPSG::6870')),
      ['projected-crs'],
    ),
    fileCase(
      'boundaries-epsg6870-nocrs.geojson',
      'EPSG:6870 metres without a crs member',
      json(mapAll(fc, albaniaTm)),
      ['projected-crs'],
    ),
    fileCase(
      'boundaries-utm34n.geojson',
      'UTM 34N (EPSG:32634) metres, crs member set',
      json(mapAll(fc, utm34, 'urn:ogc:def:crs:EPSG::32634')),
      ['projected-crs'],
    ),
    fileCase(
      'boundaries-utm34n-nocrs.geojson',
      'UTM 34N metres without a crs member',
      json(mapAll(fc, utm34)),
      ['projected-crs'],
    ),
    fileCase(
      'boundaries-swapped.geojson',
      'latitude and longitude swapped',
      json(mapAll(fc, (p) => [p[1]!, p[0]!])),
      ['swapped-lat-lon'],
    ),
    fileCase(
      'boundaries-null-geometry.geojson',
      'one feature with "geometry": null',
      json(withFeature(fc, 4, (f) => ({ ...f, geometry: null as unknown as Geometry }))),
      ['null-geometry'],
    ),
    fileCase(
      'boundaries-empty-geometry.geojson',
      'one MultiPolygon with no coordinates',
      json(withFeature(fc, 4, (f) => ({ ...f, geometry: { type: 'MultiPolygon', coordinates: [] } }))),
      ['null-geometry'],
    ),
    fileCase(
      'boundaries-unknown-code.geojson',
      'a feature with lau_code AL999',
      json(props(3, { lau_code: 'AL999', name: 'Atlantis' })),
      ['unknown-municipality'],
      { warnings: ['invalid-value'] },
    ),
    fileCase(
      'boundaries-county-name.geojson',
      'a feature named "Qarku Dibër" and no code',
      json(props(3, { municipality: 'Qarku Dibër' })),
      ['county-not-municipality'],
      { warnings: ['invalid-value'] },
    ),
    fileCase(
      'boundaries-duplicate-code.geojson',
      'two features with lau_code AL121',
      json(props(3, { lau_code: 'AL121', name: 'Durrës' })),
      ['duplicate-key'],
      { warnings: ['invalid-value'] },
    ),
    fileCase(
      'boundaries-subset.geojson',
      'only the first 10 municipalities (the others would be holes)',
      json({ ...fc, features: fc.features.slice(0, 10) }),
      'ok',
      { warnings: ['invalid-value'] },
    ),
    fileCase(
      'boundaries-no-code.geojson',
      'features with only an "id" property',
      json({ ...fc, features: fc.features.map((f, i) => ({ ...f, properties: { id: i } })) }),
      ['missing-column'],
    ),
    fileCase(
      'boundaries-truncated.geojson',
      'JSON cut off in the middle',
      valid.slice(0, Math.floor(valid.length / 2)),
      ['not-geojson'],
    ),
    fileCase(
      'boundaries-trailing-comma.geojson',
      'JSON with a trailing comma',
      '{"type":"FeatureCollection","features":[],}',
      ['not-geojson'],
    ),
    fileCase(
      'boundaries-points.geojson',
      'Point features instead of polygons',
      json({
        type: 'FeatureCollection',
        features: fc.features.map((f) => ({ ...f, geometry: { type: 'Point', coordinates: [19.8, 41.3] } })),
      }),
      ['not-geojson'],
      { row: 1 },
    ),
    fileCase(
      'boundaries-empty-collection.geojson',
      'a FeatureCollection with no features',
      '{"type":"FeatureCollection","features":[]}',
      ['empty-file'],
    ),
    fileCase(
      'boundaries-windows-1252.geojson',
      'valid boundaries saved as Windows-1252 (ë in names)',
      encode(valid, 'windows-1252'),
      'ok',
      { warnings: ['encoding'] },
    ),
    fileCase('geojson-named.csv', 'valid boundaries in a file named .csv', valid, 'ok'),
    fileCase(
      'json-records.csv',
      'a JSON array of records in a file named .csv',
      json([{ lau_code: 'AL121', year: 2024, indicator: 'child_pop', value: 40000 }]),
      ['not-geojson'],
    ),
    fileCase(
      'json-records.json',
      'a JSON array of records in a file named .json',
      json([{ lau_code: 'AL121', year: 2024 }]),
      ['not-geojson'],
    ),
    fileCase('json-object.json', 'a JSON object that is not GeoJSON', '{"hello":"world"}', ['not-geojson']),
    fileCase(
      'csv-named.geojson',
      'a CSV table in a file named .geojson',
      utf8('lau_code,year\nAL121,2024\n'),
      ['not-geojson'],
    ),
  ];
}
