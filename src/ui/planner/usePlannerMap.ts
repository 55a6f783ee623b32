/**
 * The need map's props (./planner-map-props), each memoised on exactly what it depends on: the fills on the
 * ranking, the points on the existing units and the plan on screen, the tooltips on the ranking and language.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { CatchmentGeometry } from '../../analysis/catchment';
import type { Lang } from '../../i18n';
import { needDescribe, needFill, plannerMapKey } from './planner-map-props';
import type { Place } from './RankingTable';
import type { PlannerSettings } from './settings';
import { sitePoints } from './siting';
import type { Need } from './useNeed';
import type { Solved } from './useSolve';
import type { NamedUnit } from './useUnits';

/** Fills, tooltips, points (existing units and the chosen sites) and the repaint key of the need map. */
export function usePlannerMap(
  t: TFunction,
  lang: Lang,
  need: Need | null,
  data: {
    places: ReadonlyMap<string, Place>;
    names: ReadonlyMap<string, string>;
    geom: CatchmentGeometry;
    units: readonly NamedUnit[] | null;
    current: Solved | null;
    valuesKey: string;
    settings: PlannerSettings;
  },
) {
  const { places, names, geom, units, current } = data;
  const scores = need?.result.scores;
  const byLau = useMemo(() => new Map((scores ?? []).map((s) => [s.lau_code, s])), [scores]);
  const n = scores?.length ?? 0;
  const fill = useMemo(() => needFill(byLau, n), [byLau, n]);
  const pointLabels = useMemo(
    () => ({ unit: t('planner.map.existingOne'), site: t('planner.map.newSite') }),
    [t],
  );
  const points = useMemo(
    () => sitePoints(geom, units ?? [], current?.result.sites ?? [], names, pointLabels),
    [geom, units, current, names, pointLabels],
  );
  const describe = useMemo(() => needDescribe(t, lang, byLau, places, n), [byLau, places, t, n, lang]);
  const dataKey = plannerMapKey(need !== null, data.valuesKey, data.settings, current?.key);
  return { fill, describe, points, dataKey };
}
