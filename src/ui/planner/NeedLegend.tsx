/** The need map's legend (fifths of the ranking, new and existing units), on screen and in the brief. */
import type { TFunction } from 'i18next';
import { cssColor, NEED_COLORS } from './explain';

interface Props {
  /** The translation function of the language the legend is shown in (the brief has its own). */
  t: TFunction;
  /** Existing units drawn on the map. */
  units: number;
}

/** Legend list of the need map. */
export function NeedLegend({ t, units }: Props) {
  return (
    <ul className="legend-list">
      {NEED_COLORS.map((c, i) => (
        <li key={i}>
          <span className="swatch" aria-hidden="true" style={{ background: cssColor(c) }} />
          {t(`planner.map.class${i}`)}
        </li>
      ))}
      <li>
        <span className="swatch dot chosen" aria-hidden="true" />
        {t('planner.map.newSite')}
      </li>
      <li>
        <span className="swatch dot existing" aria-hidden="true" />
        {t('planner.map.existing', { count: units })}
      </li>
    </ul>
  );
}
