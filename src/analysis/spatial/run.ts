/**
 * The one entry point of the hotspot analysis (issue 6), used alike by the browser worker, Node tests and the
 * CLI, so a given request and seed give bit-identical results everywhere: weights from polygons or points,
 * the chosen transform, global Moran's I, and local Getis-Ord Gi* or Local Moran's I with conditional
 * permutation pseudo p-values and a multiple-testing correction.
 */
import { contiguityWeights, type PolygonFeature } from './contiguity';
import { distanceBandWeights, knnWeights, type PointCoordinates } from './distance';
import { getisOrd, type HotSpotBin } from './getis-ord';
import { localMoran, type LisaCluster } from './local-moran';
import { moran } from './moran';
import type { Correction } from './multiple-testing';
import { DEFAULT_PERMUTATIONS, DEFAULT_SEED } from './permutation';
import { binary, islands, rowStandardise, type SpatialWeights } from './weights';

/** Local statistic: Getis-Ord Gi* (hot and cold spots) or Local Moran's I (LISA clusters and outliers). */
export type HotspotMethod = 'gistar' | 'moran';

/** Spatial weights: polygon contiguity (queen, rook) or point distance (k nearest, distance band). */
export type WeightsKind = 'queen' | 'rook' | 'knn' | 'distance';

/** Weights transform: row-standardised ('r') or binary ('b'). */
export type Transform = 'r' | 'b';

/** Gi* class at 90/95/99 % confidence, or LISA cluster type. */
export type HotspotClass = 'hot99' | 'hot95' | 'hot90' | 'cold99' | 'cold95' | 'cold90' | 'ns' | LisaCluster;

/** What to analyse and how. */
export interface HotspotRequest {
  /** Unit ids (lau_code or school_id), one per value. */
  readonly ids: readonly string[];
  readonly values: readonly number[];
  readonly method: HotspotMethod;
  readonly weights: WeightsKind;
  /** Neighbours per point for 'knn'; default 8. */
  readonly k?: number;
  /** Band in km for 'distance'; default 10. */
  readonly bandKm?: number;
  /** Default: 'b' for Gi* (its usual form), 'r' for Local Moran (PySAL's default). */
  readonly transform?: Transform;
  readonly permutations?: number;
  readonly seed?: number;
  readonly correction?: Correction;
  /** Significance level of LISA clusters; default 0.05 (Gi* classes use 0.10/0.05/0.01). */
  readonly alpha?: number;
  /** Polygons for 'queen' and 'rook', with the id in `properties.lau_code`; any order, extra ones ignored. */
  readonly polygons?: readonly PolygonFeature[];
  /** Points [lon, lat] parallel to `ids`, for 'knn' and 'distance'. */
  readonly points?: readonly PointCoordinates[];
}

/** How many neighbours the units have. */
export interface NeighbourSummary {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

/** Everything a view, the CLI or a test needs from one analysis. */
export interface HotspotResult {
  readonly ids: readonly string[];
  /** Gi* z-score (Gi* is reported as its z, as ArcGIS and PySAL's Zs do) or local Moran's I_i. */
  readonly statistic: readonly number[];
  /** Analytical z: Gi*'s z, or Local Moran's z under randomisation (Anselin 1995). */
  readonly z: readonly number[];
  /** Pseudo p-values of the conditional permutations (analytical p-values when permutations = 0). */
  readonly p: readonly number[];
  /** p after the correction: what the classes are decided on. */
  readonly pAdjusted: readonly number[];
  readonly classes: readonly HotspotClass[];
  readonly global: {
    readonly I: number;
    readonly z: number;
    readonly p: number;
    readonly pSim: number | null;
  };
  /** Units without neighbours (reported; their statistics carry no evidence and they are never significant). */
  readonly islands: readonly string[];
  readonly neighbours: NeighbourSummary;
  /** Neighbour lists (indices into `ids`) of the weights used, e.g. to find a connected cluster. */
  readonly links: readonly (readonly number[])[];
  readonly method: HotspotMethod;
  readonly weights: WeightsKind;
  readonly transform: Transform;
  readonly permutations: number;
  readonly seed: number;
  readonly correction: Correction;
  /** Smallest p-value the test can give: 1/(permutations + 1). */
  readonly minP: number;
  /** Smallest adjusted p-value the correction can give (Bonferroni: n/(permutations + 1)). */
  readonly minAdjustedP: number;
}

const GI_CLASS: Record<HotSpotBin, HotspotClass> = {
  3: 'hot99',
  2: 'hot95',
  1: 'hot90',
  0: 'ns',
  [-1]: 'cold90',
  [-2]: 'cold95',
  [-3]: 'cold99',
};

/** Builds the requested weights (before the transform), in the order of `ids`. */
export function buildWeights(req: HotspotRequest): SpatialWeights {
  const { ids } = req;
  if (req.weights === 'queen' || req.weights === 'rook') {
    if (!req.polygons) throw new RangeError(`${req.weights} weights need polygons`);
    const byId = new Map(req.polygons.map((f) => [String(f.properties?.['lau_code']), f]));
    const features = ids.map((id) => {
      const f = byId.get(id);
      if (!f) throw new RangeError(`No boundary for unit ${id}`);
      return f;
    });
    return contiguityWeights(features, { rule: req.weights, idProperty: 'lau_code' });
  }
  if (!req.points || req.points.length !== ids.length) {
    throw new RangeError(`${req.weights} weights need one point per unit`);
  }
  if (req.weights === 'knn') return knnWeights(req.points, ids, Math.min(req.k ?? 8, ids.length - 1));
  return distanceBandWeights(req.points, ids, req.bandKm ?? 10);
}

function summarise(w: SpatialWeights): NeighbourSummary {
  const counts = w.neighbours.map((r) => r.length);
  const total = counts.reduce((s, c) => s + c, 0);
  return { min: Math.min(...counts), max: Math.max(...counts), mean: total / Math.max(counts.length, 1) };
}

/** Adjusted p-value floor of a correction over n tests with the given permutations. */
export function minAdjustedP(correction: Correction, n: number, permutations: number): number {
  const minP = 1 / (permutations + 1);
  return correction === 'bonferroni' ? Math.min(1, n * minP) : minP;
}

/**
 * Runs one hotspot analysis.
 *
 * @throws RangeError on invalid input (too few units, a constant variable, missing geometry).
 */
export function runHotspots(req: HotspotRequest): HotspotResult {
  const method = req.method;
  const transform = req.transform ?? (method === 'gistar' ? 'b' : 'r');
  const permutations = req.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = req.seed ?? DEFAULT_SEED;
  const correction = req.correction ?? 'none';
  const raw = buildWeights(req);
  const w = transform === 'r' ? rowStandardise(raw) : binary(raw);
  const inference = permutations > 0 ? 'permutation' : 'analytical';
  const g = moran(req.values, rowStandardise(raw), { permutations, seed });
  const common = {
    ids: raw.ids,
    global: { I: g.I, z: g.zRandomisation, p: g.pRandomisation, pSim: g.pSim },
    islands: islands(raw),
    neighbours: summarise(raw),
    links: raw.neighbours,
    method,
    weights: req.weights,
    transform,
    permutations,
    seed,
    correction,
    minP: 1 / (permutations + 1),
    minAdjustedP: minAdjustedP(correction, raw.ids.length, permutations),
  };
  if (method === 'gistar') {
    const r = getisOrd(req.values, w, { star: true, permutations, seed, correction, inference });
    return {
      ...common,
      statistic: r.z,
      z: r.z,
      p: r.pSim ?? r.pNorm,
      pAdjusted: r.pAdjusted,
      classes: r.bin.map((b) => GI_CLASS[b]),
    };
  }
  const r = localMoran(req.values, w, {
    permutations,
    seed,
    correction,
    inference,
    alpha: req.alpha ?? 0.05,
  });
  return {
    ...common,
    statistic: r.Is,
    z: r.z,
    p: r.pSim ?? r.pNorm,
    pAdjusted: r.pAdjusted,
    classes: r.cluster,
  };
}
