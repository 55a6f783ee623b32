/** The legend: each class's range and count, then distinct rows for suppressed and missing values. */
import { useTranslation } from 'react-i18next';
import { formatNumber, type Lang } from '../i18n';
import { css, NO_DATA, SUPPRESSED, type ClassScale } from './scale';

interface Props {
  title: string;
  unit: string;
  /** The classification, as words (method, flags). */
  method: string;
  scale: ClassScale;
  lang: Lang;
  digits: number;
  k: number;
  /** The units counted are counties (default: municipalities). */
  counties?: boolean;
  /** A note on how the figures were made (e.g. weights standing in for counts), or null. */
  note?: string | null;
}

function Swatch({ color }: { color: string }) {
  return <span className="swatch" style={{ background: color }} aria-hidden="true" />;
}

/** Legend of the choropleth. */
export function Legend({ title, unit, method, scale, lang, digits, k, counties, note }: Props) {
  const { t } = useTranslation();
  const countKey = counties ? 'legend.countCounty' : 'legend.count';
  const fmt = (v: number) => formatNumber(v, lang, digits);
  return (
    <section className="legend" aria-label={title}>
      <h2>{title}</h2>
      <p className="legend-unit">
        {unit} · <span data-testid="legend-method">{method}</span>
      </p>
      <ul>
        {scale.classes.map((c, i) => (
          <li key={i} data-color={css(c.color)} data-from={c.from} data-to={c.to}>
            <Swatch color={css(c.color)} />
            <span className="legend-range">{t('legend.range', { from: fmt(c.from), to: fmt(c.to) })}</span>
            <span className="legend-count">{t(countKey, { count: c.count })}</span>
          </li>
        ))}
        {scale.suppressed > 0 && (
          <li data-color={css(SUPPRESSED)} data-kind="suppressed">
            <Swatch color={css(SUPPRESSED)} />
            <span className="legend-range">{t('legend.suppressed', { k })}</span>
            <span className="legend-count">{t(countKey, { count: scale.suppressed })}</span>
          </li>
        )}
        {scale.noData > 0 && (
          <li data-color={css(NO_DATA)} data-kind="no-data">
            <Swatch color={css(NO_DATA)} />
            <span className="legend-range">{t('legend.noData')}</span>
            <span className="legend-count">{t(countKey, { count: scale.noData })}</span>
          </li>
        )}
      </ul>
      {scale.suppressed > 0 && <p className="legend-note">{t('legend.suppressedNote', { max: k - 1 })}</p>}
      {note && (
        <p className="legend-note" data-testid="legend-weights">
          {note}
        </p>
      )}
    </section>
  );
}
