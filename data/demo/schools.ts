/**
 * Synthetic schools (issue 6): about 1,500 anonymised basic and upper-secondary schools placed inside their
 * municipalities, with enrolment and dropouts for every year 2015-2025.
 *
 * - Count: proportional to the municipality's child population in 2015 (largest remainder), at least 3
 *   basic schools and 1 upper-secondary school each; about one school in four is upper secondary.
 * - Place: 60 % of a municipality's schools cluster around its town (a Gaussian around the interior point),
 *   the rest spread over the whole polygon: more schools where more children live. Every point is tested
 *   inside its own polygon with turf (after rounding to 4 decimals) and redrawn if not.
 * - Dropouts: binomial with a logistic rate driven by the latent deprivation score, the level (upper
 *   secondary drops out more), a school random effect and five invented hotspots of known shape, so the
 *   analysis has something true to find (see {@link HOTSPOTS}): three persistent (north-east mountains,
 *   Elbasan's Roma and Egyptian neighbourhoods, the south-east near Devoll), one emerging from 2020
 *   (Lushnjë - Divjakë plain), one fading out by 2021 (Shkodër - Malësi e Madhe).
 */
import { bbox, booleanPointInPolygon } from '@turf/turf';
import { normal, type Rng } from '../../src/analysis/random';
import { stream, YEARS } from './config';
import type { Latent } from './deprivation';
import type { Municipality } from './geography';
import type { PopulationSeries } from './population';
import { binomial, clamp, logistic } from './sampling';

/** One row of schools.parquet (the `schools` table of docs/data-contract.md). */
export interface SchoolRow {
  school_id: string;
  lau_code: string;
  lon: number;
  lat: number;
  level: 'basic' | 'upper_secondary';
  year: number;
  enrolled: number;
  dropouts: number;
}

/** How many schools the demo has in all (before the per-municipality minimums). */
export const SCHOOL_TARGET = 1500;

/** A built-in hotspot: extra log-odds `amplitude × strength(year)` within a Gaussian of `sigma` degrees. */
export interface HotspotSpec {
  name: string;
  lon: number;
  lat: number;
  sigma: number;
  amplitude: number;
  kind: 'persistent' | 'emerging' | 'fading';
  strength: (year: number) => number;
}

/** The true hotspots built into the demo data (tests check the analysis finds them). */
export const HOTSPOTS: readonly HotspotSpec[] = [
  {
    name: 'Kukës - Has',
    lon: 20.45,
    lat: 42.1,
    sigma: 0.16,
    amplitude: 0.9,
    kind: 'persistent',
    strength: () => 1,
  },
  {
    name: 'Elbasan',
    lon: 20.08,
    lat: 41.11,
    sigma: 0.15,
    amplitude: 1.0,
    kind: 'persistent',
    strength: () => 1,
  },
  {
    name: 'Devoll',
    lon: 20.9,
    lat: 40.6,
    sigma: 0.13,
    amplitude: 0.8,
    kind: 'persistent',
    strength: () => 1,
  },
  {
    name: 'Lushnjë - Divjakë',
    lon: 19.62,
    lat: 40.95,
    sigma: 0.17,
    amplitude: 1.4,
    kind: 'emerging',
    strength: (y) => clamp((y - 2019) / 4, 0, 1),
  },
  {
    name: 'Shkodër - Malësi e Madhe',
    lon: 19.6,
    lat: 42.2,
    sigma: 0.14,
    amplitude: 1.1,
    kind: 'fading',
    strength: (y) => clamp((2021 - y) / 4, 0, 1),
  },
];

/** Extra log-odds of dropping out at a point in a year from the built-in hotspots. */
export function hotspotEffect(lon: number, lat: number, year: number): number {
  let s = 0;
  for (const h of HOTSPOTS) {
    const d2 = ((lon - h.lon) / h.sigma) ** 2 + ((lat - h.lat) / h.sigma) ** 2;
    s += h.amplitude * h.strength(year) * Math.exp(-0.5 * d2);
  }
  return s;
}

/** Rounds to 4 decimals (about 10 m): enough to map, no more than an anonymised point needs. */
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Largest-remainder allocation of `total` over `weights`, each at least `min`. */
function allocate(weights: readonly number[], total: number, min: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map((r) => Math.max(min, Math.floor(r)));
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - out.reduce((s, x) => s + x, 0);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** A point inside the municipality: near its town with probability 0.6, else anywhere in the polygon. */
function placeSchool(rng: Rng, m: Municipality, box: number[]): [number, number] {
  const [minX = 0, minY = 0, maxX = 0, maxY = 0] = box;
  const spread = Math.max(0.02, 0.25 * Math.min(maxX - minX, maxY - minY));
  const nearTown = rng() < 0.6;
  for (let attempt = 0; attempt < 500; attempt++) {
    const lon = round4(nearTown ? m.lon + spread * normal(rng) : minX + rng() * (maxX - minX));
    const lat = round4(nearTown ? m.lat + spread * normal(rng) : minY + rng() * (maxY - minY));
    if (booleanPointInPolygon([lon, lat], m.feature)) return [lon, lat];
  }
  return [m.lon, m.lat]; // The interior point is inside by construction (data/demo/geography.ts).
}

/** Builds the school rows, sorted by school_id then year. */
export function buildSchools(
  municipalities: readonly Municipality[],
  latent: Map<string, Latent>,
  population: Map<string, PopulationSeries>,
): SchoolRow[] {
  const rng = stream('schools');
  const children = municipalities.map((m) => population.get(m.lau_code)?.children[0] ?? 0);
  const basicCounts = allocate(children, Math.round(SCHOOL_TARGET * 0.76), 3);
  const upperCounts = allocate(children, Math.round(SCHOOL_TARGET * 0.24), 1);
  const rows: SchoolRow[] = [];
  let serial = 0;
  municipalities.forEach((m, mi) => {
    const box = bbox(m.feature) as number[];
    const l = latent.get(m.lau_code);
    const kids = population.get(m.lau_code)?.children ?? [];
    const nBasic = basicCounts[mi] ?? 0;
    const nUpper = upperCounts[mi] ?? 0;
    const levels: SchoolRow['level'][] = [
      ...Array<SchoolRow['level']>(nBasic).fill('basic'),
      ...Array<SchoolRow['level']>(nUpper).fill('upper_secondary'),
    ];
    for (const level of levels) {
      serial++;
      const school_id = `S-${String(serial).padStart(4, '0')}`;
      const [lon, lat] = placeSchool(rng, m, box);
      // Pupils of this level per school: 9 of 18 child years are basic, 3 are upper secondary (with 85 %
      // enrolled), split over the schools of the level with a log-normal size.
      const share = level === 'basic' ? 0.5 / nBasic : (0.85 * 3) / 18 / nUpper;
      const size = Math.exp(0.5 * normal(rng) - 0.125);
      const schoolEffect = 0.25 * normal(rng);
      const base = level === 'basic' ? -4.3 : -3.4;
      YEARS.forEach((year, i) => {
        const expected = (kids[i] ?? 0) * share * size * Math.exp(0.05 * normal(rng));
        const enrolled = Math.max(8, Math.round(expected));
        const logit = base + 0.35 * (l?.byYear[i] ?? 0) + schoolEffect + hotspotEffect(lon, lat, year);
        rows.push({
          school_id,
          lau_code: m.lau_code,
          lon,
          lat,
          level,
          year,
          enrolled,
          dropouts: binomial(rng, enrolled, logistic(logit)),
        });
      });
    }
  });
  return rows;
}
