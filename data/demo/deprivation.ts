/**
 * The latent "deprivation" score that gives the synthetic indicators a plausible geography instead
 * of white noise. It is the sum of three parts:
 *
 * 1. smooth Gaussian bumps over lon/lat: high in the north-eastern mountains (Kukës, Has, Tropojë,
 *    Dibër, Bulqizë), a pocket in the south-east (Devoll, Kolonjë, Pustec), small pockets around
 *    the larger Roma and Egyptian communities (Elbasan, Korçë, Fier, Shkodër), lower around Tiranë
 *    and on the southern coast;
 * 2. a municipality random effect smoothed with its queen neighbours, so that neighbours resemble
 *    each other beyond what the bumps explain (this is what makes Moran's I clearly positive);
 * 3. a national trend (slowly improving, with a 2020–2021 COVID setback) plus per-year noise.
 *
 * The score is centred near 0 with a spread of roughly -1 to +2.5; indicators map it through
 * logistic or exponential links in indicators.ts.
 */
import { normal } from '../../src/analysis/random';
import { stream, YEARS } from './config';
import type { Municipality } from './geography';

/** The latent score and its named parts for one municipality. */
export interface Latent {
  /** North-eastern mountain bump in [0, 1]; also raises the child share (larger families). */
  mountain: number;
  /** Roma/Egyptian community pocket in [0, 1]; drives street-situation counts. */
  roma: number;
  /** Time-invariant score: bumps + smoothed random effect. */
  base: number;
  /** Score per year, aligned with YEARS. */
  byYear: number[];
}

/** An anisotropic Gaussian bump: amplitude at (lon0, lat0), falling off with sigma degrees. */
function bump(lon: number, lat: number, lon0: number, lat0: number, sx: number, sy: number): number {
  const dx = (lon - lon0) / sx;
  const dy = (lat - lat0) / sy;
  return Math.exp(-0.5 * (dx * dx + dy * dy));
}

/** Centres of the Roma/Egyptian pockets: the towns of Elbasan, Korçë, Fier and Shkodër. */
const ROMA_POCKETS: readonly (readonly [number, number])[] = [
  [20.082, 41.112],
  [20.781, 40.618],
  [19.556, 40.725],
  [19.512, 42.068],
];

/** The smooth part of the field at a point: [total, mountain, roma]. */
export function smoothField(lon: number, lat: number): [number, number, number] {
  const mountain = bump(lon, lat, 20.3, 42.0, 0.35, 0.45);
  const southEast = bump(lon, lat, 20.8, 40.5, 0.2, 0.2);
  const roma = Math.max(...ROMA_POCKETS.map(([x, y]) => bump(lon, lat, x, y, 0.12, 0.12)));
  const capital = bump(lon, lat, 19.82, 41.33, 0.25, 0.2);
  const southCoast = bump(lon, lat, 20.0, 39.9, 0.3, 0.25);
  const total = -0.35 + 2.2 * mountain + 0.7 * southEast + 0.8 * roma - 0.6 * capital - 0.35 * southCoast;
  return [total, mountain, roma];
}

/**
 * One smoothing pass: each value becomes the average of itself and the mean of its neighbours.
 * Values are then re-standardised so that the random effect keeps a known spread.
 */
function smoothOnce(values: Map<string, number>, neighbours: Map<string, string[]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, v] of values) {
    const nb = neighbours.get(code) ?? [];
    const nbMean = nb.length === 0 ? v : nb.reduce((s, c) => s + (values.get(c) ?? 0), 0) / nb.length;
    out.set(code, 0.5 * v + 0.5 * nbMean);
  }
  const xs = [...out.values()];
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  return new Map([...out].map(([c, x]) => [c, (x - mean) / sd]));
}

/** National year effect: slow improvement, a COVID setback in 2020–2021. */
function yearEffect(year: number): number {
  const covid = year === 2020 ? 0.12 : year === 2021 ? 0.08 : 0;
  return -0.03 * (year - 2015) + covid;
}

/**
 * Builds the latent score for every municipality (given in lau_code order, which fixes the order
 * random numbers are drawn in).
 */
export function buildLatent(
  municipalities: readonly Municipality[],
  neighbours: Map<string, string[]>,
): Map<string, Latent> {
  const rng = stream('deprivation');
  let effect = new Map(municipalities.map((m) => [m.lau_code, normal(rng)]));
  effect = smoothOnce(smoothOnce(effect, neighbours), neighbours);
  const result = new Map<string, Latent>();
  for (const m of municipalities) {
    const [smooth, mountain, roma] = smoothField(m.lon, m.lat);
    const base = smooth + 0.3 * (effect.get(m.lau_code) ?? 0);
    const byYear = YEARS.map((y) => base + yearEffect(y) + 0.12 * normal(rng));
    result.set(m.lau_code, { mountain, roma, base, byYear });
  }
  return result;
}
