/**
 * Trend of the selected municipality against its county and Albania (recharts; a lazy chunk). Suppressed
 * points are gaps. A table with the same numbers follows for screen readers.
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../engine/engine';
import { formatNumber, type Lang } from '../i18n';
import { formatShown } from '../common/format';

/** Okabe-Ito colours: distinguishable with every common colour-vision deficiency. */
export const SERIES_COLORS = { municipality: '#D55E00', county: '#0072B2', national: '#000000' } as const;

interface Props {
  points: TrendPoint[];
  municipalityName: string;
  countyName: string;
  nationalName: string;
  caption: string;
  lang: Lang;
  digits: number;
  k: number;
  /** The map's year, marked on the chart. */
  year?: number;
  /** Choosing a year on the chart (a click on it, or a year in its table) sets the map's year. */
  onYear?: (year: number) => void;
}

/** Line chart plus its table alternative; memoised so a year step elsewhere does not redraw it. */
export default memo(function TrendChart(props: Props) {
  const { points, caption, lang, digits, k, year, onYear } = props;
  const names = {
    municipality: props.municipalityName,
    county: props.countyName,
    national: props.nationalName,
  };
  const { t } = useTranslation();
  const rows = points.map((p) => ({
    year: p.year,
    municipality: p.municipality.value,
    county: p.county.value,
    national: p.national.value,
  }));
  const anySuppressed = points.some(
    (p) => p.municipality.suppressed || p.county.suppressed || p.national.suppressed,
  );
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang, digits) : '');
  return (
    <figure className="trend" data-testid="trend-chart">
      <div className="trend-plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart
            data={rows}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            accessibilityLayer={false}
            onClick={(state) => {
              const label = Number(state.activeLabel);
              if (onYear && Number.isInteger(label)) onYear(label);
            }}
            style={onYear ? { cursor: 'pointer' } : undefined}
          >
            <CartesianGrid stroke="#e3e3e3" vertical={false} />
            <XAxis dataKey="year" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} tickFormatter={fmt} width={56} />
            <Tooltip formatter={fmt} />
            <Legend />
            {year !== undefined && <ReferenceLine x={year} stroke="#555" strokeDasharray="2 2" />}
            {(['municipality', 'county', 'national'] as const).map((s) => (
              <Line
                key={s}
                dataKey={s}
                name={names[s]}
                stroke={SERIES_COLORS[s]}
                strokeDasharray={s === 'national' ? '5 4' : undefined}
                strokeWidth={s === 'municipality' ? 2.5 : 1.5}
                dot={s === 'municipality'}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {anySuppressed && <figcaption className="hint">{t('chart.suppressed', { k })}</figcaption>}
      {onYear && <p className="hint">{t('chart.pickYear')}</p>}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.year')}</th>
              <th scope="col">{names.municipality}</th>
              <th scope="col">{names.county}</th>
              <th scope="col">{names.national}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                {[p.municipality, p.county, p.national].map((v, i) => (
                  <td key={i}>{formatShown(v, lang, digits, k, t('tooltip.noData'))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
