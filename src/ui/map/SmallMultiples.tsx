/**
 * Small multiples: one trend line per county on a shared scale, the current year marked, the county of the
 * selection highlighted. Clicking a county drills into it. A table gives the same numbers in words.
 */
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapValue } from '../../engine/engine';
import type { Lang } from '../../i18n';
import { formatShown } from '../../common/format';

/** One county. */
interface County {
  code: string;
  name: string;
}

interface Props {
  counties: readonly County[];
  series: ReadonlyMap<number, readonly MapValue[]>;
  year: number;
  highlight: string | null;
  lang: Lang;
  digits: number;
  k: number;
  title: string;
  onCounty: (code: string) => void;
  onYear: (year: number) => void;
}

const W = 132;
const H = 54;
const PAD = 4;

/** Each county's values by year, the years in order, and the range of all shown values. */
function index(series: ReadonlyMap<number, readonly MapValue[]>) {
  const years = [...series.keys()].sort((a, b) => a - b);
  const valueOf = new Map<string, Map<number, MapValue>>();
  for (const y of years) {
    for (const v of series.get(y) ?? []) {
      const m = valueOf.get(v.lau_code) ?? new Map<number, MapValue>();
      m.set(y, v);
      valueOf.set(v.lau_code, m);
    }
  }
  const all = [...valueOf.values()].flatMap((m) =>
    [...m.values()].flatMap((v) => (v.value === null ? [] : [v.value])),
  );
  return { years, valueOf, lo: Math.min(...all), hi: Math.max(...all), empty: all.length === 0 };
}

/**
 * The grid of county trend lines. Memoised, and its table too: a classification change does not touch it,
 * a year step redraws only the year markers.
 */
export const SmallMultiples = memo(function SmallMultiples(props: Props) {
  const { counties, series, year, highlight, lang, digits, k, title, onCounty, onYear } = props;
  const { t } = useTranslation();
  const { years, valueOf, lo, hi, empty } = useMemo(() => index(series), [series]);
  const noData = t('tooltip.noData');
  const fmt = useCallback(
    (v: MapValue | undefined) =>
      formatShown(v ?? { value: null, suppressed: false }, lang, digits, k, noData),
    [lang, digits, k, noData],
  );
  const table = useMemo(
    () => (
      <details>
        <summary>{t('smallMultiples.table')}</summary>
        <div className="table-scroll">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.county')}</th>
                {years.map((y) => (
                  <th key={y} scope="col" className="num">
                    <button type="button" className="link" onClick={() => onYear(y)}>
                      {y}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {counties.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.name}</th>
                  {years.map((y) => (
                    <td key={y} className="num">
                      {fmt(valueOf.get(c.code)?.get(y))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    ),
    [t, title, years, counties, valueOf, fmt, onYear],
  );
  if (years.length === 0 || empty) return null;
  const drill = t('smallMultiples.drill', { year });
  const x = (y: number) =>
    PAD + ((y - years[0]!) / Math.max(1, years[years.length - 1]! - years[0]!)) * (W - 2 * PAD);
  const yPx = (v: number) => H - PAD - ((v - lo) / (hi - lo || 1)) * (H - 2 * PAD);
  return (
    <section className="small-multiples" aria-label={title} data-testid="small-multiples">
      <h2>{title}</h2>
      <ul className="sm-grid">
        {counties.map((c) => {
          const m = valueOf.get(c.code);
          const pts = years.flatMap((y) => {
            const v = m?.get(y)?.value;
            return v == null ? [] : [`${x(y).toFixed(1)},${yPx(v).toFixed(1)}`];
          });
          const now = m?.get(year);
          return (
            <li key={c.code} className={c.code === highlight ? 'highlight' : undefined}>
              <button
                type="button"
                className="sm-panel"
                data-testid={`sm-${c.code}`}
                onClick={() => onCounty(c.code)}
              >
                {/* The name is the visible text ("Berat 4.1"), then what only a screen reader needs. */}
                <span className="sm-name">{c.name}</span>{' '}
                <svg width={W} height={H} aria-hidden="true">
                  <polyline points={pts.join(' ')} className="sm-line" />
                  {now?.value != null && <circle cx={x(year)} cy={yPx(now.value)} r={3} className="sm-now" />}
                </svg>
                <span className="sm-value">{fmt(now)}</span> <span className="sr-only">{drill}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {table}
    </section>
  );
});
