/**
 * Which indicator the values are: one select for a table with years as columns and no indicator column,
 * and one per name the file uses that the catalog does not know. Each offers the catalog's indicators (by
 * their label in the UI's language), those defined in the panel, and "define a new indicator".
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorMeta } from '../../engine/schema';
import type { Lang } from '../../i18n';
import { AUTO, NEW_INDICATOR } from './mapping-draft';

interface Props {
  lang: Lang;
  indicators: readonly IndicatorMeta[];
  /** Show the one-indicator select. */
  wide: boolean;
  indicator: string;
  /** Unknown names and what each is mapped to (AUTO = not mapped). */
  names: readonly [string, string][];
  disabled: boolean;
  onIndicator: (id: string) => void;
  onName: (name: string, id: string) => void;
}

function Options({
  lang,
  indicators,
  none,
}: {
  lang: Lang;
  indicators: readonly IndicatorMeta[];
  none: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value={AUTO}>{none}</option>
      {indicators.map((i) => (
        <option key={i.id} value={i.id}>
          {i.label[lang]}
        </option>
      ))}
      <option value={NEW_INDICATOR}>{t('mapping.defineNew')}</option>
    </>
  );
}

/** The indicator selects. */
export function IndicatorPicks(p: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      {p.wide && (
        <div className="mapping-field">
          <label htmlFor={`${id}-ind`}>{t('mapping.indicator')}</label>
          <select
            id={`${id}-ind`}
            data-testid="mapping-indicator"
            aria-describedby={`${id}-ind-hint`}
            value={p.indicator}
            disabled={p.disabled}
            onChange={(e) => p.onIndicator(e.target.value)}
          >
            <Options lang={p.lang} indicators={p.indicators} none={t('mapping.choose')} />
          </select>
          <p className="hint" id={`${id}-ind-hint`}>
            {t('mapping.indicatorHint')}
          </p>
        </div>
      )}
      {p.names.length > 0 && (
        <fieldset className="mapping-roles">
          <legend>{t('mapping.names')}</legend>
          <ul>
            {p.names.map(([name, value], i) => (
              <li key={name}>
                <label htmlFor={`${id}-n${i}`}>{t('mapping.nameLabel', { name })}</label>
                <select
                  id={`${id}-n${i}`}
                  data-testid="mapping-name"
                  data-name={name}
                  value={value}
                  disabled={p.disabled}
                  onChange={(e) => p.onName(name, e.target.value)}
                >
                  <Options lang={p.lang} indicators={p.indicators} none={t('mapping.notMapped')} />
                </select>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </>
  );
}
