/**
 * A facet as horizontal bars, each a toggle button (aria-pressed; its name is its label and shown count) that
 * adds or removes its value from the dimension's filter. Plain HTML: a new answer repaints in a few ms.
 * Bars not chosen are dimmed while some are. Entering or focusing the chart asks the engine to prepare.
 */
import { memo, useId } from 'react';
import type { CaseBar, CaseCategoryDim } from '../../engine/cases-types';
import { measureOf, maxShown } from './cases-derive';
import type { CaseMeasure } from './settings';

/** What a chart draws. */
export interface BarChartProps {
  dim: CaseCategoryDim;
  title: string;
  bars: readonly CaseBar[];
  /** Values chosen in this dimension's filter. */
  selected: readonly string[];
  /** The label of a value. */
  label: (value: string) => string;
  /** A bar's value as text ("–" when suppressed). */
  valueText: (bar: CaseBar) => string;
  /** What a screen reader hears for a suppressed value. */
  suppressedText: string;
  measure?: CaseMeasure;
  onToggle: (dim: CaseCategoryDim, value: string) => void;
  onActivate: (dim: CaseCategoryDim) => void;
  /** A line under the title (e.g. "top 15 of 61"). */
  note?: string;
}

/** One facet's bars. */
export const BarChart = memo(function BarChart(p: BarChartProps) {
  const id = useId();
  const measure = p.measure ?? 'count';
  const max = maxShown(p.bars, measure);
  const anySelected = p.selected.length > 0;
  return (
    <section
      className="cases-chart"
      aria-labelledby={id}
      data-testid={`cases-chart-${p.dim}`}
      onPointerEnter={() => p.onActivate(p.dim)}
      onFocus={() => p.onActivate(p.dim)}
    >
      <h3 id={id}>{p.title}</h3>
      {p.note && <p className="hint cases-chart-note">{p.note}</p>}
      <ul className="cases-bars">
        {p.bars.map((b) => {
          const value = String(b.key);
          const on = p.selected.includes(value);
          const v = measureOf(b, measure);
          const shown = b.count !== null && v !== null;
          return (
            <li key={value}>
              <button
                type="button"
                className="cases-bar"
                aria-pressed={on}
                data-testid={`cases-bar-${p.dim}-${value}`}
                data-dimmed={anySelected && !on ? 'true' : undefined}
                data-count={b.count ?? ''}
                onClick={() => p.onToggle(p.dim, value)}
              >
                <span className="cases-bar-label">{p.label(value)}</span>
                <span className="cases-bar-track" aria-hidden="true">
                  <span className="cases-bar-fill" style={{ width: shown ? `${(100 * v) / max}%` : 0 }} />
                </span>
                {shown ? (
                  <span className="cases-bar-value">{p.valueText(b)}</span>
                ) : (
                  <span className="cases-bar-value" data-suppressed="true">
                    <span aria-hidden="true">{p.valueText(b)}</span>
                    <span className="sr-only">{p.suppressedText}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
