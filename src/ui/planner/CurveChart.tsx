/**
 * Children at risk covered against the number of new units, k = 1..10 (recharts; a lazy chunk). The table
 * next to it in the siting panel carries the same numbers for screen readers and keyboards.
 */
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, type Lang } from '../../i18n';

interface Props {
  points: readonly { k: number; share: number }[];
  chosenK: number;
  lang: Lang;
  xLabel: string;
  /** The series' name in the tooltip (translated). */
  seriesLabel: string;
}

/** The coverage curve, as percentages of all children at risk. */
export default memo(function CurveChart({ points, chosenK, lang, xLabel, seriesLabel }: Props) {
  const rows = points.map((p) => ({ k: p.k, share: p.share * 100 }));
  const fmt = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v, lang, 0)}%` : '');
  return (
    <div className="curve-plot" aria-hidden="true" data-testid="planner-curve">
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e3e3" vertical={false} />
          <XAxis
            dataKey="k"
            tick={{ fontSize: 12 }}
            label={{ value: xLabel, position: 'insideBottom', offset: -8, fontSize: 12 }}
          />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={fmt} width={48} domain={[0, 100]} />
          <Tooltip formatter={fmt} />
          <Line
            type="monotone"
            dataKey="share"
            name={seriesLabel}
            stroke="#0072B2"
            strokeWidth={2}
            isAnimationActive={false}
            dot={(p: { cx?: number; cy?: number; payload?: { k: number } }) => (
              <circle
                key={`dot-${p.payload?.k ?? 0}`}
                cx={p.cx}
                cy={p.cy}
                r={p.payload?.k === chosenK ? 6 : 3}
                fill={p.payload?.k === chosenK ? '#D55E00' : '#0072B2'}
              />
            )}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
