/** Legend, the selected municipality and its trend chart. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorMeta } from '../engine/schema';
import type { Lang } from '../i18n';
import { Legend } from '../map/Legend';
import type { ClassScale } from '../map/scale';
import { ErrorBoundary } from '../common/ErrorBoundary';
import type { EngineStatus } from './useEngine';
import { useTrend } from './useTrend';

const TrendChart = lazy(() => import('../charts/TrendChart'));

interface Props {
  meta: IndicatorMeta;
  year: number;
  lang: Lang;
  scale: ClassScale | null;
  digits: number;
  k: number;
  status: EngineStatus;
  /** The dataset's version: a new one means ask again. */
  version: number;
  selected: { lau: string; name: string; county: string } | null;
  onClear: () => void;
  /** Legend title (defaults to indicator and year). */
  legendTitle?: string;
  /** What the classes are: method, and flags such as smoothed rates or a change map. */
  legendMethod: string;
  legendUnit?: string;
  /** The map shows counties: the legend counts counties. */
  counties?: boolean;
  /** A note under the legend (weights standing in for counts). */
  legendNote?: string | null;
  onYear?: (year: number) => void;
}

/** The panel beside the map. */
export function SidePanel(props: Props) {
  const { meta, year, lang, scale, digits, k, status, version, selected, onClear, onYear } = props;
  const { t } = useTranslation();
  const points = useTrend(status, meta, selected?.lau ?? null, version, k);
  const label = meta.label[lang];
  return (
    <aside className="side">
      <ErrorBoundary>
        {scale && (
          <Legend
            title={props.legendTitle ?? t('legend.title', { indicator: label, year })}
            unit={props.legendUnit ?? meta.unit[lang]}
            counties={props.counties}
            method={props.legendMethod}
            scale={scale}
            lang={lang}
            digits={digits}
            k={k}
            note={props.legendNote ?? null}
          />
        )}
      </ErrorBoundary>
      <section className="selection" aria-live="polite">
        {!selected && <p className="hint">{t('selection.none')}</p>}
        {selected && (
          <>
            <div className="selection-head">
              <h2 data-testid="selection-title">
                {t('selection.title', { name: selected.name, county: selected.county })}
              </h2>
              <button type="button" onClick={onClear}>
                {t('selection.clear')}
              </button>
            </div>
            <h3>{t('chart.title', { indicator: label })}</h3>
            <ErrorBoundary>
              {status.state !== 'ready' || !points ? (
                <p className="hint">{t('chart.waiting')}</p>
              ) : (
                <Suspense fallback={<p className="hint">{t('chart.waiting')}</p>}>
                  <TrendChart
                    points={points}
                    municipalityName={t('chart.municipality', { name: selected.name })}
                    countyName={t('chart.county', { county: selected.county })}
                    nationalName={t('chart.national')}
                    caption={t('chart.tableCaption', {
                      indicator: label,
                      name: selected.name,
                      county: selected.county,
                    })}
                    lang={lang}
                    digits={digits}
                    k={k}
                    year={year}
                    onYear={onYear}
                  />
                </Suspense>
              )}
            </ErrorBoundary>
          </>
        )}
      </section>
    </aside>
  );
}
