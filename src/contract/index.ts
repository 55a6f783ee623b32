/** Validation and loading of user files against the data contract (docs/data-contract.md). */
export { validateBoundaries, type BoundaryValidation } from './boundaries';
export { CASE_INDICATORS } from './cases';
export { stagedIndicators, withIndicators } from './catalog';
export { commitStaged } from './commit';
export { CONTRACT, detectKind, normaliseHeader, type BoundColumn, type Detection } from './contract';
export { DEFAULT_MAX_LISTED, discardStaged, stageAndValidate } from './stage';
export type * from './types';
