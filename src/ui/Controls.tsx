/** Indicator picker and year control. They only write state. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n';
import type { Catalog, IndicatorMeta } from '../engine/schema';
import type { SourceGroups } from './useDataset';

/** The indicator picker's groups once the user has loaded values: theirs, theirs and the demo's, the demo's. */
const GROUP_LABEL = { own: 'own.groupOwn', mixed: 'own.groupMixed', demo: 'own.groupDemo' } as const;

/** Thresholds a user may choose: 3 (the least any agency uses) to 20. */
const MIN_K = 3;
const MAX_K = 20;

interface Props {
  catalog: Catalog;
  lang: Lang;
  indicator: string;
  year: number;
  status: string;
  k: number;
  onIndicator: (id: string) => void;
  onYear: (year: number) => void;
  onK: (k: number) => void;
  /** Whose each indicator's values are: the options are grouped by it once the user has loaded values. */
  groups?: SourceGroups | null;
}

/** The control bar above the map. */
export function Controls(props: Props) {
  const { catalog, lang, indicator, year, status, k, onIndicator, onYear, onK, groups } = props;
  const { t } = useTranslation();
  const indicatorId = useId();
  const yearId = useId();
  const kId = useId();
  const meta = catalog.indicators.find((i) => i.id === indicator);
  // Served files were suppressed at their k: a viewer may raise it, and asking lower would show nothing more.
  const minK = Math.max(MIN_K, catalog.served?.k ?? MIN_K);
  const options = (list: readonly IndicatorMeta[]) =>
    list.map((i) => (
      <option key={i.id} value={i.id}>
        {i.label[lang]}
      </option>
    ));
  return (
    <div className="controls">
      <div className="control">
        <label htmlFor={indicatorId}>{t('controls.indicator')}</label>
        <select
          id={indicatorId}
          value={indicator}
          onChange={(e) => onIndicator(e.target.value)}
          data-testid="indicator"
        >
          {groups
            ? (['own', 'mixed', 'demo'] as const).map((g) => {
                const shown = new Set(catalog.indicators.map((i) => i.id));
                const list = groups[g].filter((i) => shown.has(i.id));
                return (
                  list.length > 0 && (
                    <optgroup key={g} label={t(GROUP_LABEL[g])} data-source={g}>
                      {options(list)}
                    </optgroup>
                  )
                );
              })
            : options(catalog.indicators)}
        </select>
        {meta && <span className="hint">{t('controls.unit', { unit: meta.unit[lang] })}</span>}
      </div>
      <div className="control">
        <label htmlFor={yearId}>
          {t('controls.year')}: <output data-testid="year-value">{year}</output>
        </label>
        <input
          id={yearId}
          type="range"
          min={catalog.years.first}
          max={catalog.years.last}
          step={1}
          value={year}
          onChange={(e) => onYear(Number(e.target.value))}
          data-testid="year"
        />
      </div>
      <div className="control">
        <label htmlFor={kId}>{t('controls.threshold')}</label>
        <input
          id={kId}
          type="number"
          min={minK}
          max={MAX_K}
          step={1}
          value={k}
          className="threshold"
          data-testid="threshold"
          onChange={(e) => {
            const next = Math.round(Number(e.target.value));
            if (next >= minK && next <= MAX_K) onK(next);
          }}
        />
        <span className="hint">{t('controls.thresholdHint', { max: k - 1 })}</span>
      </div>
      <p className="status" role="status" data-testid="status">
        {status}
      </p>
    </div>
  );
}
