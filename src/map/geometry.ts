/** Turns GeoJSON polygons into SVG path text for a projector (the first-paint map). */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Project = (lon: number, lat: number) => [number, number];

function ring(points: Position[], project: Project): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const [x, y] = project(points[i]![0]!, points[i]![1]!);
    d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
  }
  return `${d}Z`;
}

/** SVG path data of a polygon or multipolygon (holes drawn with the even-odd rule). */
export function pathData(geometry: Polygon | MultiPolygon, project: Project): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((r) => ring(r, project)).join('')).join('');
}

/** The bounding box (west, south, east, north) of polygon features, or null when there are none. */
export function bboxOf(
  features: readonly { geometry: Polygon | MultiPolygon }[],
): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polygons[0] ? polygons.map((r) => r[0] ?? []) : []) {
      for (const [x = 0, y = 0] of p) {
        w = Math.min(w, x);
        s = Math.min(s, y);
        e = Math.max(e, x);
        n = Math.max(n, y);
      }
    }
  }
  return w <= e ? [w, s, e, n] : null;
}
