/**
 * The few values a user sets. Interactions only write here; views read with {@link useAtlasState} and
 * derive everything else. Hover stays local to the map. (Mirroring into the URL comes with shareable state.)
 */
import { useSyncExternalStore } from 'react';
import type { Lang } from '../i18n';

/** What the user has chosen. */
export interface AtlasState {
  indicator: string;
  year: number;
  /** `lau_code` of the selected municipality, or null. */
  selected: string | null;
  lang: Lang;
  /** Small-count threshold: counts from 1 to k-1 are hidden everywhere. */
  k: number;
}

type Listener = () => void;

/** A tiny external store (no library needed for four values). */
export interface Store {
  get(): AtlasState;
  set(patch: Partial<AtlasState>): void;
  subscribe(listener: Listener): () => void;
}

/** Creates a store with its initial state. */
export function createStore(initial: AtlasState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const next = { ...state, ...patch };
      if ((Object.keys(patch) as (keyof AtlasState)[]).every((k) => next[k] === state[k])) return;
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
