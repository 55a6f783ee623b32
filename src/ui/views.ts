/** What every view receives from the dashboard: the state, the engine and the loaded dataset. */
import type { MunicipalityProps, StaticData } from '../engine/static';
import type { AtlasState, Store } from '../state/store';
import type { Dataset } from './useDataset';
import type { EngineStatus } from './useEngine';

/** The props of a view (map, coverage, hotspots, planner). */
export interface ViewContext {
  store: Store;
  state: AtlasState;
  status: EngineStatus;
  dataset: Dataset;
  neighbours: StaticData['neighbours'];
  /** The loaded boundaries' municipality attributes, in boundary order. */
  municipalities: readonly MunicipalityProps[];
}
