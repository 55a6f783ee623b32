/**
 * Coverage over time (recharts, a lazy chunk): active units by supporter (stacked bars), children assisted
 * nationally (a line; suppressed years are gaps) and the share of children within reach (a line). Each chart
 * is followed by its table, the same numbers for keyboard and screen-reader users.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageYear } from '../../analysis/coverage';
import { css, type Rgb } from '../../map/scale';
import type { CoverageFormat } from './format';

interface Props {
  series: readonly CoverageYear[];
  /** Supporters in legend order with their colours. */
  colors: ReadonlyMap<string, Rgb>;
  supporterLabel: (supporter: string) => string;
  format: CoverageFormat;
  /** The catchment model in words, for the share chart's title. */
  catchment: string;
}

const LINE = '#0072B2';
const HEIGHT = 220;

/** A chart's table alternative, open on demand. */
function ChartTable(props: {
  caption: string;
  headers: string[];
  rows: { year: number; cells: string[] }[];
}) {
  const { t } = useTranslation();
  return (
    <details className="coverage-chart-table">
      <summary>{t('coverage.charts.showTable')}</summary>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.charts.year')}</th>
            {props.headers.map((h) => (
              <th key={h} scope="col" className="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              {r.cells.map((c, i) => (
                <td key={i} className="num">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The three charts over time, memoised so a year step elsewhere does not redraw them. */
export default memo(function CoverageCharts({ series, colors, supporterLabel, format, catchment }: Props) {
  const { t } = useTranslation();
  const supporters = [...colors.keys()];
  const units = series.map((y) => ({
    year: y.year,
    ...Object.fromEntries(
      supporters.map((s) => [s, y.bySupporter.find((b) => b.supporter === s)?.units ?? 0]),
    ),
  }));
  const assisted = series.map((y) => ({ year: y.year, value: y.national.assisted.value }));
  const share = series.map((y) => ({
    year: y.year,
    value: y.national.share === null ? null : y.national.share * 100,
  }));
  const anySuppressed = series.some((y) => y.national.assisted.suppressed);
  const tick = { fontSize: 12 };
  const titles = {
    units: t('coverage.charts.units'),
    assisted: t('coverage.charts.assisted'),
    share: t('coverage.charts.share', { catchment }),
  };
  return (
    <div className="coverage-charts" data-testid="coverage-charts">
      <figure>
        <figcaption>
          <h3>{titles.units}</h3>
        </figcaption>
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <BarChart
              data={units}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke="#e3e3e3" vertical={false} />
              <XAxis dataKey="year" tick={tick} />
              <YAxis tick={tick} allowDecimals={false} width={40} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? format.count(v) : '')} />
              <Legend />
              {supporters.map((s) => (
                <Bar
                  key={s}
                  dataKey={s}
                  name={supporterLabel(s)}
                  stackId="units"
                  fill={css(colors.get(s)!)}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <ChartTable
          caption={titles.units}
          headers={[...supporters.map(supporterLabel), t('coverage.charts.total')]}
          rows={series.map((y) => ({
            year: y.year,
            cells: [
              ...supporters.map((s) =>
                format.count(y.bySupporter.find((b) => b.supporter === s)?.units ?? 0),
              ),
              format.count(y.national.units),
            ],
          }))}
        />
      </figure>
      <figure>
        <figcaption>
          <h3>{titles.assisted}</h3>
        </figcaption>
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <LineChart
              data={assisted}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke="#e3e3e3" vertical={false} />
              <XAxis dataKey="year" tick={tick} />
              <YAxis tick={tick} width={56} tickFormatter={(v: number) => format.count(v)} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? format.count(v) : '')} />
              <Line
                dataKey="value"
                name={titles.assisted}
                stroke={LINE}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        {anySuppressed && <p className="hint">{t('coverage.charts.suppressed')}</p>}
        <ChartTable
          caption={titles.assisted}
          headers={[t('coverage.table.assisted'), t('coverage.table.perUnit'), t('coverage.table.perWorker')]}
          rows={series.map((y) => ({
            year: y.year,
            cells: [
              format.shown(y.national.assisted),
              format.shown(y.national.perUnit, 1),
              format.shown(y.national.perWorker, 1),
            ],
          }))}
        />
      </figure>
      <figure>
        <figcaption>
          <h3>{titles.share}</h3>
        </figcaption>
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <LineChart
              data={share}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke="#e3e3e3" vertical={false} />
              <XAxis dataKey="year" tick={tick} />
              <YAxis
                tick={tick}
                width={48}
                domain={[0, 100]}
                tickFormatter={(v: number) => format.share(v / 100)}
              />
              <Tooltip formatter={(v) => (typeof v === 'number' ? format.share(v / 100) : '')} />
              <Line
                dataKey="value"
                name={titles.share}
                stroke={LINE}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <ChartTable
          caption={titles.share}
          headers={[t('coverage.table.share'), t('coverage.table.covered'), t('coverage.table.children')]}
          rows={series.map((y) => ({
            year: y.year,
            cells: [
              format.share(y.national.share),
              format.count(y.national.covered),
              format.count(y.national.children),
            ],
          }))}
        />
      </figure>
    </div>
  );
});
