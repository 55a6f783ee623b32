/**
 * Contiguity weights from polygon boundaries: two units are neighbours when their boundaries touch.
 *
 * Assumption (documented because everything rests on it): the boundaries are topologically clean, i.e. a
 * border shared by two polygons is stored with identical vertex coordinates on both sides, as mapshaper's
 * `snap`/`-clean` produce for public/data/municipalities.geojson (see data/geo/README.md). Under that
 * assumption contiguity reduces to exact matching of vertices (queen) or of edges (rook) after rounding the
 * coordinates to a grid of `precision` degrees, which is both exact and O(total vertex count). Borders that
 * merely run close together, or a vertex lying in the middle of a neighbour's edge (a T-junction), are NOT
 * detected; such data need snapping first.
 */

import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { weightsFromNeighbours, type SpatialWeights } from './weights';

/**
 * Queen: the boundaries share at least one vertex.
 * Rook: the boundaries share at least one edge (two consecutive vertices).
 */
export type ContiguityRule = 'queen' | 'rook';

/** Options for {@link contiguityWeights}. */
export interface ContiguityOptions {
  readonly rule: ContiguityRule;
  /** Feature property holding the unit id (e.g. `lau_code`); its value must be a string or a number. */
  readonly idProperty: string;
  /**
   * Grid, in coordinate units (degrees for WGS84), to which vertices are rounded before matching. The default
   * 1e-7 (about 1 cm) absorbs floating-point noise without merging distinct vertices of 1e-5-degree data.
   */
  readonly precision?: number;
}

/** A polygon feature accepted by {@link contiguityWeights}. */
export type PolygonFeature = Feature<Polygon | MultiPolygon>;

function ringsOf(feature: PolygonFeature): Position[][] {
  const g = feature.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Builds binary contiguity weights (every link has weight 1) from polygon features, in feature order.
 *
 * @throws RangeError if a feature lacks the id property, ids repeat, a geometry is not a polygon or the
 *   precision is not positive.
 */
export function contiguityWeights(
  features: readonly PolygonFeature[],
  options: ContiguityOptions,
): SpatialWeights {
  const precision = options.precision ?? 1e-7;
  if (!(precision > 0)) throw new RangeError('Contiguity: precision must be a positive number');
  const scale = 1 / precision;
  const key = (p: Position): string => `${Math.round(p[0]! * scale)},${Math.round(p[1]! * scale)}`;

  const ids = features.map((f, i) => {
    const value: unknown = f.properties?.[options.idProperty];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new RangeError(`Contiguity: feature ${i} has no "${options.idProperty}" property`);
    }
    const type = f.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new RangeError(
        `Contiguity: feature ${String(value)} is a ${type ?? 'null'} geometry, not a polygon`,
      );
    }
    return String(value);
  });

  // Which features touch each vertex (queen) or each undirected edge (rook)?
  const owners = new Map<string, number[]>();
  features.forEach((feature, f) => {
    for (const ring of ringsOf(feature)) {
      for (let v = 0; v < ring.length; v++) {
        let k = key(ring[v]!);
        if (options.rule === 'rook') {
          if (v + 1 >= ring.length) break; // GeoJSON rings are closed: the last vertex repeats the first.
          const k2 = key(ring[v + 1]!);
          if (k2 === k) continue; // Degenerate edge left by rounding: it has no direction to share.
          // Undirected key: two neighbours traverse their shared edge in opposite directions.
          k = k < k2 ? `${k}|${k2}` : `${k2}|${k}`;
        }
        const list = owners.get(k);
        if (list === undefined) owners.set(k, [f]);
        else if (!list.includes(f)) list.push(f);
      }
    }
  });

  const links = features.map(() => new Set<number>());
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    for (const a of list) for (const b of list) if (a !== b) links[a]!.add(b);
  }
  return weightsFromNeighbours(
    ids,
    links.map((s) => [...s]),
  );
}
