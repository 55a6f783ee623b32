import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compress,
  distanceBandWeights,
  EARTH_RADIUS_KM,
  haversineKm,
  isSymmetric,
  knnWeights,
  rowStandardise,
  spatialLag,
  type PointCoordinates,
} from '../../src/analysis/spatial';
import { expectAllClose, expectClose } from './helpers';

describe('distance-based weights', () => {
  it('computes great-circle distances: one degree of the equator is 2πR/360', () => {
    expectClose(haversineKm([0, 0], [1, 0]), (2 * Math.PI * EARTH_RADIUS_KM) / 360, 1e-9);
    expectClose(haversineKm([20, 41], [20, 41]), 0, 0);
    // Tiranë–Durrës centres, about 33 km apart (a sanity check, not a survey-grade reference).
    expect(haversineKm([19.8187, 41.3275], [19.4414, 41.3231])).toBeGreaterThan(31);
    expect(haversineKm([19.8187, 41.3275], [19.4414, 41.3231])).toBeLessThan(33);
  });

  it('finds k nearest neighbours with ties broken by the lower index', () => {
    // Points on the equator at longitudes 0, 1, 3, 6 and −1.5 (ids p0…p4).
    const points: PointCoordinates[] = [
      [0, 0],
      [1, 0],
      [3, 0],
      [6, 0],
      [-1.5, 0],
    ];
    const ids = ['p0', 'p1', 'p2', 'p3', 'p4'];
    // k = 1: p0 → p1 (1° vs 1.5°), p1 → p0, p2 → p1 (2°), p3 → p2 (3°), p4 → p0 (1.5°).
    expect(knnWeights(points, ids, 1).neighbours).toEqual([[1], [0], [1], [2], [0]]);
    // k = 2: p0 → p1, p4; p1 → p0, p2 (2° vs 2.5°); p2 → p1, p0 (3°); p3 → p2, p1 (5°); p4 → p0, p1.
    expect(knnWeights(points, ids, 2).neighbours).toEqual([
      [1, 4],
      [0, 2],
      [0, 1],
      [1, 2],
      [0, 1],
    ]);
    // An exact tie (±1° around p0 gives bit-identical distances): the lower index wins.
    expect(
      knnWeights(
        [
          [0, 0],
          [1, 0],
          [-1, 0],
        ],
        ['a', 'b', 'c'],
        1,
      ).neighbours[0],
    ).toEqual([1]);
    expect(
      knnWeights(
        [
          [0, 0],
          [-1, 0],
          [1, 0],
        ],
        ['a', 'b', 'c'],
        1,
      ).neighbours[0],
    ).toEqual([1]);
    expect(() => knnWeights(points, ids, 5)).toThrow(RangeError);
  });

  it('builds inclusive distance bands in km or in planar units', () => {
    const points: PointCoordinates[] = [
      [0, 0],
      [1, 0],
      [3, 0],
    ];
    const degree = (2 * Math.PI * EARTH_RADIUS_KM) / 360;
    expect(distanceBandWeights(points, ['a', 'b', 'c'], degree * 1.000001).neighbours).toEqual([
      [1],
      [0],
      [],
    ]);
    expect(distanceBandWeights(points, ['a', 'b', 'c'], degree * 0.999999).neighbours).toEqual([[], [], []]);
    // Planar: exactly at the threshold counts (PySAL DistanceBand, spdep dnearneigh).
    const planar = distanceBandWeights(
      [
        [0, 0],
        [3, 4],
        [10, 0],
      ],
      ['a', 'b', 'c'],
      5,
      { metric: 'euclidean' },
    );
    expect(planar.neighbours).toEqual([[1], [0], []]);
  });

  it('property: kNN gives exactly k neighbours, distance bands are symmetric', () => {
    const point = fc.tuple(
      fc.double({ min: 19, max: 21, noNaN: true }),
      fc.double({ min: 39.5, max: 42.7, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 3, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (pts, kk) => {
          const ids = pts.map((_, i) => `p${i}`);
          const k = Math.min(kk, pts.length - 1);
          const w = knnWeights(pts, ids, k);
          expect(w.neighbours.every((row) => row.length === k)).toBe(true);
          // The k-th neighbour is no farther than any non-neighbour.
          w.neighbours.forEach((row, i) => {
            const far = Math.max(...row.map((j) => haversineKm(pts[i]!, pts[j]!)));
            pts.forEach((p, j) => {
              if (j !== i && !row.includes(j))
                expect(haversineKm(pts[i]!, p)).toBeGreaterThanOrEqual(far - 1e-9);
            });
          });
          expect(isSymmetric(distanceBandWeights(pts, ids, 25))).toBe(true);
        },
      ),
    );
  });

  it('keeps weights aligned with the lag: row-standardised kNN lag is a neighbour mean', () => {
    const pts: PointCoordinates[] = [
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 4],
    ];
    const w = rowStandardise(knnWeights(pts, ['a', 'b', 'c', 'd'], 2));
    // a: b, c → 25. b: a and c tie at 1° → both, 20.
    // c: b at 1°, then a and d tie at 2° → a (lower index), 15. d: c, b → 25.
    expectAllClose(Array.from(spatialLag(compress(w), [10, 20, 30, 40])), [25, 20, 15, 25]);
  });
});
