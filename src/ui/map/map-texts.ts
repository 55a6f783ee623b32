/**
 * The indicator map's texts (status line, legend, accessible names of the maps, captions) and the small
 * values its parts are given, built from the state and what the engine answered. Pure, so it is unit tested.
 */
import type { TFunction } from 'i18next';
import { digitsFor } from '../../common/format';
import type { IndicatorMeta } from '../../engine/schema';
import type { MunicipalityProps } from '../../engine/static';
import type { ClassScale } from '../../map/scale';
import type { AtlasState } from '../../state/store';
import { startText } from '../engine-progress';
import type { EngineStatus } from '../useEngine';
import type { DerivedMap } from './derive';

/** What the texts of the view depend on. */
export interface MapTextsInput {
  t: TFunction;
  state: AtlasState;
  status: EngineStatus;
  meta: IndicatorMeta;
  /** The main series' error, and whether it is the engine's answer for the current choice. */
  main: { error: string | null; current: boolean };
  derived: DerivedMap | null;
  scale: ClassScale | null;
  countyLevel: boolean;
  byLau: ReadonlyMap<string, MunicipalityProps>;
}

/** The view's texts and the small values its parts are given. */
export interface MapTexts {
  status: string;
  /** Decimals of the values shown (0 for counts) and of the small multiples (the indicator's own). */
  digits: number;
  seriesDigits: number;
  indicator: string;
  legendTitle: string;
  legendMethod: string;
  /** Accessible names of the main map (`year`) and the second map (`year2`). */
  mapLabel: string;
  mapLabel2: string;
  selected: { lau: string; name: string; county: string } | null;
  /** The county the small multiples highlight. */
  highlightCounty: string | null;
  smallMultiplesTitle: string;
  tableCaption: string;
  tableUnitLabel: string | undefined;
}

function statusText({ t, status, main, state }: MapTextsInput): string {
  if (status.state === 'error') return t('status.error', { message: status.message });
  if (main.error) return t('error.view', { message: main.error });
  if (!main.current && status.state === 'ready') return t('status.loading', { year: state.year });
  return status.state === 'starting'
    ? t('status.preview', { start: startText(t, status.progress) })
    : t('status.ready');
}

/** Builds the view's texts from the state and what the engine answered. */
export function mapTexts(input: MapTextsInput): MapTexts {
  const { t, state, meta, derived, scale, countyLevel, byLau } = input;
  const selected = !countyLevel && state.selected ? byLau.get(state.selected) : undefined;
  const label = meta.label[state.lang];
  const measureWord =
    derived?.measure === 'count'
      ? t('classes.measures.count')
      : derived?.measure === 'smoothed'
        ? t('legend.smoothed')
        : null;
  const indicator = measureWord ? `${label} (${measureWord})` : label;
  const legendMethod = [
    scale ? t(`classes.methods.${scale.method}`) : '',
    state.fixed ? t('classes.fixedShort') : '',
    derived?.measure === 'smoothed' ? t('legend.smoothedNote') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const legendTitle =
    state.compare === 'change'
      ? t('legend.change', { indicator, from: state.year2, to: state.year })
      : state.compare === 'side'
        ? t('legend.side', { indicator, a: state.year2, b: state.year })
        : t('legend.title', { indicator, year: state.year });
  const mapLabel = (year: number) => t(countyLevel ? 'map.labelCounty' : 'map.label', { indicator, year });
  return {
    status: statusText(input),
    digits: derived?.measure === 'count' ? 0 : digitsFor(meta.aggregation),
    seriesDigits: digitsFor(meta.aggregation),
    indicator,
    legendTitle,
    legendMethod,
    mapLabel: mapLabel(state.year),
    mapLabel2: mapLabel(state.year2),
    selected: selected ? { lau: selected.lau_code, name: selected.name, county: selected.qark_name } : null,
    highlightCounty: countyLevel ? null : (state.county ?? selected?.qark_code ?? null),
    smallMultiplesTitle: t('smallMultiples.title', { indicator: label }),
    tableCaption: t(countyLevel ? 'table.captionCounty' : 'table.caption', {
      indicator: legendTitle,
      year: state.year,
    }),
    tableUnitLabel: countyLevel ? t('table.county') : undefined,
  };
}
