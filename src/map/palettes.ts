/**
 * Colour-blind-safe palettes for the choropleth: ColorBrewer sequential and diverging schemes (3 to 9
 * classes, as published) and the viridis family (sampled). Diverging palettes are for change maps.
 */
import {
  interpolateBrBG,
  interpolateCividis,
  interpolatePuOr,
  interpolateRdBu,
  interpolateViridis,
  schemeBlues,
  schemeBrBG,
  schemeGreens,
  schemePuOr,
  schemePurples,
  schemeRdBu,
  schemeYlGnBu,
  schemeYlOrRd,
} from 'd3-scale-chromatic';

/** A palette the user can pick. */
export interface Palette {
  id: string;
  kind: 'sequential' | 'diverging';
  /** `n` colours (hex), light to dark for sequential; low to high for diverging. */
  colors: (n: number) => string[];
  /** Diverging palettes: the continuous scheme, low (0) through neutral (0.5) to high (1). */
  interpolate?: (t: number) => string;
}

const brewer =
  (scheme: readonly (readonly string[])[]) =>
  (n: number): string[] =>
    [...(scheme[Math.min(9, Math.max(3, n))] ?? [])].slice(0, n);

const sampled =
  (interpolate: (t: number) => string) =>
  (n: number): string[] =>
    // Light to dark, like the ColorBrewer schemes: viridis runs dark to light, so it is reversed.
    Array.from({ length: n }, (_, i) => interpolate(1 - i / Math.max(1, n - 1)));

/** Every palette, by id. */
export const PALETTES: readonly Palette[] = [
  { id: 'YlOrRd', kind: 'sequential', colors: brewer(schemeYlOrRd) },
  { id: 'Blues', kind: 'sequential', colors: brewer(schemeBlues) },
  { id: 'YlGnBu', kind: 'sequential', colors: brewer(schemeYlGnBu) },
  { id: 'Purples', kind: 'sequential', colors: brewer(schemePurples) },
  { id: 'Greens', kind: 'sequential', colors: brewer(schemeGreens) },
  { id: 'viridis', kind: 'sequential', colors: sampled(interpolateViridis) },
  { id: 'cividis', kind: 'sequential', colors: sampled(interpolateCividis) },
  // Diverging schemes from ColorBrewer are low (first colour) to high (last).
  {
    id: 'RdBu',
    kind: 'diverging',
    colors: (n) => brewer(schemeRdBu)(n).reverse(),
    interpolate: (t) => interpolateRdBu(1 - t),
  },
  { id: 'PuOr', kind: 'diverging', colors: brewer(schemePuOr), interpolate: interpolatePuOr },
  {
    id: 'BrBG',
    kind: 'diverging',
    colors: (n) => brewer(schemeBrBG)(n).reverse(),
    interpolate: (t) => interpolateBrBG(1 - t),
  },
];

/** The palette with this id, or the default for the kind and the indicator's polarity. */
export function paletteFor(id: string, kind: Palette['kind'], higherIsWorse: boolean): Palette {
  const found = PALETTES.find((p) => p.id === id && p.kind === kind);
  if (found) return found;
  const fallback = kind === 'diverging' ? 'RdBu' : higherIsWorse ? 'YlOrRd' : 'Blues';
  return PALETTES.find((p) => p.id === fallback)!;
}
