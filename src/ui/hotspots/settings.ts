/**
 * The hotspots view's own settings, kept in `state.hotspots` (and so in the URL as `hot=`) as one short
 * string: `method.weights.permutations.seed.correction.year.unit.level.display`, e.g.
 * `g.q.999.12345.f.2025.m.a.y`. Anything missing or invalid falls back to its default.
 */
import type { HotspotMethod, WeightsKind } from '../../analysis/spatial/run';
import type { Correction } from '../../analysis/spatial/multiple-testing';
import type { SchoolLevel } from '../../engine/queries-schools';

/** Units analysed: municipalities (dropouts summed) or school points. */
export type UnitLevel = 'municipality' | 'schools';

/**
 * What the map shows: the year's classes, the persistence pattern over all years (municipalities) or the
 * schools' dropout rates (schools).
 */
export type Display = 'year' | 'persistence' | 'rates';

/** Every setting of the view. */
export interface HotspotSettings {
  method: HotspotMethod;
  weights: WeightsKind;
  permutations: number;
  seed: number;
  correction: Correction;
  /** 0 = the latest year with data. */
  year: number;
  unit: UnitLevel;
  level: SchoolLevel;
  display: Display;
}

/** Defaults: Gi*, queen contiguity, 999 permutations, seed 12345, BH FDR, the latest year, municipalities. */
export const DEFAULT_SETTINGS: HotspotSettings = {
  method: 'gistar',
  weights: 'queen',
  permutations: 999,
  seed: 12345,
  correction: 'fdr',
  year: 0,
  unit: 'municipality',
  level: 'all',
  display: 'year',
};

/** Largest permutation count the view offers (the worker stays responsive to new requests). */
export const MAX_PERMUTATIONS = 9999;

/** The string of the defaults. */
const DEFAULT_TEXT = 'g.q.999.12345.f.0.m.a.y';

const METHOD: Record<string, HotspotMethod> = { g: 'gistar', m: 'moran' };
const WEIGHTS: Record<string, WeightsKind> = { q: 'queen', r: 'rook', k: 'knn', d: 'distance' };
const CORRECTION: Record<string, Correction> = { n: 'none', b: 'bonferroni', f: 'fdr' };
const UNIT: Record<string, UnitLevel> = { m: 'municipality', s: 'schools' };
const LEVEL: Record<string, SchoolLevel> = { a: 'all', b: 'basic', u: 'upper_secondary' };
const DISPLAY: Record<string, Display> = { y: 'year', p: 'persistence', r: 'rates' };

const codeOf = <T extends string>(table: Record<string, T>, value: T): string =>
  Object.keys(table).find((k) => table[k] === value) ?? '';

function int(text: string | undefined, min: number, max: number, fallback: number): number {
  if (text === undefined || !/^\d+$/.test(text)) return fallback;
  const n = Number(text);
  return n >= min && n <= max ? n : fallback;
}

/** Weights that fit the unit level: contiguity for municipalities, distance for school points. */
export function fitWeights(unit: UnitLevel, weights: WeightsKind): WeightsKind {
  if (unit === 'schools') return weights === 'knn' || weights === 'distance' ? weights : 'knn';
  return weights === 'queen' || weights === 'rook' ? weights : 'queen';
}

/** A display that fits the unit level. */
export function fitDisplay(unit: UnitLevel, display: Display): Display {
  if (display === 'year') return display;
  return unit === 'schools'
    ? display === 'rates'
      ? display
      : 'year'
    : display === 'persistence'
      ? display
      : 'year';
}

/** Reads settings from their string; every part falls back to its default on its own. */
export function decodeSettings(text: string): HotspotSettings {
  const [m, w, p, s, c, y, u, l, d] = text.split('.');
  const d0 = DEFAULT_SETTINGS;
  const unit = UNIT[u ?? ''] ?? d0.unit;
  return {
    method: METHOD[m ?? ''] ?? d0.method,
    weights: fitWeights(unit, WEIGHTS[w ?? ''] ?? d0.weights),
    permutations: int(p, 0, MAX_PERMUTATIONS, d0.permutations),
    seed: int(s, 0, 4_294_967_295, d0.seed),
    correction: CORRECTION[c ?? ''] ?? d0.correction,
    year: int(y, 0, 9999, d0.year),
    unit,
    level: LEVEL[l ?? ''] ?? d0.level,
    display: fitDisplay(unit, DISPLAY[d ?? ''] ?? d0.display),
  };
}

/** Writes settings as their string ('' for the defaults, so a plain link stays plain). */
export function encodeSettings(s: HotspotSettings): string {
  const text = [
    codeOf(METHOD, s.method),
    codeOf(WEIGHTS, s.weights),
    String(s.permutations),
    String(s.seed),
    codeOf(CORRECTION, s.correction),
    String(s.year),
    codeOf(UNIT, s.unit),
    codeOf(LEVEL, s.level),
    codeOf(DISPLAY, s.display),
  ].join('.');
  return text === DEFAULT_TEXT ? '' : text;
}
