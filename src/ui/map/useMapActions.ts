/**
 * What the indicator map's controls do: they only write state. A change that repaints the map is measured
 * from here to the frame that shows it (User Timing, see common/perf).
 */
import { useCallback, useState } from 'react';
import { beginInteraction, type InteractionKind } from '../../common/perf';
import type { AtlasState, Store } from '../../state/store';
import { interactionKey } from './map-view-props';

/** The map's handlers, and the municipality the user asked to zoom to. */
export interface MapActions {
  change: (kind: InteractionKind | null, patch: Partial<AtlasState>) => void;
  onIndicator: (id: string) => void;
  onYear: (year: number) => void;
  onK: (k: number) => void;
  /** A classification, palette, measure or comparison change. */
  onClass: (patch: Partial<AtlasState>) => void;
  /** A geography change (a new level is measured). */
  onGeo: (patch: Partial<AtlasState>) => void;
  onSelect: (code: string) => void;
  onCounty: (code: string) => void;
  onClear: () => void;
  zoomTo: string | null;
  onZoom: (lau?: string) => void;
}

/** The handlers of the map, for the store and the state on screen. */
export function useMapActions(store: Store, state: AtlasState, revision: string): MapActions {
  const change = useCallback(
    (kind: InteractionKind | null, patch: Partial<AtlasState>) => {
      // The key the map draws once the patched state's values are on screen (see `dataKeyOf`).
      if (kind) beginInteraction(kind, interactionKey({ ...store.get(), ...patch }, revision));
      store.set(patch);
    },
    [store, revision],
  );
  const onYear = useCallback((year: number) => change('year', { year }), [change]);
  const onSelect = useCallback(
    (code: string) =>
      store.get().level === 'county'
        ? store.set({ level: 'municipality', county: code, selected: null })
        : store.set({ selected: code }),
    [store],
  );
  const onCounty = useCallback(
    (code: string) => store.set({ level: 'municipality', county: code, selected: null }),
    [store],
  );
  const [zoomTo, setZoomTo] = useState<string | null>(null);
  return {
    change,
    onIndicator: (id) => change('indicator', { indicator: id }),
    onYear,
    onK: (k) => store.set({ k }),
    onClass: (patch) => change('class', patch),
    onGeo: (patch) => change(patch.level && patch.level !== state.level ? 'level' : null, patch),
    onSelect,
    onCounty,
    onClear: () => store.set({ selected: null }),
    zoomTo,
    onZoom: (lau) => setZoomTo(lau ?? state.selected),
  };
}
