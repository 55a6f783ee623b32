/**
 * The colour scale of the choropleth, shared by the first-paint SVG map, the WebGL map, the legend and the
 * exports so all of them always agree. Classes come from src/analysis/classify (the same code as the CLI);
 * colours from colour-blind-safe palettes (./palettes). A failed classification (say, manual breaks that
 * do not fit) falls back to quantiles and says why.
 */
import { classBreaks, classIndex, ClassificationError, extent, type ClassMethod } from '../analysis/classify';
import type { MapValue } from '../engine/engine';
import { paletteFor, type Palette } from './palettes';

/** An RGB colour as deck.gl takes it. */
export type Rgb = [number, number, number];

/** Fill of a municipality with no value. */
export const NO_DATA: Rgb = [232, 232, 232];
/** Fill of a municipality whose value is hidden by small-count suppression. */
export const SUPPRESSED: Rgb = [160, 160, 160];

/** One legend row: the value range and the colour of a class, and how many municipalities fall in it. */
export interface ClassInfo {
  from: number;
  to: number;
  color: Rgb;
  count: number;
}

/** A classified scale over one map's values. */
export interface ClassScale {
  breaks: number[];
  classes: ClassInfo[];
  noData: number;
  suppressed: number;
  /** The method actually used (quantile when the chosen one failed). */
  method: ClassMethod;
  paletteId: string;
  /** Why the chosen classification could not be used, if it could not. */
  problem: string | null;
}

/** How to classify and colour. */
export interface ScaleOptions {
  method: ClassMethod;
  classes: number;
  palette: string;
  manual: readonly number[];
  higherIsWorse: boolean;
  /** A change map: a diverging palette centred on zero. */
  diverging?: boolean;
  /**
   * The values the breaks are computed from, when not the map's own (e.g. every year's values pooled,
   * so colours mean the same in every year).
   */
  basis?: readonly number[];
}

function hexToRgb(color: string): Rgb {
  if (color.startsWith('rgb')) {
    const [r = 0, g = 0, b = 0] = color.match(/\d+/g)!.map(Number);
    return [r, g, b];
  }
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Sequential colours for `n` classes; with fewer than three, the palette's ends. */
function sequential(colors: (n: number) => string[], n: number): string[] {
  if (n >= 3) return colors(n);
  const three = colors(3);
  return n === 2 ? [three[0]!, three[2]!] : [three[2]!];
}

/**
 * Diverging colours centred on zero: classes below zero take the low side, above it the high side, each
 * side stepping out from the neutral middle evenly (a class straddling zero is neutral).
 */
function diverging(palette: Palette, ranges: readonly [number, number][]): string[] {
  const side = ranges.map(([from, to]) => (to <= 0 ? -1 : from > 0 ? 1 : 0));
  const neg = side.filter((s) => s < 0).length;
  const pos = side.filter((s) => s > 0).length;
  const m = Math.max(neg, pos, 1);
  const full = palette.colors(9);
  const at = palette.interpolate ?? ((t: number) => full[Math.round(t * (full.length - 1))]!);
  let negSeen = 0;
  let posSeen = 0;
  return side.map((s) => {
    if (s === 0) return at(0.5);
    if (s < 0) return at(0.5 - (0.5 * (neg - negSeen++)) / m);
    return at(0.5 + (0.5 * ++posSeen) / m);
  });
}

/** Classifies the shown (unsuppressed) values and colours the classes. */
export function buildScale(values: readonly MapValue[], options: ScaleOptions): ClassScale {
  const shown = values.flatMap((v) => (v.value === null ? [] : [v.value]));
  const basis = options.basis ?? shown;
  let method: ClassMethod = options.method;
  let problem: string | null = null;
  let breaks: number[];
  try {
    breaks = classBreaks(basis, method, options.classes, { manual: options.manual });
  } catch (err) {
    if (!(err instanceof ClassificationError)) throw err;
    problem = err.message;
    method = 'quantile';
    breaks = classBreaks(basis, method, options.classes);
  }
  const range = extent([...basis, ...shown]);
  const n = breaks.length + 1;
  const palette = paletteFor(
    options.palette,
    options.diverging ? 'diverging' : 'sequential',
    options.higherIsWorse,
  );
  const ranges: [number, number][] = range
    ? Array.from({ length: n }, (_, i) => {
        const from = i === 0 ? Math.min(range[0], breaks[0] ?? range[0]) : breaks[i - 1]!;
        const to = i === n - 1 ? Math.max(range[1], breaks[n - 2] ?? range[1]) : breaks[i]!;
        return [from, to];
      })
    : [];
  const colors = options.diverging ? diverging(palette, ranges) : sequential(palette.colors, n);
  const classes: ClassInfo[] = ranges.map(([from, to], i) => ({
    from,
    to,
    color: hexToRgb(colors[i]!),
    count: 0,
  }));
  for (const v of shown) {
    const c = classes[classIndex(breaks, v)];
    if (c) c.count++;
  }
  return {
    breaks,
    classes,
    noData: values.filter((v) => v.value === null && !v.suppressed).length,
    suppressed: values.filter((v) => v.suppressed).length,
    method,
    paletteId: palette.id,
    problem,
  };
}

/** The fill of one municipality. */
export function fillFor(scale: ClassScale, v: MapValue | undefined): Rgb {
  if (!v) return NO_DATA;
  if (v.suppressed) return SUPPRESSED;
  if (v.value === null) return NO_DATA;
  return scale.classes[classIndex(scale.breaks, v.value)]?.color ?? NO_DATA;
}

/** CSS form of an RGB colour. */
export function css(rgb: Rgb): string {
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}
