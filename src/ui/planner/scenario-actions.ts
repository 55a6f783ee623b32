/**
 * The planner's scenario actions: save the settings on screen (with their result), load one back (its
 * settings into the URL and its result on screen without solving again), delete one, and download one as
 * CSV (rows of the need index on screen, so only when the scenario's index is the one shown).
 */
import { parseCatchment, type CatchmentGeometry } from '../../analysis/catchment';
import type { NeedScore } from '../../analysis/planning/need-index';
import { downloadCsv, fileSlug } from '../../export/download';
import type { Store } from '../../state/store';
import type { Place } from './RankingTable';
import { scenarioCsv } from './scenario-csv';
import { encodeSettings, type PlannerSettings, type SavedResult, type Scenario } from './settings';
import { reachedByPlan } from './siting';
import { solveKeyOf, type Solved } from './useSolve';
import type { NamedUnit } from './useUnits';

/** What the actions read. */
export interface ScenarioContext {
  store: Store;
  settings: PlannerSettings;
  update: (patch: Partial<PlannerSettings>) => void;
  catchment: string;
  year: number;
  suppressionK: number;
  version: string | number;
  result: SavedResult | null;
  setSolved: (s: Solved) => void;
  scores: readonly NeedScore[] | null;
  geom: CatchmentGeometry;
  units: readonly NamedUnit[];
  places: ReadonlyMap<string, Place>;
  atRisk: ReadonlyMap<string, number> | null;
  ids: readonly string[];
}

/** Save, load, delete and CSV of scenarios. */
export function scenarioActions(c: ScenarioContext) {
  const { settings } = c;
  const scenarioOf = (name: string): Scenario => ({
    name,
    weights: settings.weights,
    norm: settings.norm,
    catchment: c.catchment,
    year: c.year,
    k: settings.k,
    budget: settings.budget,
    result: c.result,
    saved: new Date().toISOString().slice(0, 10),
  });
  const onSave = (name: string) => c.update({ scenarios: [...settings.scenarios, scenarioOf(name)] });
  const onLoad = (i: number) => {
    const s = settings.scenarios[i];
    if (!s) return;
    const next = { ...settings, weights: s.weights, norm: s.norm, k: s.k, budget: s.budget };
    c.store.set({ planner: encodeSettings(next), catchment: s.catchment, year: s.year });
    if (s.result) {
      const key = solveKeyOf(s, c.suppressionK, c.version);
      c.setSolved({ key, result: s.result, curve: null, cover: null, fallback: null });
    }
  };
  const onDelete = (i: number) => {
    const scenarios = settings.scenarios.filter((_, j) => j !== i);
    c.update({ scenarios, compare: null });
  };
  const onCsv = (i: number) => {
    const s = settings.scenarios[i];
    if (!s || !c.scores) return;
    // The rows of the scenario's own settings when they are on screen, else of the saved result only.
    const sameIndex =
      JSON.stringify([s.weights, s.norm, s.year]) ===
      JSON.stringify([settings.weights, settings.norm, c.year]);
    if (!sameIndex) {
      onLoad(i);
      return;
    }
    const reachedBefore = reachedByPlan(c.geom, parseCatchment(s.catchment), c.units, []);
    const reachedAfter = reachedByPlan(c.geom, parseCatchment(s.catchment), c.units, s.result?.sites ?? []);
    const rows = c.scores.map((sc) => {
      const order = s.result ? s.result.sites.indexOf(sc.lau_code) : -1;
      return {
        score: sc,
        name: c.places.get(sc.lau_code)?.name ?? sc.lau_code,
        county: c.places.get(sc.lau_code)?.county ?? '',
        atRisk: c.atRisk?.get(sc.lau_code) ?? null,
        coveredBefore: reachedBefore.has(sc.lau_code),
        coveredAfter: reachedAfter.has(sc.lau_code),
        site: order + 1,
        gain: order >= 0 ? (s.result?.gains[order] ?? null) : null,
      };
    });
    downloadCsv(scenarioCsv(s, rows, c.ids), `planner-${fileSlug(s.name)}.csv`);
  };
  return { onSave, onLoad, onDelete, onCsv };
}
