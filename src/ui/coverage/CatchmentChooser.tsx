/**
 * The catchment model a user chooses: the municipality itself (the default, {@link DEFAULT_CATCHMENT}), plus
 * the municipalities sharing a border, or a distance radius in km, with one line saying what the chosen model
 * means. It only writes the catchment code to the state (and so to the URL).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATCHMENT, parseCatchment, RADIUS_KM, type Catchment } from '../../analysis/catchment';

/** Radius offered when a user first switches to the distance model. */
const DEFAULT_KM = 25;

interface Props {
  /** The current catchment code ('self', 'border', '25km'). */
  code: string;
  onChange: (code: string) => void;
}

function parsed(code: string): Catchment {
  try {
    return parseCatchment(code);
  } catch {
    return parseCatchment(DEFAULT_CATCHMENT);
  }
}

/** Three radio buttons, a km field and the chosen model in words. */
export function CatchmentChooser({ code, onChange }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const kmId = useId();
  const explainId = useId();
  const current = parsed(code);
  const [km, setKm] = useState(current.kind === 'radius' ? current.km : DEFAULT_KM);
  const shownKm = current.kind === 'radius' ? current.km : km;
  const explain =
    current.kind === 'radius'
      ? t('coverage.catchment.explain.radius', { km: current.km })
      : t(`coverage.catchment.explain.${current.kind}`);
  const option = (kind: Catchment['kind'], label: string) => (
    <label className="coverage-option">
      <input
        type="radio"
        name={name}
        value={kind}
        checked={current.kind === kind}
        data-testid={`catchment-${kind}`}
        onChange={() => onChange(kind === 'radius' ? `${shownKm}km` : kind)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="control coverage-catchment" aria-describedby={explainId}>
      <legend>{t('coverage.catchment.label')}</legend>
      {option('self', t('coverage.catchment.self'))}
      {option('border', t('coverage.catchment.border'))}
      <span className="coverage-radius">
        {option('radius', t('coverage.catchment.radius'))}
        <input
          id={kmId}
          type="number"
          min={RADIUS_KM.min}
          max={RADIUS_KM.max}
          step={1}
          value={shownKm}
          aria-label={t('coverage.catchment.km', { min: RADIUS_KM.min, max: RADIUS_KM.max })}
          data-testid="catchment-km"
          onChange={(e) => {
            const next = Math.round(Number(e.target.value));
            if (!(next >= RADIUS_KM.min && next <= RADIUS_KM.max)) return;
            setKm(next);
            if (current.kind === 'radius') onChange(`${next}km`);
          }}
        />
        <span aria-hidden="true">{t('coverage.catchment.kmUnit')}</span>
      </span>
      <p id={explainId} className="hint coverage-explain" data-testid="catchment-explain">
        {explain}
      </p>
    </fieldset>
  );
}
