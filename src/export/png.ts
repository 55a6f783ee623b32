/**
 * A map as a PNG, drawn on a 2D canvas (OffscreenCanvas where there is one, else a detached <canvas>), so it
 * works without WebGL and looks the same whatever renderer is on screen. Municipalities are projected with
 * the first-paint map's Web Mercator projector (src/map/viewport.ts, via the SVG path builder), filled with
 * the map's own fill function; around them the title, the legend, the date, the data note and the
 * attribution. Text from data is drawn with fillText: it is never parsed as markup.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { pathData } from '../map/geometry';
import { css, type Rgb } from '../map/scale';
import { projector, type BBox } from '../map/viewport';
import { pngLayout, type Box, type PngLayout } from './png-layout';

/** One legend row: a swatch and its label. */
export interface LegendRow {
  color: Rgb;
  label: string;
}

/** A point drawn over the map (e.g. a CPU facility). */
export interface MapPoint {
  lon: number;
  lat: number;
  color: Rgb;
  /** Radius in image pixels. */
  radius: number;
}

/** Everything an exported map shows. */
export interface MapPngSpec {
  boundaries: FeatureCollection<Polygon | MultiPolygon, { lau_code: string }>;
  fill: (lau: string) => Rgb;
  /** Neighbouring countries, drawn in grey under the municipalities. */
  neighbours?: FeatureCollection<Polygon | MultiPolygon, unknown> | null;
  /** What the map shows (west, south, east, north); Albania when not given. */
  bbox?: BBox | null;
  /** Municipalities outlined as selected. */
  selected?: readonly string[];
  points?: readonly MapPoint[];
  title: string;
  subtitle?: string;
  legendTitle?: string;
  legend: readonly LegendRow[];
  /** Lines under the legend rows (e.g. the suppression note). */
  legendNotes?: readonly string[];
  /** The date line, already worded ("Exported 30 November 2026"). */
  date: string;
  /** Source of the data, and that it is synthetic when it is. */
  note: string;
  attribution: string;
}

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const INK = '#1a1a1a';
const MUTED = '#555555';
const FONT = 'Arial, "DejaVu Sans", "Liberation Sans", sans-serif';
/** Neighbouring countries: lighter than the no-data grey, so the two never look alike. */
const LAND: Rgb = [242, 241, 238];
const LAND_BORDER = '#b9b6ae';

/** Splits text into lines no wider than `width` (a word longer than the line keeps its own line). */
export function wrapText(ctx: Pick<Ctx, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(next).width > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** Draws wrapped text from the top of `box`, at most `maxLines` lines; returns the y below it. */
function text(ctx: Ctx, s: string, box: Box, y: number, size: number, color: string, maxLines = 4): number {
  ctx.font = `${size}px ${FONT}`;
  ctx.fillStyle = color;
  ctx.textBaseline = 'top';
  const lines = wrapText(ctx, s, box.width).slice(0, maxLines);
  for (const line of lines) {
    ctx.fillText(line, box.x, y, box.width);
    y += Math.round(size * 1.3);
  }
  return y;
}

function drawMap(ctx: Ctx, spec: MapPngSpec, layout: PngLayout): void {
  const { map, view } = layout;
  const project = projector(view, map.width, map.height);
  const shape = (geometry: Polygon | MultiPolygon) => new Path2D(pathData(geometry, project));
  ctx.save();
  ctx.beginPath();
  ctx.rect(map.x, map.y, map.width, map.height);
  ctx.clip();
  ctx.translate(map.x, map.y);
  ctx.lineJoin = 'round';
  for (const f of spec.neighbours?.features ?? []) {
    const p = shape(f.geometry);
    ctx.fillStyle = css(LAND);
    ctx.fill(p, 'evenodd');
    ctx.strokeStyle = LAND_BORDER;
    ctx.lineWidth = 1;
    ctx.stroke(p);
  }
  const paths = new Map<string, Path2D>();
  for (const f of spec.boundaries.features) {
    const p = shape(f.geometry);
    paths.set(f.properties.lau_code, p);
    ctx.fillStyle = css(spec.fill(f.properties.lau_code));
    ctx.fill(p, 'evenodd');
  }
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1;
  for (const p of paths.values()) ctx.stroke(p);
  ctx.strokeStyle = '#141414';
  ctx.lineWidth = 3;
  for (const lau of spec.selected ?? []) {
    const p = paths.get(lau);
    if (p) ctx.stroke(p);
  }
  for (const pt of spec.points ?? []) {
    const [x, y] = project(pt.lon, pt.lat);
    ctx.beginPath();
    ctx.arc(x, y, pt.radius, 0, 2 * Math.PI);
    ctx.fillStyle = css(pt.color);
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  ctx.restore();
  ctx.strokeStyle = '#cccccc';
  ctx.lineWidth = 1;
  ctx.strokeRect(map.x + 0.5, map.y + 0.5, map.width - 1, map.height - 1);
}

function drawLegend(ctx: Ctx, spec: MapPngSpec, box: Box): void {
  let y = box.y + 8;
  if (spec.legendTitle) y = text(ctx, spec.legendTitle, box, y, 22, INK, 3) + 8;
  const swatch = 32;
  const labelBox: Box = { ...box, x: box.x + swatch + 14, width: box.width - swatch - 14 };
  for (const row of spec.legend) {
    ctx.fillStyle = css(row.color);
    ctx.fillRect(box.x, y, swatch, 24);
    ctx.strokeStyle = '#888888';
    ctx.lineWidth = 1;
    ctx.strokeRect(box.x + 0.5, y + 0.5, swatch - 1, 23);
    const end = text(ctx, row.label, labelBox, y + 2, 19, INK, 2);
    y = Math.max(y + 34, end + 8);
  }
  y += 6;
  for (const note of spec.legendNotes ?? []) y = text(ctx, note, box, y, 16, MUTED, 4) + 6;
}

/** The default 1600 x 1200 layout, fitted to the spec's box. */
export function layoutOf(spec: Pick<MapPngSpec, 'bbox'>): PngLayout {
  return spec.bbox ? pngLayout(undefined, undefined, spec.bbox) : pngLayout();
}

/** Draws the whole image on a 2D context of the layout's size. */
export function drawMapImage(ctx: Ctx, spec: MapPngSpec, layout: PngLayout = layoutOf(spec)): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  let y = text(ctx, spec.title, layout.header, layout.header.y + 8, 34, INK, 2);
  if (spec.subtitle) text(ctx, spec.subtitle, layout.header, y + 4, 20, MUTED, 2);
  drawMap(ctx, spec, layout);
  drawLegend(ctx, spec, layout.legend);
  const { footer } = layout;
  y = text(ctx, spec.date, footer, footer.y, 17, INK, 1);
  y = text(ctx, spec.note, footer, y + 2, 16, INK, 2);
  text(ctx, spec.attribution, footer, y + 2, 15, MUTED, 2);
}

/** Renders the spec into a PNG Blob (1600 x 1200 by default). */
export async function renderMapPng(spec: MapPngSpec, layout: PngLayout = layoutOf(spec)): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(layout.width, layout.height);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      drawMapImage(ctx, spec, layout);
      return canvas.convertToBlob({ type: 'image/png' });
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  drawMapImage(ctx, spec, layout);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
  );
}
