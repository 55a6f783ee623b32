/**
 * Where things go on an exported map image: the title block on top, the map on the left, the legend on the
 * right, the date, data note and attribution at the bottom. Pure (no DOM), so a browser test can find a
 * municipality's pixel in the PNG with the same numbers the renderer used.
 */
import { ALBANIA_BBOX, fitBounds, type ViewState } from '../map/viewport';

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
  /** The Web Mercator view of the map box (Albania fitted, as on screen). */
  view: ViewState;
}

/** Default size of an exported map. */
export const PNG_WIDTH = 1600;
export const PNG_HEIGHT = 1200;

const MARGIN = 40;
const HEADER = 110;
const FOOTER = 150;
const LEGEND = 440;

/** The layout of a `width` x `height` image (default 1600 x 1200). */
export function pngLayout(width = PNG_WIDTH, height = PNG_HEIGHT): PngLayout {
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
    view: fitBounds(ALBANIA_BBOX, map.width, map.height, 24),
  };
}
