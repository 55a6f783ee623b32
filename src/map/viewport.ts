/**
 * Web Mercator exactly as MapLibre computes it (512-pixel world at zoom 0, no pitch or bearing), so the
 * first-paint SVG map and the WebGL map that replaces it put every municipality on the same pixels.
 */

/** Where the camera looks. */
export interface ViewState {
  longitude: number;
  latitude: number;
  zoom: number;
}

/** West, south, east, north in degrees. */
export type BBox = [number, number, number, number];

/** Albania's municipalities (data/geo/README.md). */
export const ALBANIA_BBOX: BBox = [19.26286, 39.64488, 21.05728, 42.66092];

const TILE = 512;

/** Mercator x and y in [0, 1] for a lon/lat. */
function mercator(lon: number, lat: number): [number, number] {
  const phi = (lat * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

function unmercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** The view that fits `bbox` inside a `width` x `height` pixel box with `padding` pixels on each side. */
export function fitBounds(bbox: BBox, width: number, height: number, padding = 16): ViewState {
  const [x0, y1] = mercator(bbox[0], bbox[1]);
  const [x1, y0] = mercator(bbox[2], bbox[3]);
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const scale = Math.min(w / ((x1 - x0) * TILE), h / ((y1 - y0) * TILE));
  return {
    longitude: ((x0 + x1) / 2) * 360 - 180,
    latitude: unmercatorY((y0 + y1) / 2),
    zoom: Math.log2(scale),
  };
}

/** A projector from lon/lat to screen pixels for a view and a box size. */
export function projector(
  view: ViewState,
  width: number,
  height: number,
): (lon: number, lat: number) => [number, number] {
  const world = TILE * 2 ** view.zoom;
  const [cx, cy] = mercator(view.longitude, view.latitude);
  return (lon, lat) => {
    const [x, y] = mercator(lon, lat);
    return [(x - cx) * world + width / 2, (y - cy) * world + height / 2];
  };
}
