/**
 * Builds the offline basemap assets in public/data: Albania's boundaries (copied from data/geo) and the
 * neighbouring countries for context, clipped from Natural Earth 1:50m (world-atlas) to a box around Albania.
 * Deterministic: the same inputs give the same bytes.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bboxClip, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const OUT = 'public/data';
/** Lon/lat box drawn around Albania: wide enough for any viewport the app opens with. */
const BOX: [number, number, number, number] = [16.5, 38.0, 23.5, 44.5];
const ALBANIA_ISO_NUMERIC = '008';

function round(coords: unknown): unknown {
  return Array.isArray(coords)
    ? coords.map(round)
    : typeof coords === 'number'
      ? Math.round(coords * 1e4) / 1e4
      : coords;
}

mkdirSync(OUT, { recursive: true });
copyFileSync('data/geo/albania_municipalities.geojson', `${OUT}/municipalities.geojson`);
copyFileSync('data/geo/albania_qarqe.geojson', `${OUT}/qarqe.geojson`);

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;
const countries = feature(topo, topo.objects.countries);
const neighbours: Feature<Polygon | MultiPolygon>[] = [];
for (const f of countries.features) {
  if (f.id === ALBANIA_ISO_NUMERIC || !f.geometry) continue;
  if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
  const clipped = bboxClip(f as Feature<Polygon | MultiPolygon>, BOX);
  const coords = clipped.geometry.coordinates as unknown[];
  if (coords.length === 0 || coords.every((c) => Array.isArray(c) && c.length === 0)) continue;
  neighbours.push({
    type: 'Feature',
    properties: { name: f.properties?.name ?? '' },
    geometry: { ...clipped.geometry, coordinates: round(clipped.geometry.coordinates) } as
      Polygon | MultiPolygon,
  });
}
writeFileSync(`${OUT}/neighbours.geojson`, JSON.stringify(featureCollection(neighbours)));
console.log(`basemap: ${neighbours.length} neighbouring countries -> ${OUT}/neighbours.geojson`);
