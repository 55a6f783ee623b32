/**
 * The planner's solving: one solver worker per view (HiGHS warmed on mount), a Solve action that solves the
 * siting problem under the limit (k new units, or a budget over the sites' costs), then the coverage curve
 * (k = 1..10) and the set-covering twin on the problem without costs, and which result belongs to the
 * settings on screen (a result is kept with the key of the settings it was solved for).
 */
import { useEffect, useRef, useState } from 'react';
import type { CurvePoint } from '../../analysis/planning/curve';
import type { PlanningInstance, SitingLimit } from '../../analysis/planning/problem';
import type { CoverSolution } from '../../analysis/planning/set-cover';
import { createSolverClient, type SolverClient } from '../../analysis/planning/solver-client';
import { K_MAX, type BudgetSettings, type SavedResult } from './settings';
import { toSaved } from './siting';

/** A solved plan and the key of the settings it answers. */
export interface Solved {
  key: string;
  result: SavedResult;
  curve: CurvePoint[] | null;
  cover: CoverSolution | null;
  fallback: string | null;
}

/** What decides a plan: the need index, catchment, year, limit, suppression threshold and data version. */
export interface SolveInputs {
  weights: Readonly<Record<string, number>>;
  norm: string;
  catchment: string;
  year: number;
  k: number;
  budget: BudgetSettings;
}

/** The key of the settings a plan answers (budget fields count only when limiting by budget). */
export function solveKeyOf(s: SolveInputs, suppressionK: number, version: string | number): string {
  const limit = s.budget.mode === 'budget' ? [s.budget.budget, s.budget.unitCost, s.budget.costs] : s.k;
  return JSON.stringify([s.weights, s.norm, s.catchment, s.year, limit, suppressionK, version]);
}

/** The limit the settings put on new units. */
export function limitOf(s: Pick<SolveInputs, 'k' | 'budget'>): SitingLimit {
  return s.budget.mode === 'budget' ? { budget: s.budget.budget } : { k: s.k };
}

/**
 * Solving for the current settings. `costed` is the problem with the sites' costs (solved under `limit`),
 * `plain` the same without costs (for the curve over k and the set cover).
 */
export function useSolve(
  plain: PlanningInstance | null,
  costed: PlanningInstance | null,
  limit: SitingLimit,
  key: string,
) {
  const solver = useRef<SolverClient | null>(null);
  // HiGHS has loaded (or failed to: the first solve then falls back to greedy at once), so a solve answers.
  const [warmed, setWarmed] = useState(false);
  useEffect(() => {
    const client = createSolverClient();
    solver.current = client;
    let live = true;
    // Load HiGHS ahead of the first solve; a failure here only means the first solve falls back to greedy.
    client
      .warm()
      .catch(() => undefined)
      .then(() => live && setWarmed(true));
    return () => {
      live = false;
      client.terminate();
    };
  }, []);
  const [solved, setSolved] = useState<Solved | null>(null);
  const [solving, setSolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSolve = async () => {
    const client = solver.current;
    if (!plain || !costed || !client) return;
    setSolving(true);
    setError(null);
    try {
      const plan = await client.solve(costed, limit, { method: 'exact' });
      setSolved({ key, result: toSaved(plan), curve: null, cover: null, fallback: plan.fallback ?? null });
      const [curve, cover] = await Promise.all([client.curve(plain, K_MAX), client.cover(plain)]);
      setSolved((s) => (s && s.key === key ? { ...s, curve, cover } : s));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSolving(false);
    }
  };
  const current = solved && solved.key === key ? solved : null;
  return { solved, setSolved, current, solving, error, onSolve, warmed };
}
