/**
 * The need index of the planner's current settings, and its rank intervals. The index is recomputed on every
 * weight change (61 municipalities: well under a millisecond); the rank intervals (2,000 seeded draws) are
 * computed just after the new ranking has been painted, so a slider never waits for them.
 */
import { useEffect, useMemo, useState } from 'react';
import { needIndex, type NeedInput, type NeedResult } from '../../analysis/planning/need-index';
import type { Normalisation } from '../../analysis/planning/normalise';
import { rankIntervals, type RankInterval } from '../../analysis/planning/robustness';
import type { IndicatorMeta } from '../../engine/schema';
import type { ValuesByIndicator } from './usePlannerValues';
import { REST_MS } from './useRested';

/** The index, its input, and which values were suppressed (as opposed to absent). */
export interface Need {
  input: NeedInput;
  result: NeedResult;
  suppressed: Map<string, Set<string>>;
}

/**
 * The index for the chosen weights over the loaded values. A suppressed value is missing to the index (its
 * weight goes to the municipality's other indicators): the index, its contributions and everything derived
 * from them (demand, siting, rank intervals) are computed from shown values only (docs/privacy.md).
 */
export function buildNeed(
  values: ValuesByIndicator | null,
  laus: readonly string[],
  indicators: readonly IndicatorMeta[],
  weights: Readonly<Record<string, number>>,
  norm: Normalisation,
): Need | null {
  if (!values) return null;
  const chosen = indicators.filter((m) => m.id in weights);
  const suppressed = new Map<string, Set<string>>();
  const rows = laus.map((lau_code) => {
    const row: Record<string, number | null> = {};
    for (const m of chosen) {
      const v = values.get(m.id)?.get(lau_code);
      row[m.id] = v && !v.suppressed ? v.value : null;
      if (v?.suppressed) {
        let s = suppressed.get(lau_code);
        if (!s) suppressed.set(lau_code, (s = new Set()));
        s.add(m.id);
      }
    }
    return { lau_code, values: row };
  });
  const input: NeedInput = {
    indicators: chosen.map((m) => ({
      id: m.id,
      higherIsWorse: m.higherIsWorse,
      weight: weights[m.id] ?? 0,
    })),
    rows,
    normalisation: norm,
  };
  return { input, result: needIndex(input), suppressed };
}

/** Builds and computes the index for the chosen weights over the loaded values ({@link buildNeed}). */
export function useNeed(
  values: ValuesByIndicator | null,
  laus: readonly string[],
  indicators: readonly IndicatorMeta[],
  weights: Readonly<Record<string, number>>,
  norm: Normalisation,
): Need | null {
  return useMemo(
    () => buildNeed(values, laus, indicators, weights, norm),
    [values, laus, indicators, weights, norm],
  );
}

/** Perturbation settings shown to the planner (and printed in the brief). */
export const ROBUSTNESS = { spread: 0.2, draws: 2000, seed: 20151 } as const;

/** Rank intervals of the input, computed after paint; the last ones (flagged stale) while recomputing. */
export function useRankIntervals(input: NeedInput | undefined): {
  intervals: Map<string, RankInterval> | null;
  stale: boolean;
} {
  const [state, setState] = useState<{ input: NeedInput; map: Map<string, RankInterval> } | null>(null);
  useEffect(() => {
    if (!input) return;
    // After the frame showing the new ranking, and only once the slider has rested for a moment.
    const timer = setTimeout(() => {
      const list = rankIntervals(input, ROBUSTNESS);
      setState({ input, map: new Map(list.map((r) => [r.lau_code, r])) });
    }, REST_MS);
    return () => clearTimeout(timer);
  }, [input]);
  return { intervals: state?.map ?? null, stale: !state || state.input !== input };
}
