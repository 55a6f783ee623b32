/** Geography: municipality or county level, the county drilled into, search by name, zoom to selection. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formKeys, nameKey } from '../../contract/names-text';
import type { MunicipalityProps } from '../../engine/static';
import type { AtlasState, Level } from '../../state/store';

interface Props {
  state: AtlasState;
  municipalities: readonly MunicipalityProps[];
  onChange: (patch: Partial<AtlasState>) => void;
  /** Zoom to a municipality (search) or, without one, to the selection or the county drilled into. */
  onZoom: (lau?: string) => void;
}

/**
 * Municipalities whose name, ASCII spelling, old name or an inflected form (Korça for Korçë) contains
 * `query`, ignoring case, punctuation and diacritics (ë = e, ç = c).
 */
export function searchMunicipalities(
  municipalities: readonly MunicipalityProps[],
  query: string,
): MunicipalityProps[] {
  const q = nameKey(query);
  if (q === '') return [];
  const hits = municipalities.filter((m) =>
    [m.name, m.name_ascii, m.name_alt ?? '']
      .flatMap((n) => (n ? [nameKey(n), ...formKeys(n)] : []))
      .some((key) => key.includes(q)),
  );
  const foldName = nameKey;
  // Names that start with the query first, then alphabetical.
  return hits.sort(
    (a, b) =>
      Number(!foldName(a.name).startsWith(q)) - Number(!foldName(b.name).startsWith(q)) ||
      a.name.localeCompare(b.name, 'sq'),
  );
}

/** The geography fieldset. */
export function GeoControls({ state, municipalities, onChange, onZoom }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const hits = searchMunicipalities(municipalities, query).slice(0, 8);
  const county = state.county ? municipalities.find((m) => m.qark_code === state.county) : undefined;
  const pick = (m: MunicipalityProps) => {
    onChange({ level: 'municipality', selected: m.lau_code, county: null });
    onZoom(m.lau_code);
    setQuery('');
  };
  return (
    <fieldset className="control-group" data-testid="geo-controls">
      <legend>{t('geo.title')}</legend>
      <div className="control" role="radiogroup" aria-label={t('geo.level')}>
        {(['municipality', 'county'] as Level[]).map((l) => (
          <label key={l} className="check">
            <input
              type="radio"
              name={`${id}-level`}
              value={l}
              checked={state.level === l}
              data-testid={`level-${l}`}
              onChange={() => onChange({ level: l, selected: null, county: null })}
            />
            {t(`geo.levels.${l}`)}
          </label>
        ))}
      </div>
      {county && (
        <div className="control">
          <span data-testid="drilled">{t('geo.drilled', { county: county.qark_name })}</span>
          <button
            type="button"
            data-testid="drill-up"
            onClick={() => onChange({ county: null, level: 'county' })}
          >
            {t('geo.up')}
          </button>
        </div>
      )}
      <div className="control search">
        <label htmlFor={`${id}-search`}>{t('geo.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          autoComplete="off"
          data-testid="search"
          aria-describedby={`${id}-search-hits`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits[0]) pick(hits[0]);
          }}
        />
        {query !== '' && (
          <ul className="search-hits" id={`${id}-search-hits`} aria-live="polite" data-testid="search-hits">
            {hits.length === 0 && <li>{t('geo.noHits')}</li>}
            {hits.map((m) => (
              <li key={m.lau_code}>
                <button type="button" className="link" onClick={() => pick(m)}>
                  {m.name} <span className="hint">({m.qark_name})</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="control">
        <button
          type="button"
          data-testid="zoom"
          disabled={!state.selected && !state.county}
          onClick={() => onZoom()}
        >
          {t('geo.zoom')}
        </button>
      </div>
    </fieldset>
  );
}
