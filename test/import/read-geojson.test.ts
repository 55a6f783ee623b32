import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lccForward, laeaForward, webMercatorForward } from '../../src/import/geojson-proj-conic';
import { GRS80, KRASSOWSKY, WGS84, tmForward } from '../../src/import/geojson-proj-tm';
import { readInput, type ReadResult } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { albania, geojsonBytes, mapPositions, utf8, win1252 } from '../fixtures/import/make';

const mod = loadParquetModuleNode();
const NAME = 'municipalities.geojson';
const read = (bytes: Uint8Array): ReadResult => readInput({ name: NAME, bytes }, mod);
const AL = albania();

const tm =
  (lon0: number, k0: number, fe: number, ellipsoid = GRS80) =>
  (lon: number, lat: number) =>
    tmForward({ ellipsoid, lon0, lat0: 0, k0, falseEasting: fe, falseNorthing: 0 }, lon, lat);
const PROJECTIONS: Record<string, (lon: number, lat: number) => [number, number]> = {
  'EPSG:6870': tm(20, 1, 500000),
  'EPSG:32634': tm(21, 0.9996, 500000, WGS84),
  'EPSG:32633': tm(15, 0.9996, 500000, WGS84),
  'EPSG:2462': tm(21, 1, 4500000, KRASSOWSKY),
  'EPSG:6962': (lon, lat) =>
    lccForward(
      { ellipsoid: GRS80, lat0: 41, lon0: 20, lat1: 39, lat2: 43, falseEasting: 0, falseNorthing: 0 },
      lon,
      lat,
    ),
  'EPSG:3035': (lon, lat) =>
    laeaForward(
      { ellipsoid: GRS80, lat0: 52, lon0: 10, falseEasting: 4321000, falseNorthing: 3210000 },
      lon,
      lat,
    ),
  'EPSG:3857': webMercatorForward,
};

function codes(r: ReadResult): string[] {
  return r.problems.map((p) => `${p.severity}:${p.code}`);
}

function first(r: ReadResult, code: string) {
  const p = r.problems.find((q) => q.code === code);
  expect(p, `no ${code} in ${JSON.stringify(r.problems)}`).toBeDefined();
  expect(p!.file).toBe(NAME);
  return p!;
}

describe('readInput: GeoJSON boundaries', () => {
  it('reads the shipped boundaries of the 61 municipalities without problems', () => {
    const r = read(geojsonBytes(AL));
    expect(r.problems).toEqual([]);
    expect(r.format).toBe('geojson');
    expect(r.rows).toBe(61);
    expect(r.rowOffset).toBe(0);
    expect(r.columns).toContain('lau_code');
    expect(r.geojson?.features).toHaveLength(61);
  });

  it('names EPSG:6870 (Albania TM 2010) for national-grid metres, not UTM 34N', () => {
    const p = first(read(geojsonBytes(mapPositions(AL, PROJECTIONS['EPSG:6870']!))), 'projected-crs');
    expect(p.severity).toBe('error');
    expect(p.found).toMatch(
      /^coordinates in metres \(x 4\d\d,\d{3} to 5\d\d,\d{3}, y 4,3\d\d,\d{3} to 4,7\d\d,\d{3}\)/,
    );
    expect(p.found).toContain('they look like EPSG:6870 (ETRS89 / Albania TM 2010)');
    expect(p.found).not.toContain('32634');
    expect(p.expected).toContain('EPSG:4326');
    expect(p.fix).toBe(
      'Export the file as WGS84 longitude/latitude (EPSG:4326), e.g. in QGIS: Export > Save Features As > CRS EPSG:4326.',
    );
  });

  it('names UTM zone 34N for UTM metres, not EPSG:6870', () => {
    const p = first(read(geojsonBytes(mapPositions(AL, PROJECTIONS['EPSG:32634']!))), 'projected-crs');
    expect(p.found).toContain('they look like EPSG:32634 (WGS 84 / UTM zone 34N');
    expect(p.found).not.toContain('6870');
  });

  it.each(['EPSG:32633', 'EPSG:2462', 'EPSG:6962', 'EPSG:3035', 'EPSG:3857'])('recognises %s', (code) => {
    const p = first(read(geojsonBytes(mapPositions(AL, PROJECTIONS[code]!))), 'projected-crs');
    expect(p.found).toContain(`they look like ${code} (`);
    expect(p.found).not.toContain('or possibly');
  });

  it('recognises projected metres with x and y swapped', () => {
    const f = PROJECTIONS['EPSG:6870']!;
    const p = first(
      read(geojsonBytes(mapPositions(AL, (lon, lat) => f(lon, lat).reverse() as [number, number]))),
      'projected-crs',
    );
    expect(p.found).toContain('EPSG:6870 (ETRS89 / Albania TM 2010) with x and y swapped');
  });

  it('names both candidates when a small area fits EPSG:6870 and UTM 34N alike', () => {
    const elbasan: FeatureCollection = {
      ...AL,
      features: AL.features.filter((f) => f.properties?.name === 'Elbasan'),
    };
    const p = first(read(geojsonBytes(mapPositions(elbasan, PROJECTIONS['EPSG:6870']!))), 'projected-crs');
    expect(p.found).toContain('EPSG:6870');
    expect(p.found).toContain('or possibly');
    expect(p.found).toContain('EPSG:32634');
  });

  it('uses a declared crs member, and says when metres fit nothing known', () => {
    const declared = read(
      geojsonBytes(mapPositions(AL, PROJECTIONS['EPSG:6870']!), 'urn:ogc:def:crs:EPSG::6870'),
    );
    expect(first(declared, 'projected-crs').found).toContain('declared as EPSG:6870');
    const odd = read(geojsonBytes(mapPositions(AL, (lon, lat) => [lon * 1e5, lat * 1e5])));
    expect(first(odd, 'projected-crs').found).toContain('in a system we do not recognise');
  });

  it('warns when a crs member names a projected system but the coordinates are degrees', () => {
    const r = read(geojsonBytes(AL, 'urn:ogc:def:crs:EPSG::6870'));
    expect(codes(r)).toEqual(['warning:projected-crs']);
    expect(read(geojsonBytes(AL, 'urn:ogc:def:crs:OGC:1.3:CRS84')).problems).toEqual([]);
    expect(read(geojsonBytes(AL, 'EPSG:4326')).problems).toEqual([]);
  });

  it('detects [latitude, longitude] positions', () => {
    const r = read(geojsonBytes(mapPositions(AL, (lon, lat) => [lat, lon])));
    expect(codes(r)).toEqual(['error:swapped-lat-lon']);
    expect(r.problems[0]!.found).toMatch(
      /^positions written as \[latitude, longitude\], e\.g\. \[4\d\.\d+, (19|20|21)\.\d+\]$/,
    );
  });

  it('reports degree coordinates outside Albania', () => {
    const r = read(geojsonBytes(mapPositions(AL, (lon, lat) => [lon - 30, lat])));
    expect(codes(r)).toEqual(['error:invalid-value']);
    expect(r.problems[0]!.found).toContain('all lie outside Albania');
  });

  it('reports null geometries as errors naming the feature, its lau_code and name', () => {
    const fc: FeatureCollection = {
      ...AL,
      features: AL.features.map((f, i) => (i === 2 || i >= 50 ? { ...f, geometry: null as never } : f)),
    };
    const r = read(geojsonBytes(fc));
    const nulls = r.problems.filter((p) => p.code === 'null-geometry');
    expect(nulls).toHaveLength(5);
    const f3 = AL.features[2]!.properties!;
    expect(nulls[0]).toMatchObject({ severity: 'error', row: 3, file: NAME });
    expect(nulls[0]!.found).toBe(
      `feature 3 (lau_code ${f3.lau_code}, name ${f3.name}) has no geometry (null), so it cannot be drawn`,
    );
    expect(nulls[4]!.more).toBe(7);
    expect(r.geojson).not.toBeNull();
  });

  it('reports features that are not polygons and malformed coordinates', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        ...AL.features.slice(0, 3),
        {
          type: 'Feature',
          properties: { lau_code: 'AL999' },
          geometry: { type: 'Point', coordinates: [19.8, 41.3] },
        },
        {
          type: 'Feature',
          properties: { lau_code: 'AL998' },
          geometry: { type: 'Polygon', coordinates: [[[19.8, 41.3]]] },
        },
      ],
    };
    const bad = read(geojsonBytes(fc)).problems.filter((p) => p.code === 'not-geojson');
    expect(bad.map((p) => [p.row, p.found])).toEqual([
      [4, 'feature 4 (lau_code AL999) is a Point, not a Polygon or MultiPolygon'],
      [5, 'feature 5 (lau_code AL998) has a polygon ring of 1 position(s); a closed ring needs at least 4'],
    ]);
  });

  it('gives the line and column of invalid JSON, and says when it ends early', () => {
    const r = read(utf8('{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature" "x": 1}]}'));
    const p = first(r, 'not-geojson');
    expect(r.format).toBeNull();
    expect(p.found).toMatch(/^invalid JSON at line 3, column 22 /);
    expect(first(read(utf8('{"type": "FeatureCollection", "features": [')), 'not-geojson').found).toContain(
      'ends early',
    );
  });

  it('names TopoJSON and bare geometries', () => {
    expect(first(read(utf8('{"type":"Topology","objects":{}}')), 'not-geojson').found).toBe(
      'TopoJSON, not GeoJSON',
    );
    const poly = first(read(utf8('{"type":"Polygon","coordinates":[]}')), 'not-geojson');
    expect(poly.found).toBe('a single Polygon without properties');
  });

  it('asks for lau_code: a warning when names can be matched, an error when nothing identifies features', () => {
    const strip = (keep: (k: string) => boolean, rename: Record<string, string> = {}): FeatureCollection => ({
      ...AL,
      features: AL.features.map((f) => ({
        ...f,
        properties: Object.fromEntries(
          Object.entries(f.properties!)
            .filter(([k]) => keep(k))
            .map(([k, v]) => [rename[k] ?? k, v]),
        ),
      })),
    });
    const byName = read(geojsonBytes(strip((k) => k === 'name')));
    expect(codes(byName)).toEqual(['warning:missing-column']);
    expect(byName.columns).toEqual(['name']);
    const upper = read(
      geojsonBytes(strip((k) => k === 'lau_code' || k === 'name', { lau_code: 'LAU_CODE' })),
    );
    expect(codes(upper)).toEqual(['error:missing-column']);
    expect(upper.problems[0]!.fix).toBe('Rename the property "LAU_CODE" to "lau_code".');
    expect(codes(read(geojsonBytes(strip((k) => k === 'area_km2'))))).toEqual(['error:missing-column']);
  });

  it('wraps a single Feature, and says an empty collection is empty', () => {
    const r = read(utf8(JSON.stringify(AL.features[0])));
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(1);
    expect(codes(read(utf8('{"type":"FeatureCollection","features":[]}')))).toEqual(['error:empty-file']);
  });

  it('decodes a Windows-1252 GeoJSON with a warning', () => {
    const one: FeatureCollection = {
      ...AL,
      features: AL.features.filter((f) => f.properties?.name === 'Korçë'),
    };
    const r = read(win1252(JSON.stringify(one)));
    expect(codes(r)).toEqual(['warning:encoding']);
    expect(r.detected?.encoding).toBe('windows-1252');
    expect(r.geojson?.features[0]?.properties?.name).toBe('Korçë');
  });
});
