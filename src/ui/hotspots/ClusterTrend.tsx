/**
 * Dropout rate of a selected hot-spot cluster against Albania, every year (recharts; a lazy chunk), with a
 * table holding the same numbers. Suppressed years are gaps in the line and "<k" in the table.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { DropoutTrendPoint } from '../../engine/engine-schools';
import { formatNumber, type Lang } from '../../i18n';
import { formatShown } from '../../common/format';

/** Okabe-Ito colours (as the main trend chart). */
const COLORS = { cluster: '#D55E00', national: '#000000' } as const;

interface Props {
  points: readonly DropoutTrendPoint[];
  clusterName: string;
  nationalName: string;
  caption: string;
  lang: Lang;
  k: number;
}

/** The chart and its table. */
export default function ClusterTrend({ points, clusterName, nationalName, caption, lang, k }: Props) {
  const { t } = useTranslation();
  const rows = points.map((p) => ({ year: p.year, cluster: p.cluster.value, national: p.national.value }));
  const fmt = (v: number) => formatNumber(v, lang, 2);
  return (
    <div className="cluster-trend" data-testid="cluster-trend">
      <div style={{ width: '100%', height: 220 }} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#ddd" />
            <XAxis dataKey="year" />
            <YAxis tickFormatter={(v: number) => formatNumber(v, lang, 1)} width={40} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? fmt(v) : String(v))} />
            <Legend />
            <Line
              dataKey="cluster"
              name={clusterName}
              stroke={COLORS.cluster}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              dataKey="national"
              name={nationalName}
              stroke={COLORS.national}
              strokeDasharray="4 3"
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hotspots.year_')}</th>
            <th scope="col">{clusterName}</th>
            <th scope="col">{nationalName}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>{formatShown(p.cluster, lang, 2, k, '–')}</td>
              <td>{formatShown(p.national, lang, 2, k, '–')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
