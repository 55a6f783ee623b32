/**
 * The values a user sets. Interactions only write here; views read with {@link useAtlasState} and
 * derive everything else. Hover stays local to the map. The whole state is mirrored into the URL
 * (src/state/url.ts), so every view is a link.
 */
import { useSyncExternalStore } from 'react';
import type { Lang } from '../i18n';

/** The screens of the app. */
export const VIEWS = ['map', 'coverage', 'hotspots', 'planner', 'cases'] as const;
/** One of {@link VIEWS}. */
export type ViewId = (typeof VIEWS)[number];

/** Geographic level of the map. */
export type Level = 'municipality' | 'county';

/** Classification methods the map offers. */
export const CLASS_METHODS = ['quantile', 'equal', 'fisher', 'stddev', 'manual'] as const;
/** One of {@link CLASS_METHODS}. */
export type ClassMethodId = (typeof CLASS_METHODS)[number];

/** What a rate indicator's map shows. */
export type Measure = 'rate' | 'count' | 'smoothed';

/** How two years are shown: one map, two maps side by side, or the change between them. */
export type CompareMode = 'none' | 'side' | 'change';

/** What the user has chosen. */
export interface AtlasState {
  view: ViewId;
  indicator: string;
  year: number;
  /** `lau_code` of the selected municipality (or `qark_code` at county level), or null. */
  selected: string | null;
  lang: Lang;
  /** Small-count threshold: counts from 1 to k-1 are hidden everywhere. */
  k: number;
  level: Level;
  /** `qark_code` of the county the municipality map is drilled into, or null for all of Albania. */
  county: string | null;
  method: ClassMethodId;
  /** Number of classes, 3 to 9. */
  classes: number;
  /** Palette id (see src/map/palettes.ts); '' for the indicator's default. */
  palette: string;
  /** Manual class breaks, ascending (used when `method` is 'manual'). */
  manual: readonly number[];
  /** Keep the breaks of `year` for every year, so colours compare across years. */
  fixed: boolean;
  /** What a rate indicator shows: the rate, its count (numerator), or the empirical-Bayes smoothed rate. */
  measure: Measure;
  compare: CompareMode;
  /** The other year of a comparison (the "from" year of a change map). */
  year2: number;
  /** Catchment model of a unit: 'self', 'border' (plus neighbours sharing a border) or e.g. '25km'. */
  catchment: string;
  /** "Only my data": the views drop the demo's indicator values (once the user has loaded values of their own). */
  own: boolean;
  /** Settings owned by one view, serialised by that view (kept opaque here so the URL carries them). */
  hotspots: string;
  planner: string;
  /** The case explorer's filters and display (src/ui/cases/settings.ts). */
  cases: string;
}

type Listener = () => void;

/** A tiny external store (no library needed for a handful of values). */
export interface Store {
  get(): AtlasState;
  set(patch: Partial<AtlasState>): void;
  subscribe(listener: Listener): () => void;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Creates a store with its initial state. */
export function createStore(initial: AtlasState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const next = { ...state, ...patch };
      if ((Object.keys(patch) as (keyof AtlasState)[]).every((k) => same(next[k], state[k]))) return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Subscribes a component to the store. */
export function useAtlasState(store: Store): AtlasState {
  return useSyncExternalStore(store.subscribe, store.get);
}
