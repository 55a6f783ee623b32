import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contiguityWeights, isSymmetric, islands, type PolygonFeature } from '../../src/analysis/spatial';
import { linkCount, neighbourIds, squareGrid } from './helpers';

describe('contiguityWeights', () => {
  // 3 × 3 grid of unit squares, cells r{row}c{col}:
  //   r2c0 r2c1 r2c2
  //   r1c0 r1c1 r1c2
  //   r0c0 r0c1 r0c2
  // Rook: 6 horizontal + 6 vertical shared edges = 12 pairs (24 links). Queen adds the two diagonals at
  // each of the 4 interior grid vertices: 8 pairs more, 20 pairs (40 links). The centre has 4 rook / 8 queen
  // neighbours, a corner 2 / 3, an edge cell 3 / 5.
  const grid = squareGrid(3, 3);
  const rook = contiguityWeights(grid, { rule: 'rook', idProperty: 'id' });
  const queen = contiguityWeights(grid, { rule: 'queen', idProperty: 'id' });

  it('counts rook and queen links on a 3 × 3 grid', () => {
    expect(linkCount(rook)).toBe(24);
    expect(linkCount(queen)).toBe(40);
    expect(neighbourIds(rook, 'r1c1')).toEqual(['r0c1', 'r1c0', 'r1c2', 'r2c1']);
    expect(neighbourIds(queen, 'r1c1')).toHaveLength(8);
    expect(neighbourIds(rook, 'r0c0')).toEqual(['r0c1', 'r1c0']);
    expect(neighbourIds(queen, 'r0c0')).toEqual(['r0c1', 'r1c0', 'r1c1']);
    expect(neighbourIds(queen, 'r0c1')).toEqual(['r0c0', 'r0c2', 'r1c0', 'r1c1', 'r1c2']);
    expect(isSymmetric(rook) && isSymmetric(queen)).toBe(true);
  });

  it('matches vertices within the rounding grid, handles MultiPolygons and reports islands', () => {
    const nudged: PolygonFeature = {
      type: 'Feature',
      properties: { id: 'east' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          // Shares the edge x = 1 with "west", off by 1e-9 degrees (below the 1e-7 default precision).
          [
            [
              [1 + 1e-9, 0],
              [2, 0],
              [2, 1],
              [1 - 1e-9, 1],
              [1 + 1e-9, 0],
            ],
          ],
          [
            [
              [5, 5],
              [6, 5],
              [6, 6],
              [5, 5],
            ],
          ],
        ],
      },
    };
    const square = (id: string, x: number): PolygonFeature => ({
      type: 'Feature',
      properties: { id },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, 0],
            [x + 1, 0],
            [x + 1, 1],
            [x, 1],
            [x, 0],
          ],
        ],
      },
    });
    const w = contiguityWeights([square('west', 0), nudged, square('far', 10)], {
      rule: 'rook',
      idProperty: 'id',
    });
    expect(w.neighbours).toEqual([[1], [0], []]);
    expect(islands(w)).toEqual(['far']);
  });

  it('requires the id property', () => {
    expect(() => contiguityWeights(grid, { rule: 'queen', idProperty: 'missing' })).toThrow(/missing/);
  });

  it('property: on random grids queen ⊇ rook and both are symmetric', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 35 }),
        (r, c, drop) => {
          // Removing one cell makes holes and irregular shapes, not just full rectangles.
          const cells = squareGrid(r, c).filter((_, i) => r * c === 1 || i !== drop % (r * c));
          const q = contiguityWeights(cells, { rule: 'queen', idProperty: 'id' });
          const k = contiguityWeights(cells, { rule: 'rook', idProperty: 'id' });
          k.neighbours.forEach((row, i) => row.forEach((j) => expect(q.neighbours[i]).toContain(j)));
          expect(isSymmetric(q) && isSymmetric(k)).toBe(true);
        },
      ),
    );
  });
});
