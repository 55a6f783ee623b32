/**
 * Where to look on the screen: the deepest interior point of a municipality, projected with the same
 * Web Mercator view the app fits, so a test can read the pixel there and compare it with the legend.
 */
import { readFileSync } from 'node:fs';
import { bbox, booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ALBANIA_BBOX, fitBounds, projector } from '../src/map/viewport';

type Muni = Feature<Polygon | MultiPolygon, { lau_code: string; name: string }>;

const features = (
  JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as { features: Muni[] }
).features;

/** The point of a municipality farthest from its border (on a 30 x 30 grid). */
export function deepestPoint(lau: string): [number, number] {
  const f = features.find((x) => x.properties.lau_code === lau);
  if (!f) throw new Error(`unknown municipality ${lau}`);
  const [x0, y0, x1, y1] = bbox(f);
  let best: [number, number] = [x0, y0];
  let bestDepth = -Infinity;
  for (let i = 1; i < 30; i++) {
    for (let j = 1; j < 30; j++) {
      const p: [number, number] = [x0 + ((x1 - x0) * i) / 30, y0 + ((y1 - y0) * j) / 30];
      if (!booleanPointInPolygon(p, f)) continue;
      const depth = -pointToPolygonDistance(p, f, { units: 'kilometers' });
      if (depth > bestDepth) [best, bestDepth] = [p, depth];
    }
  }
  return best;
}

/** The name of a municipality as the data spells it. */
export function municipalityName(lau: string): string {
  return features.find((x) => x.properties.lau_code === lau)?.properties.name ?? lau;
}

/** Page coordinates of a municipality's deepest point inside a map box of the given position and size. */
export function screenPoint(
  lau: string,
  box: { x: number; y: number; width: number; height: number },
): [number, number] {
  const view = fitBounds(ALBANIA_BBOX, box.width, box.height);
  const [px, py] = projector(view, box.width, box.height)(...deepestPoint(lau));
  return [Math.round(box.x + px), Math.round(box.y + py)];
}

/** Large municipalities spread over the country: their interiors are many pixels wide. */
export const PROBES = [
  'AL132',
  'AL133',
  'AL224',
  'AL343',
  'AL154',
  'AL112',
  'AL357',
  'AL213',
  'AL314',
  'AL342',
];
