/** The map's options, folded away: classification, time and geography. */
import { useTranslation } from 'react-i18next';
import type { Catalog, IndicatorMeta } from '../../engine/schema';
import type { MunicipalityProps } from '../../engine/static';
import type { AtlasState } from '../../state/store';
import { ClassControls } from './ClassControls';
import { GeoControls } from './GeoControls';
import { TimeControls } from './TimeControls';
import type { MapActions } from './useMapActions';

interface Props {
  state: AtlasState;
  meta: IndicatorMeta;
  years: Catalog['years'];
  municipalities: readonly MunicipalityProps[];
  /** Why the chosen classification was not used, if so. */
  problem: string | null;
  actions: MapActions;
}

/** The options' disclosure. */
export function MapOptions({ state, meta, years, municipalities, problem, actions }: Props) {
  const { t } = useTranslation();
  return (
    <details className="map-options">
      <summary>{t('options.title')}</summary>
      <div className="options-row">
        <ClassControls
          state={state}
          isRate={meta.aggregation === 'ratio'}
          diverging={state.compare === 'change'}
          problem={problem}
          onChange={actions.onClass}
        />
        <TimeControls state={state} years={years} onYear={actions.onYear} onChange={actions.onClass} />
        <GeoControls
          state={state}
          municipalities={municipalities}
          onChange={actions.onGeo}
          onZoom={actions.onZoom}
        />
      </div>
    </details>
  );
}
