/**
 * Where things go on an exported map image: the title block on top, the map on the left, the legend on the
 * right, the date, data note and attribution at the bottom. Pure (no DOM), so a browser test can find a
 * municipality's pixel in the PNG with the same numbers the renderer used.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOf } from '../map/geometry';
import { ALBANIA_BBOX, fitBounds, type BBox, type ViewState } from '../map/viewport';

/** A rectangle in image pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The regions of an exported image and the map's view. */
export interface PngLayout {
  width: number;
  height: number;
  /** Title and subtitle. */
  header: Box;
  /** The map itself. */
  map: Box;
  /** The legend column. */
  legend: Box;
  /** Date, data note, attribution. */
  footer: Box;
  /** The Web Mercator view of the map box (Albania, or the given box, fitted as on screen). */
  view: ViewState;
}

/** Default size of an exported map. */
export const PNG_WIDTH = 1600;
export const PNG_HEIGHT = 1200;

const MARGIN = 40;
const HEADER = 110;
const FOOTER = 150;
const LEGEND = 440;

/** The layout of a `width` x `height` image (default 1600 x 1200), its map fitted to `bbox` (Albania). */
export function pngLayout(width = PNG_WIDTH, height = PNG_HEIGHT, bbox: BBox = ALBANIA_BBOX): PngLayout {
  const header: Box = { x: MARGIN, y: MARGIN / 2, width: width - 2 * MARGIN, height: HEADER };
  const top = header.y + HEADER;
  const bottom = height - FOOTER;
  const map: Box = { x: MARGIN, y: top, width: width - 2 * MARGIN - LEGEND - 20, height: bottom - top };
  const legend: Box = { x: map.x + map.width + 20, y: top, width: LEGEND, height: bottom - top };
  const footer: Box = { x: MARGIN, y: bottom + 10, width: width - 2 * MARGIN, height: FOOTER - 20 };
  return {
    width,
    height,
    header,
    map,
    legend,
    footer,
    view: fitBounds(bbox, map.width, map.height, 24),
  };
}

/**
 * The box to fit when the units cover only part of Albania (a county drilled into), so the image zooms to
 * them as the screen does; null (all of Albania) otherwise.
 */
export function zoomBox(units: readonly { geometry: Polygon | MultiPolygon }[]): BBox | null {
  const b = bboxOf(units);
  if (!b) return null;
  const [w, s, e, n] = ALBANIA_BBOX;
  return b[2] - b[0] < 0.9 * (e - w) && b[3] - b[1] < 0.9 * (n - s) ? b : null;
}
