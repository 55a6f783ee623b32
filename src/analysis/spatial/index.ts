/**
 * Public API of the spatial-statistics core: weights, global and local autocorrelation, hot spots and
 * multiple-testing corrections. Pure functions of plain data; no DOM, DuckDB or React.
 */

export type { SpatialWeights, CompressedWeights } from './weights';
export {
  weightsFromNeighbours,
  rowStandardise,
  binary,
  islands,
  symmetrise,
  isSymmetric,
  compress,
  spatialLag,
} from './weights';
export type { ContiguityRule, ContiguityOptions, PolygonFeature } from './contiguity';
export { contiguityWeights } from './contiguity';
export type { PointCoordinates, DistanceMetric, DistanceOptions } from './distance';
export { knnWeights, distanceBandWeights, haversineKm, EARTH_RADIUS_KM } from './distance';
export type { WeightsConstants, MoranOptions, MoranResult } from './moran';
export { moran, weightsConstants } from './moran';
export type { LisaQuadrant, LisaCluster, LocalMoranOptions, LocalMoranResult } from './local-moran';
export { localMoran } from './local-moran';
export type { HotSpotBin, GetisOrdOptions, GetisOrdResult } from './getis-ord';
export { getisOrd, hotSpotBin } from './getis-ord';
export type { Correction } from './multiple-testing';
export { adjust, significant } from './multiple-testing';
export type { Inference } from './permutation';
export { DEFAULT_PERMUTATIONS, DEFAULT_SEED, foldedPseudoP, conditionalPseudoP } from './permutation';
export { normalSf, twoSidedP } from './normal';
export type {
  HotspotMethod,
  WeightsKind,
  Transform,
  HotspotClass,
  HotspotRequest,
  HotspotResult,
  NeighbourSummary,
} from './run';
export { runHotspots, buildWeights, minAdjustedP } from './run';
export type { PersistenceClass, MannKendall } from './persistence';
export { PERSISTENCE_CLASSES, mannKendall, classifyPersistence, clusterAround } from './persistence';
export type { YearInput, PersistenceResult } from './persistence-run';
export { runPersistence } from './persistence-run';
