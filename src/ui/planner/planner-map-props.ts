/**
 * The need map's props: each municipality's need class colour, its tooltip (rank and score) and the key a
 * repaint is measured by. Pure: unit tested in Node; ./usePlannerMap memoises each on its inputs.
 */
import type { TFunction } from 'i18next';
import type { NeedScore } from '../../analysis/planning/need-index';
import { formatNumber, type Lang } from '../../i18n';
import { NO_DATA, type Rgb } from '../../map/scale';
import { NEED_COLORS, needClass } from './explain';
import type { Place } from './RankingTable';
import type { PlannerSettings } from './settings';

/** A municipality's tooltip. */
export type Describe = (lau: string) => { name: string; county: string; value: string };

/** The fill of a municipality: its need class among `n` ranked, or no data. */
export function needFill(byLau: ReadonlyMap<string, NeedScore>, n: number): (lau: string) => Rgb {
  return (lau) => {
    const s = byLau.get(lau);
    return s ? NEED_COLORS[needClass(s.rank, n)]! : NO_DATA;
  };
}

/** A municipality's name, county, and rank and score (or no data). */
export function needDescribe(
  t: TFunction,
  lang: Lang,
  byLau: ReadonlyMap<string, NeedScore>,
  places: ReadonlyMap<string, Place>,
  n: number,
): Describe {
  return (lau) => {
    const s = byLau.get(lau);
    return {
      name: places.get(lau)?.name ?? lau,
      county: t('tooltip.county', { county: places.get(lau)?.county ?? '' }),
      value: s
        ? t('planner.map.tooltip', { rank: s.rank, n, score: formatNumber(s.score, lang, 3) })
        : t('tooltip.noData'),
    };
  };
}

/** What the map shows: the values, the weights, the normalisation and the plan; null without a need index. */
export function plannerMapKey(
  ready: boolean,
  valuesKey: string,
  settings: Pick<PlannerSettings, 'weights' | 'norm'>,
  planKey: string | undefined,
): string | null {
  return ready
    ? `planner|${valuesKey}|${JSON.stringify(settings.weights)}|${settings.norm}|${planKey ?? ''}`
    : null;
}
