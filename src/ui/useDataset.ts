/**
 * The dataset the views show: the bundled demo data at first, the user's files over it once loaded. Holds what the
 * engine cannot answer by itself (the catalog's labels, the boundaries to draw) and a version that makes
 * every view ask again after an import.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckedBatch } from '../import/session';
import type { Catalog, FirstView, IndicatorMeta } from '../engine/schema';
import type { Boundaries, StaticData } from '../engine/static';
import type { ValidationContext } from '../contract/types';
import { acceptable, type TableKind } from '../contract/problem-types';

/** Indicators by where their values come from (src/ui/own/own-data.ts). */
export interface SourceGroups {
  /** Every value from the user's files. */
  own: IndicatorMeta[];
  /** Some values from the user's files, the rest the demo's. */
  mixed: IndicatorMeta[];
  /** Every value the demo's. */
  demo: IndicatorMeta[];
}

/** What is loaded. */
export interface Dataset {
  catalog: Catalog;
  /** The precomputed first view: only while the demo data is what is loaded. */
  firstView: FirstView | null;
  boundaries: Boundaries;
  /** Increases with every import. */
  version: number;
  /** Kinds of table the user has loaded files of (the rest is still the demo's). */
  ownKinds: TableKind[];
  /** Whose each indicator's values are, once some are the user's (set by src/ui/own/useOwnData.ts). */
  groups?: SourceGroups | null;
}

/** Accepted data years: wide, so a user's history loads; the catalog's own years only warn. */
const ACCEPTED_YEARS = { first: 1990, last: 2050 };

function merge(indicators: readonly IndicatorMeta[], extra: readonly IndicatorMeta[]): IndicatorMeta[] {
  const ids = new Set(extra.map((i) => i.id));
  return [...indicators.filter((i) => !ids.has(i.id)), ...extra];
}

/** The dataset, the validation context for imports, and what to do once a batch is loaded. */
export function useDataset(data: StaticData): {
  dataset: Dataset;
  context: () => ValidationContext;
  applied: (batch: CheckedBatch, present: readonly string[]) => void;
} {
  const [dataset, setDataset] = useState<Dataset>(() => ({
    catalog: data.catalog,
    firstView: data.firstView,
    boundaries: data.boundaries,
    version: 0,
    ownKinds: [],
  }));
  const latest = useRef(dataset);
  useEffect(() => {
    latest.current = dataset;
  }, [dataset]);

  const context = useCallback(
    (): ValidationContext => ({
      municipalities: latest.current.boundaries.features.map((f) => ({
        ...f.properties,
        name_ascii: f.properties.name_ascii ?? null,
        name_alt: f.properties.name_alt ?? null,
      })),
      indicators: latest.current.catalog.indicators,
      years: ACCEPTED_YEARS,
      catalogYears: latest.current.catalog.years,
    }),
    [],
  );

  const applied = useCallback((batch: CheckedBatch, present: readonly string[]) => {
    setDataset((d) => {
      const indicators = merge(d.catalog.indicators, batch.indicators);
      const shown = indicators.filter((i) => present.includes(i.id));
      // The user's values win over the demo's by key; the rest of the demo stays (src/contract/commit.ts),
      // so `synthetic` stays the bundled data's flag and src/ui/own/ decides what the banner still names.
      const tables = batch.reports.some((r) => r.kind === 'indicator_values' || r.kind === 'cases');
      const kinds = batch.reports.flatMap((r) => (r.kind && acceptable(r) ? [r.kind] : []));
      return {
        catalog: { ...d.catalog, indicators: shown.length > 0 ? shown : indicators },
        firstView: tables ? null : d.firstView,
        boundaries: (batch.boundaries as Boundaries | null) ?? d.boundaries,
        version: d.version + 1,
        ownKinds: [...new Set([...d.ownKinds, ...kinds])],
      };
    });
  }, []);

  return { dataset, context, applied };
}
