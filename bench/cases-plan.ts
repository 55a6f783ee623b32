/**
 * The interactions of the cases bench: blocks of inputs on one chart at a time, as a person explores (point
 * at a chart, then click several of its bars or move its period), round after round so the other filters
 * differ each time and no answer repeats. The browser records the filters each input left (from the URL) and
 * native DuckDB replays exactly those states (bench/cases-native.ts).
 */
import type { CaseDim, CaseFilters } from '../src/engine/cases-types';

/** The four interactions the issue names, by the dimension their input changes. */
export const CASE_KINDS = [
  { name: 'filter a case type', dim: 'case_type' },
  { name: 'brush months', dim: 'period' },
  { name: 'select a municipality', dim: 'lau_code' },
  { name: 'change an age band', dim: 'age_band' },
] as const satisfies readonly { name: string; dim: CaseDim }[];

/** One of {@link CASE_KINDS}. */
export type CaseKind = (typeof CASE_KINDS)[number];

/** A block: the dimension pointed at, the filters when the pointer arrived, and each input's filters after it. */
export interface CaseBlock {
  kind: CaseKind;
  before: CaseFilters;
  after: CaseFilters[];
}

/** How many inputs, and how they are spaced. */
export interface CasePlan {
  rounds: number;
  /** Inputs per block. */
  inputs: number;
  /** Idle time after pointing at a chart (the engine builds that chart's index meanwhile). */
  settleMs: number;
  /** Idle time between inputs. */
  gapMs: number;
}

/**
 * The first month of the i-th "brush months" input: a year-long window or longer, moved along the records'
 * months and never the whole range (which is no filter at all).
 */
export function brushStart(i: number, periods: readonly [number, number]): number {
  const span = periods[1] - periods[0];
  return periods[0] + 1 + ((i * 7) % Math.max(1, span - 12));
}
