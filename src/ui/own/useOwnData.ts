/**
 * The user's data against the demo's, for the dashboard: the engine's count of whose rows each indicator
 * has (asked again after every import), the scope the views ask in, the engine and dataset of that scope,
 * and the banner. The views receive the scoped status and dataset and need not know about scopes.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueSource } from '../../engine/engine';
import type { AtlasState } from '../../state/store';
import type { Dataset } from '../useDataset';
import type { EngineStatus } from '../useEngine';
import {
  bannerOf,
  groupsOf,
  hasOwnValues,
  scopedDataset,
  scopeOf,
  type Banner,
  type SourceGroups,
} from './own-data';

/** What the dashboard shows and passes on. */
export interface OwnData {
  status: EngineStatus;
  dataset: Dataset;
  /** Indicators by source, once the user has values of their own (null before). */
  groups: SourceGroups | null;
  banner: Banner;
  /** The user has loaded values of their own: "only my data" is offered. */
  hasOwn: boolean;
}

/** Scopes the engine and the dataset by the state's "only my data". */
export function useOwnData(status: EngineStatus, dataset: Dataset, state: AtlasState): OwnData {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<{ version: number; sources: ValueSource[] } | null>(null);
  const { version } = dataset;
  useEffect(() => {
    if (status.state !== 'ready' || version === 0) return;
    let live = true;
    void status.engine.valueSources().then((sources) => live && setAnswer({ version, sources }));
    return () => {
      live = false;
    };
  }, [status, version]);
  const sources = answer?.version === version ? answer.sources : null;
  const hasOwn = hasOwnValues(sources);
  const scope = scopeOf(state.own, sources);
  const scoped = useMemo(
    (): EngineStatus =>
      status.state === 'ready' ? { ...status, engine: status.engine.scope(scope) } : status,
    [status, scope],
  );
  const groups = useMemo(
    () => (sources && hasOwn ? groupsOf(dataset.catalog.indicators, sources) : null),
    [sources, hasOwn, dataset.catalog.indicators],
  );
  const banner = bannerOf({
    synthetic: dataset.catalog.synthetic,
    scope,
    groups,
    ownKinds: dataset.ownKinds,
    view: state.view,
    lang: state.lang,
    t,
  });
  const synthetic = banner !== null;
  const view = useMemo(
    () => scopedDataset(dataset, scope, groups, synthetic),
    [dataset, scope, groups, synthetic],
  );
  return { status: scoped, dataset: view, groups, banner, hasOwn };
}
