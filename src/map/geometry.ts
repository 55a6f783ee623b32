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
