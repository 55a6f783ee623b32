/** Time: playback through the years, and comparing two years side by side or as a change map. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasState, CompareMode } from '../../state/store';

interface Props {
  state: AtlasState;
  years: { first: number; last: number };
  onYear: (year: number) => void;
  onChange: (patch: Partial<AtlasState>) => void;
}

/** Milliseconds each year stays on screen during playback. */
export const PLAY_STEP_MS = 1200;

/** The time fieldset. */
export function TimeControls({ state, years, onYear, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const { year } = state;
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => onYear(year >= years.last ? years.first : year + 1), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, year, years, onYear]);
  const all = Array.from({ length: years.last - years.first + 1 }, (_, i) => years.first + i);
  return (
    <fieldset className="control-group" data-testid="time-controls">
      <legend>{t('time.title')}</legend>
      <div className="control">
        <button type="button" aria-pressed={playing} data-testid="play" onClick={() => setPlaying((p) => !p)}>
          {playing ? t('time.pause') : t('time.play')}
        </button>
      </div>
      <div className="control">
        <label htmlFor={`${id}-compare`}>{t('time.compare')}</label>
        <select
          id={`${id}-compare`}
          value={state.compare}
          data-testid="compare"
          onChange={(e) => onChange({ compare: e.target.value as CompareMode })}
        >
          <option value="none">{t('time.modes.none')}</option>
          <option value="side">{t('time.modes.side')}</option>
          <option value="change">{t('time.modes.change')}</option>
        </select>
      </div>
      {state.compare !== 'none' && (
        <div className="control">
          <label htmlFor={`${id}-year2`}>{t('time.year2')}</label>
          <select
            id={`${id}-year2`}
            value={state.year2}
            data-testid="year2"
            onChange={(e) => onChange({ year2: Number(e.target.value) })}
          >
            {all.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
