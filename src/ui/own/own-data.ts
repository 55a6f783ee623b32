/**
 * The user's data against the demo's: which indicators come from the user's files, which from the demo and
 * which from both; the scope the views ask in ("only my data" or everything loaded); the dataset the views
 * then see; and what the synthetic banner still has to name. Pure, so it is unit tested.
 */
import type { TFunction } from 'i18next';
import type { ValueSource, ValuesScope } from '../../engine/engine';
import type { IndicatorMeta } from '../../engine/schema';
import type { TableKind } from '../../contract/problem-types';
import type { Lang } from '../../i18n';
import type { ViewId } from '../../state/store';
import type { Dataset, SourceGroups } from '../useDataset';

export type { SourceGroups } from '../useDataset';

/** Groups the catalog's indicators by the engine's count of the user's and the demo's rows. */
export function groupsOf(
  indicators: readonly IndicatorMeta[],
  sources: readonly ValueSource[],
): SourceGroups {
  const by = new Map(sources.map((s) => [s.indicator, s]));
  const groups: SourceGroups = { own: [], mixed: [], demo: [] };
  for (const i of indicators) {
    const s = by.get(i.id);
    if (!s || s.own === 0) groups.demo.push(i);
    else if (s.demo === 0) groups.own.push(i);
    else groups.mixed.push(i);
  }
  return groups;
}

/** True when some loaded values are the user's. */
export function hasOwnValues(sources: readonly ValueSource[] | null): boolean {
  return (sources ?? []).some((s) => s.own > 0);
}

/** The scope the views ask in: "only my data" counts only once the user has values of their own. */
export function scopeOf(onlyMine: boolean, sources: readonly ValueSource[] | null): ValuesScope {
  return onlyMine && hasOwnValues(sources) ? 'own' : 'all';
}

/** What the synthetic banner says: the whole screen is the demo's, some named parts are, or nothing is. */
export type Banner = { kind: 'all' } | { kind: 'some'; names: string[] } | null;

/** What the banner depends on. */
export interface BannerInput {
  /** The bundled data is synthetic (it always is). */
  synthetic: boolean;
  scope: ValuesScope;
  groups: SourceGroups | null;
  /** Kinds of table the user has loaded files of. */
  ownKinds: readonly TableKind[];
  view: ViewId;
  lang: Lang;
  t: TFunction;
}

/**
 * The banner for what is on screen: the generic one until the user loads a file; then the names of what is
 * still the demo's (indicators, in part or whole, unless only the user's are shown; the units on the coverage
 * and planner views, the schools on the hotspots view, unless the user loaded their own); none when nothing is.
 */
export function bannerOf(p: BannerInput): Banner {
  if (!p.synthetic) return null;
  if (p.ownKinds.length === 0) return { kind: 'all' };
  const names: string[] = [];
  if (p.scope === 'all' && p.groups) {
    names.push(...p.groups.demo.map((i) => i.label[p.lang]));
    names.push(...p.groups.mixed.map((i) => p.t('own.partly', { name: i.label[p.lang] })));
  }
  const own = new Set(p.ownKinds);
  if ((p.view === 'coverage' || p.view === 'planner') && !own.has('facilities')) names.push(p.t('own.units'));
  if (p.view === 'hotspots' && !own.has('schools')) names.push(p.t('own.schools'));
  return names.length > 0 ? { kind: 'some', names } : null;
}

/**
 * The dataset the views see in `scope`: only the indicators with the user's values under "only my data",
 * no precomputed (demo) first view then, `synthetic` as the banner decided, and a version that differs per
 * scope so every view asks again when the scope changes.
 */
export function scopedDataset(
  d: Dataset,
  scope: ValuesScope,
  groups: SourceGroups | null,
  synthetic: boolean,
): Dataset {
  const mine = new Set([...(groups?.own ?? []), ...(groups?.mixed ?? [])].map((i) => i.id));
  const indicators =
    scope === 'own' ? d.catalog.indicators.filter((i) => mine.has(i.id)) : d.catalog.indicators;
  return {
    ...d,
    catalog: {
      ...d.catalog,
      synthetic,
      indicators: indicators.length > 0 ? indicators : d.catalog.indicators,
    },
    firstView: scope === 'own' ? null : d.firstView,
    groups,
    version: d.version * 2 + (scope === 'own' ? 1 : 0),
  };
}

/** The first indicator of the user's (in catalog order) when `current` has none of the user's values. */
export function ownIndicatorFor(
  current: string,
  indicators: readonly IndicatorMeta[],
  sources: readonly ValueSource[],
): string | null {
  const mine = new Set(sources.filter((s) => s.own > 0).map((s) => s.indicator));
  if (mine.size === 0 || mine.has(current)) return null;
  return indicators.find((i) => mine.has(i.id))?.id ?? null;
}
