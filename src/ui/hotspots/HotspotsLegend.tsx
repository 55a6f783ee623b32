/**
 * Legend of the hotspot map: each class with its colour and count, the multiple-testing correction used, and
 * a plain warning when the correction makes significance unreachable with the chosen permutations.
 */
import { useTranslation } from 'react-i18next';
import { css, type Rgb } from '../../map/scale';

/** One legend row. */
export interface LegendRow {
  key: string;
  label: string;
  color: Rgb;
  count: number;
}

interface Props {
  title: string;
  rows: readonly LegendRow[];
  /** The name of the correction (always shown: it decides which units are coloured). */
  correction: string;
  /** Notes under the legend (plain text). */
  notes: readonly string[];
  warning: string | null;
}

/** The legend. */
export function HotspotsLegend({ title, rows, correction, notes, warning }: Props) {
  const { t } = useTranslation();
  return (
    <section className="legend hotspots-legend" aria-label={title} data-testid="hotspots-legend">
      <h2>{title}</h2>
      <p className="legend-unit" data-testid="hotspots-correction">
        {t('hotspots.correctionUsed', { correction })}
      </p>
      <ul>
        {rows.map((r) => (
          <li key={r.key} data-class={r.key} data-color={css(r.color)}>
            <span className="swatch" style={{ background: css(r.color) }} aria-hidden="true" />
            <span className="legend-range">{r.label}</span>
            <span className="legend-count">{r.count}</span>
          </li>
        ))}
      </ul>
      {warning && (
        <p className="legend-note hotspots-warning" role="note" data-testid="hotspots-unreachable">
          {warning}
        </p>
      )}
      {notes.map((n) => (
        <p key={n} className="legend-note">
          {n}
        </p>
      ))}
    </section>
  );
}
