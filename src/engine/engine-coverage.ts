/**
 * The engine's questions about Child Protection Units: the facilities and their caseload (issue 4).
 * Composed into the one engine by {@link createEngine}; SQL lives in src/engine/queries-coverage.ts.
 *
 * Raw caseload counts never leave this module: {@link CoverageQuestions.coverage} runs the pure coverage
 * analysis (src/analysis/coverage.ts), which passes every children-assisted figure through the one
 * small-count policy before it is returned.
 */
import type { Catchment, CatchmentGeometry } from '../analysis/catchment';
import { catchmentCode } from '../analysis/catchment';
import {
  coverageSeries,
  type Area,
  type Assisted,
  type ChildCount,
  type CoverageYear,
  type Unit,
} from '../analysis/coverage';
import { DEFAULT_K } from '../analysis/suppression';
import type { Connector } from './connector';
import { caseloadQuery, childPopulationQuery, coverageAreasQuery, facilitiesQuery } from './queries-coverage';

/** Questions about units and their caseload. */
export interface CoverageQuestions {
  /** Every unit (active or not), by id. */
  facilities(): Promise<Unit[]>;
  /** Child population per municipality and year (indicator child_pop; not a sensitive count). */
  childPopulation(): Promise<ChildCount[]>;
  /**
   * Coverage of every year with child population under one catchment model, children assisted suppressed
   * with threshold `k`. `geometry` comes from the boundaries on screen ({@link catchmentGeometry}).
   */
  coverage(geometry: CatchmentGeometry, catchment: Catchment, k?: number): Promise<CoverageYear[]>;
}

interface Inputs {
  units: Unit[];
  caseload: Assisted[];
  children: ChildCount[];
  municipalities: Area[];
}

/**
 * The coverage questions over one connector, and how to forget their cached answers; the child population
 * comes from `values` (all loaded values, or only the user's).
 */
export function coverageQuestions(
  conn: Connector,
  values: 'indicator_values' | 'user_values' = 'indicator_values',
): {
  questions: CoverageQuestions;
  invalidate: () => void;
} {
  let inputs: Promise<Inputs> | undefined;
  let answers = new WeakMap<CatchmentGeometry, Map<string, Promise<CoverageYear[]>>>();
  const load = () => {
    if (!inputs) {
      const loading = Promise.all([
        conn.query<Unit>(facilitiesQuery()),
        conn.query<Assisted>(caseloadQuery()),
        conn.query<ChildCount>(childPopulationQuery(undefined, values)),
        conn.query<Area>(coverageAreasQuery()),
      ]).then(([units, caseload, children, municipalities]) => ({
        units,
        caseload,
        children,
        municipalities,
      }));
      // A failed query is not cached: the next ask tries again.
      loading.catch(() => {
        if (inputs === loading) inputs = undefined;
      });
      inputs = loading;
    }
    return inputs;
  };
  return {
    questions: {
      facilities: async () => (await load()).units,
      childPopulation: async () => (await load()).children,
      coverage(geometry, catchment, k = DEFAULT_K) {
        let byKey = answers.get(geometry);
        if (!byKey) answers.set(geometry, (byKey = new Map()));
        const key = `${catchmentCode(catchment)}|${k}`;
        let cached = byKey.get(key);
        if (!cached) {
          const cache = byKey;
          cached = load().then((input) => coverageSeries({ ...input, geometry }, catchment, k));
          cached.catch(() => cache.delete(key));
          byKey.set(key, cached);
        }
        return cached;
      },
    },
    invalidate: () => {
      inputs = undefined;
      answers = new WeakMap();
    },
  };
}
