/**
 * Cases by month across the years, as SVG bars, with a pointer brush (drag across months to choose a range;
 * a click chooses one month) and its keyboard alternative, two lists "from" and "to". Months outside the
 * chosen range are dimmed. The bars are one picture for the eye; the lists and the table below are the way
 * for the keyboard and screen readers.
 */
import { memo, useId, useRef, useState, type PointerEvent } from 'react';
import type { CaseBar } from '../../engine/cases-types';
import { maxShown, periodAt, yearMonth } from './cases-derive';

/** What the time chart draws and says. */
export interface TimeChartProps {
  bars: readonly CaseBar[];
  /** First and last month of the records. */
  periods: readonly [number, number];
  /** The chosen range, or null (every month). */
  period: readonly [number, number] | null;
  monthLabel: (index: number) => string;
  text: { title: string; from: string; to: string; clear: string; picture: string };
  /** A new range from the brush or the lists (null: every month). */
  onPeriod: (range: readonly [number, number] | null, via: 'brush' | 'select') => void;
  onActivate: () => void;
}

interface MonthListProps {
  label: string;
  testId: string;
  value: number;
  months: readonly number[];
  monthLabel: (index: number) => string;
  onChange: (month: number) => void;
}

/** One of the brush's two lists ("from", "to"). */
function MonthList({ label, testId, value, months, monthLabel, onChange }: MonthListProps) {
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m)}
          </option>
        ))}
      </select>
    </label>
  );
}

const BAR_W = 10;
const H = 100;

/** The month chart with its brush and lists. */
export const TimeChart = memo(function TimeChart(p: TimeChartProps) {
  const id = useId();
  const [first, last] = p.periods;
  const n = last - first + 1;
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);
  const byKey = new Map(p.bars.map((b) => [Number(b.key), b.count]));
  const max = maxShown(p.bars);
  const range = drag ?? p.period;
  const lo = range ? Math.min(range[0], range[1]) : first;
  const hi = range ? Math.max(range[0], range[1]) : last;

  const at = (e: PointerEvent) => {
    const box = svg.current!.getBoundingClientRect();
    return periodAt(e.clientX - box.left, box.width, first, last);
  };
  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const i = at(e);
    setDrag([i, i]);
  };
  const onMove = (e: PointerEvent) => {
    if (drag) setDrag([drag[0], at(e)]);
  };
  const onUp = (e: PointerEvent) => {
    if (!drag) return;
    const end = at(e);
    setDrag(null);
    p.onPeriod([drag[0], end], 'brush');
  };
  const months = Array.from({ length: n }, (_, i) => first + i);
  const years = months.filter((m) => yearMonth(m).month === 1 || m === first);
  const choose = (from: number, to: number) =>
    p.onPeriod(from <= first && to >= last ? null : [Math.min(from, to), Math.max(from, to)], 'select');

  return (
    <section
      className="cases-chart cases-time"
      aria-labelledby={id}
      data-testid="cases-chart-period"
      onPointerEnter={p.onActivate}
      onFocus={p.onActivate}
    >
      <h3 id={id}>{p.text.title}</h3>
      <div className="cases-time-plot">
        <svg
          ref={svg}
          className="cases-time-svg"
          viewBox={`0 0 ${n * BAR_W} ${H}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={p.text.picture}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={() => setDrag(null)}
          data-testid="cases-time-brush"
        >
          {months.map((m, i) => {
            const c = byKey.get(m) ?? null;
            const h = c === null ? 0 : (H * c) / max;
            const inside = m >= lo && m <= hi;
            return (
              <rect
                key={m}
                x={i * BAR_W + 1}
                y={H - h}
                width={BAR_W - 2}
                height={h}
                className={inside ? 'cases-month' : 'cases-month cases-month-out'}
              />
            );
          })}
          {months.map((m, i) =>
            byKey.get(m) === null ? (
              <rect
                key={`s${m}`}
                x={i * BAR_W + 1}
                y={H - 3}
                width={BAR_W - 2}
                height={3}
                className="cases-month-suppressed"
              />
            ) : null,
          )}
        </svg>
        <div className="cases-time-years" aria-hidden="true">
          {years.map((m) => (
            <span key={m} style={{ left: `${(100 * (m - first)) / n}%` }}>
              {yearMonth(m).year}
            </span>
          ))}
        </div>
      </div>
      <div className="cases-time-lists">
        <MonthList
          label={p.text.from}
          testId="cases-period-from"
          value={lo}
          months={months}
          monthLabel={p.monthLabel}
          onChange={(m) => choose(m, hi)}
        />
        <MonthList
          label={p.text.to}
          testId="cases-period-to"
          value={hi}
          months={months}
          monthLabel={p.monthLabel}
          onChange={(m) => choose(lo, m)}
        />
        {p.period && (
          <button
            type="button"
            className="link"
            data-testid="cases-period-clear"
            onClick={() => p.onPeriod(null, 'select')}
          >
            {p.text.clear}
          </button>
        )}
      </div>
    </section>
  );
});
