/**
 * Invariance to hidden values, hotspots: for random school tables on a small grid of municipalities, a
 * second table that shows exactly the same figures (dropouts moved between two hidden schools of one
 * municipality and level, so every shown school, municipal and national figure stays the same) gives
 * exactly the same shown rates, analysis inputs, Gi* and local Moran results (statistic, z, p, adjusted p,
 * class) and cluster figures. Nothing derived can then tell the two tables apart: nothing determines a
 * hidden cell. docs/privacy.md lists what this covers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolygonFeature } from '../../src/analysis/spatial/contiguity';
import { runHotspots, type HotspotRequest } from '../../src/analysis/spatial/run';
import { ALL_LEVELS, suppressSchools } from '../../src/analysis/suppression-schools';
import { clusterFigures, schoolYear, type SchoolRow } from '../../src/engine/schools-shown';
import { moveWithin, type Movable } from './helpers';

const K = 5;
const SIDE = 3;
const LEVELS = ['basic', 'upper_secondary'];

/** The grid's municipalities as unit squares, M0..M8 row by row. */
const polygons: PolygonFeature[] = Array.from({ length: SIDE * SIDE }, (_, i) => {
  const [x, y] = [i % SIDE, Math.floor(i / SIDE)];
  return {
    type: 'Feature',
    properties: { lau_code: `M${i}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ],
    },
  };
});

const schoolArb = fc.record({
  lau: fc.nat({ max: SIDE * SIDE - 1 }),
  levels: fc.subarray(LEVELS, { minLength: 1 }),
  dropouts: fc.array(fc.nat({ max: 12 }), { minLength: 2, maxLength: 2 }),
  enrolled: fc.array(fc.integer({ min: 20, max: 200 }), { minLength: 2, maxLength: 2 }),
  at: fc.tuple(
    fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  ),
  located: fc.nat({ max: 9 }).map((n) => n > 0),
});

const tableArb = fc.array(schoolArb, { minLength: 4, maxLength: 14 }).map((schools) =>
  schools.flatMap((s, i) =>
    s.levels.map((level): SchoolRow => ({
      year: 2025,
      school_id: `S${String(i).padStart(2, '0')}`,
      lau_code: `M${s.lau}`,
      level,
      lon: s.located ? (s.lau % SIDE) + s.at[0] : null,
      lat: s.located ? Math.floor(s.lau / SIDE) + s.at[1] : null,
      enrolled: s.enrolled[LEVELS.indexOf(level)]!,
      dropouts: s.dropouts[LEVELS.indexOf(level)]!,
    })),
  ),
);

/** Runs one analysis, or names why it cannot run (too few units, a constant variable). */
function analyse(req: HotspotRequest) {
  try {
    const r = runHotspots({ ...req, permutations: 49, seed: 7 });
    return { ids: r.ids, statistic: r.statistic, z: r.z, p: r.p, pAdjusted: r.pAdjusted, classes: r.classes };
  } catch (err) {
    return String(err);
  }
}

/** Every number the hotspots view derives from one year's school rows, in every view. */
function derived(rows: readonly SchoolRow[]) {
  const of = schoolYear(rows, [], K);
  return [ALL_LEVELS, ...LEVELS].map((level) => {
    const t = of(level);
    const shown = t.municipalInput.ids;
    return {
      municipalities: t.municipalities,
      schools: t.schools,
      municipalInput: t.municipalInput,
      schoolInput: t.schoolInput,
      points: t.points,
      gistar: analyse({ ...t.municipalInput, method: 'gistar', weights: 'queen', polygons }),
      moran: analyse({ ...t.municipalInput, method: 'moran', weights: 'rook', polygons }),
      schoolMoran: analyse({ ...t.schoolInput, points: t.points, method: 'moran', weights: 'knn', k: 3 }),
      cluster: clusterFigures(t, shown.slice(0, 3), K),
      withHidden: clusterFigures(
        t,
        t.municipalities.map((m) => m.lau_code),
        K,
      ),
    };
  });
}

/** What the school tables' policy hides of a table, in every view. */
const policyOf = (rows: readonly SchoolRow[]) =>
  suppressSchools(
    rows.map((r) => ({
      school: r.school_id,
      lau: r.lau_code!,
      level: r.level,
      dropouts: r.dropouts,
    })),
    K,
  );

/** What the policy hides, in every view, as text. */
const pattern = (rows: readonly SchoolRow[]) =>
  JSON.stringify(
    [...policyOf(rows)].map(([view, h]) => [
      view,
      [...h.schools].sort(),
      [...h.municipalities].sort(),
      h.national,
    ]),
  );

/**
 * The cells a second table may change: the hidden school cells, grouped by municipality and level (a count
 * moved between two of them leaves every school, municipal and national figure of every view as it was).
 */
function movable(rows: readonly SchoolRow[]): Movable[] {
  const policy = policyOf(rows);
  return rows.flatMap((r, i) =>
    policy.get(r.level)!.schools.has(r.school_id)
      ? [{ index: i, group: `${r.level}|${r.lau_code!}`, value: r.dropouts! }]
      : [],
  );
}

describe('hotspots: invariance to hidden values', { timeout: 60_000 }, () => {
  it('a table showing the same figures gives the same rates, inputs, Gi*, LISA and cluster figures', () => {
    let changed = 0;
    fc.assert(
      fc.property(tableArb, fc.tuple(fc.nat(), fc.nat(), fc.nat()), (rows, pick) => {
        const move = moveWithin(movable(rows), pick);
        if (!move) return;
        const other = rows.map((r, i) => {
          const d = move.get(i);
          return d === undefined ? r : { ...r, dropouts: d };
        });
        // Only a table whose suppression pattern is the same shows the same figures.
        if (pattern(other) !== pattern(rows)) return;
        changed++;
        expect(derived(other)).toEqual(derived(rows));
      }),
      { numRuns: 10_000 },
    );
    expect(changed).toBeGreaterThan(2_000);
  });
});
