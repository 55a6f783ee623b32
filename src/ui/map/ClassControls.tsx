/** Classification choices: method, number of classes, palette, manual breaks, fixed across years, measure. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLASSES, MIN_CLASSES } from '../../analysis/classify';
import { PALETTES } from '../../map/palettes';
import { CLASS_METHODS, type AtlasState, type ClassMethodId, type Measure } from '../../state/store';

interface Props {
  state: AtlasState;
  /** Rates can also show their counts or be smoothed; counts cannot. */
  isRate: boolean;
  /** The comparison is a change map (its palette is diverging). */
  diverging: boolean;
  /** Why the chosen classification was not used, if so. */
  problem: string | null;
  onChange: (patch: Partial<AtlasState>) => void;
}

/** Parses "1, 2.5, 4" into numbers; null when any part is not a number. */
export function parseBreaks(text: string): number[] | null {
  const parts = text
    .split(/[;,\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const nums = parts.map(Number);
  return nums.every(Number.isFinite) ? nums : null;
}

/** The classification fieldset. */
export function ClassControls({ state, isRate, diverging, problem, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [breaksText, setBreaksText] = useState(state.manual.join(', '));
  // When the breaks change elsewhere (a link, the back button), the text follows.
  const [shownManual, setShownManual] = useState(state.manual);
  if (shownManual !== state.manual) {
    setShownManual(state.manual);
    setBreaksText(state.manual.join(', '));
  }
  const kind = diverging ? 'diverging' : 'sequential';
  const palettes = PALETTES.filter((p) => p.kind === kind);
  return (
    <fieldset className="control-group" data-testid="class-controls">
      <legend>{t('classes.title')}</legend>
      <div className="control">
        <label htmlFor={`${id}-method`}>{t('classes.method')}</label>
        <select
          id={`${id}-method`}
          value={state.method}
          data-testid="class-method"
          onChange={(e) => onChange({ method: e.target.value as ClassMethodId })}
        >
          {CLASS_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`classes.methods.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={`${id}-n`}>{t('classes.count')}</label>
        <select
          id={`${id}-n`}
          value={state.classes}
          data-testid="class-count"
          onChange={(e) => onChange({ classes: Number(e.target.value) })}
        >
          {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={`${id}-palette`}>{t('classes.palette')}</label>
        <select
          id={`${id}-palette`}
          value={palettes.some((p) => p.id === state.palette) ? state.palette : ''}
          data-testid="class-palette"
          onChange={(e) => onChange({ palette: e.target.value })}
        >
          <option value="">{t('classes.paletteDefault')}</option>
          {palettes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}
            </option>
          ))}
        </select>
      </div>
      {state.method === 'manual' && (
        <div className="control">
          <label htmlFor={`${id}-breaks`}>{t('classes.breaks')}</label>
          <input
            id={`${id}-breaks`}
            type="text"
            inputMode="decimal"
            value={breaksText}
            data-testid="class-breaks"
            aria-describedby={`${id}-breaks-hint`}
            onChange={(e) => setBreaksText(e.target.value)}
            onBlur={() => {
              const nums = parseBreaks(breaksText);
              if (nums) onChange({ manual: nums });
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              const nums = parseBreaks(breaksText);
              if (nums) onChange({ manual: nums });
            }}
          />
          <span className="hint" id={`${id}-breaks-hint`}>
            {t('classes.breaksHint', { max: state.classes - 1 })}
          </span>
        </div>
      )}
      <div className="control">
        <label className="check">
          <input
            type="checkbox"
            checked={state.fixed}
            data-testid="class-fixed"
            onChange={(e) => onChange({ fixed: e.target.checked })}
          />
          {t('classes.fixed')}
        </label>
      </div>
      <div className="control">
        <label htmlFor={`${id}-measure`}>{t('classes.measure')}</label>
        <select
          id={`${id}-measure`}
          value={isRate ? state.measure : 'rate'}
          disabled={!isRate}
          data-testid="measure"
          onChange={(e) => onChange({ measure: e.target.value as Measure })}
        >
          <option value="rate">{t(isRate ? 'classes.measures.rate' : 'classes.measures.value')}</option>
          <option value="count">{t('classes.measures.count')}</option>
          <option value="smoothed">{t('classes.measures.smoothed')}</option>
        </select>
      </div>
      {problem && (
        <p className="hint warn" role="status" data-testid="class-problem">
          {t('classes.problem', { message: problem })}
        </p>
      )}
    </fieldset>
  );
}
