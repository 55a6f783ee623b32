/**
 * The need index's controls: which indicators count, their weights (sliders that always sum to 100%), each
 * indicator's polarity, and the normalisation. Controls only report changes; the view owns the settings.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NORMALISATIONS, type Normalisation } from '../../analysis/planning/normalise';
import type { IndicatorMeta } from '../../engine/schema';
import type { Lang } from '../../i18n';
import { INDICATOR_COLORS } from './explain';

interface Props {
  indicators: readonly IndicatorMeta[];
  weights: Readonly<Record<string, number>>;
  norm: Normalisation;
  lang: Lang;
  onWeight: (id: string, value: number) => void;
  onToggle: (id: string, on: boolean) => void;
  onNorm: (norm: Normalisation) => void;
}

/** Sliders, inclusion checkboxes, polarity and normalisation. */
export function WeightsPanel({ indicators, weights, norm, lang, onWeight, onToggle, onNorm }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = Object.keys(weights);
  const total = chosen.reduce((a, id) => a + (weights[id] ?? 0), 0);
  return (
    <section className="planner-weights" aria-labelledby="planner-weights-title">
      <h2 id="planner-weights-title">{t('planner.weights.title')}</h2>
      <p className="hint">{t('planner.weights.hint')}</p>
      <ul className="weight-list">
        {indicators.map((m) => {
          const on = m.id in weights;
          const colourIndex = chosen.indexOf(m.id);
          return (
            <li key={m.id} className={on ? 'weight on' : 'weight'}>
              <label className="weight-include">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && chosen.length === 1}
                  onChange={(e) => onToggle(m.id, e.target.checked)}
                  data-testid={`planner-include-${m.id}`}
                />
                {on && (
                  <span
                    className="weight-key"
                    aria-hidden="true"
                    style={{ background: INDICATOR_COLORS[colourIndex % INDICATOR_COLORS.length] }}
                  />
                )}
                {m.label[lang]}
              </label>
              <span className="polarity" data-testid={`planner-polarity-${m.id}`}>
                {m.higherIsWorse ? t('planner.weights.worse') : t('planner.weights.better')}
              </span>
              {on && (
                <span className="weight-slider">
                  <input
                    type="range"
                    min={0}
                    max={100}
                    step={1}
                    value={weights[m.id] ?? 0}
                    aria-label={t('planner.weights.slider', { indicator: m.label[lang] })}
                    aria-valuetext={`${weights[m.id] ?? 0}%`}
                    onChange={(e) => onWeight(m.id, Number(e.target.value))}
                    data-testid={`planner-weight-${m.id}`}
                  />
                  <output>{weights[m.id] ?? 0}%</output>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="weight-total" aria-live="polite">
        {t('planner.weights.total', { total: Math.round(total) })}
      </p>
      <div className="control">
        <label htmlFor={`${id}-norm`}>{t('planner.norm.label')}</label>
        <select
          id={`${id}-norm`}
          value={norm}
          onChange={(e) => onNorm(e.target.value as Normalisation)}
          data-testid="planner-norm"
        >
          {NORMALISATIONS.map((n) => (
            <option key={n} value={n}>
              {t(`planner.norm.${n}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="hint">{t(`planner.norm.${norm}Hint`)}</p>
    </section>
  );
}
