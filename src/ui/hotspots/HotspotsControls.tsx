/** The hotspots view's settings form: every control labelled and reachable by keyboard. */
import { useTranslation } from 'react-i18next';
import { fitDisplay, fitWeights, MAX_PERMUTATIONS, type HotspotSettings } from './settings';

interface Props {
  settings: HotspotSettings;
  years: readonly number[];
  year: number | null;
  onChange: (patch: Partial<HotspotSettings>) => void;
}

interface Choice {
  value: string;
  label: string;
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (v: string) => void;
}) {
  return (
    <div className="control">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Reads a whole number from a field; ignores anything else (the field keeps what was typed). */
function wholeNumber(text: string, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

/** The settings form. */
export function HotspotsControls({ settings, years, year, onChange }: Props) {
  const { t } = useTranslation();
  const s = settings;
  const weights =
    s.unit === 'schools'
      ? [
          { value: 'knn', label: t('hotspots.weightsKnn') },
          { value: 'distance', label: t('hotspots.weightsDistance') },
        ]
      : [
          { value: 'queen', label: t('hotspots.weightsQueen') },
          { value: 'rook', label: t('hotspots.weightsRook') },
        ];
  return (
    <form
      className="controls hotspots-controls"
      aria-label={t('hotspots.controls')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Select
        id="hs-unit"
        label={t('hotspots.unit')}
        value={s.unit}
        choices={[
          { value: 'municipality', label: t('hotspots.unitMunicipality') },
          { value: 'schools', label: t('hotspots.unitSchools') },
        ]}
        onChange={(v) => {
          const unit = v as HotspotSettings['unit'];
          onChange({
            unit,
            weights: fitWeights(unit, s.weights),
            display: fitDisplay(unit, s.display),
          });
        }}
      />
      <Select
        id="hs-method"
        label={t('hotspots.method')}
        value={s.method}
        choices={[
          { value: 'gistar', label: t('hotspots.methodGistar') },
          { value: 'moran', label: t('hotspots.methodMoran') },
        ]}
        onChange={(v) => onChange({ method: v as HotspotSettings['method'] })}
      />
      <Select
        id="hs-weights"
        label={t('hotspots.weights')}
        value={s.weights}
        choices={weights}
        onChange={(v) => onChange({ weights: v as HotspotSettings['weights'] })}
      />
      <Select
        id="hs-level"
        label={t('hotspots.level')}
        value={s.level}
        choices={[
          { value: 'all', label: t('hotspots.levelAll') },
          { value: 'basic', label: t('hotspots.levelBasic') },
          { value: 'upper_secondary', label: t('hotspots.levelUpper') },
        ]}
        onChange={(v) => onChange({ level: v as HotspotSettings['level'] })}
      />
      <Select
        id="hs-year"
        label={t('hotspots.year')}
        value={String(year ?? '')}
        choices={years.map((y) => ({ value: String(y), label: String(y) }))}
        onChange={(v) => onChange({ year: Number(v) })}
      />
      <Select
        id="hs-correction"
        label={t('hotspots.correction')}
        value={s.correction}
        choices={[
          { value: 'none', label: t('hotspots.correctionNone') },
          { value: 'bonferroni', label: t('hotspots.correctionBonferroni') },
          { value: 'fdr', label: t('hotspots.correctionFdr') },
        ]}
        onChange={(v) => onChange({ correction: v as HotspotSettings['correction'] })}
      />
      <div className="control">
        <label htmlFor="hs-permutations">{t('hotspots.permutations')}</label>
        <input
          id="hs-permutations"
          type="number"
          min={0}
          max={MAX_PERMUTATIONS}
          step={1}
          defaultValue={s.permutations}
          key={`p${s.permutations}`}
          onBlur={(e) => {
            const n = wholeNumber(e.target.value, MAX_PERMUTATIONS);
            if (n !== null && n !== s.permutations) onChange({ permutations: n });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </div>
      <div className="control">
        <label htmlFor="hs-seed">{t('hotspots.seed')}</label>
        <input
          id="hs-seed"
          type="number"
          min={0}
          step={1}
          defaultValue={s.seed}
          key={`s${s.seed}`}
          onBlur={(e) => {
            const n = wholeNumber(e.target.value, 4_294_967_295);
            if (n !== null && n !== s.seed) onChange({ seed: n });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </div>
      <Select
        id="hs-display"
        label={t('hotspots.display')}
        value={s.display}
        choices={[
          { value: 'year', label: t('hotspots.displayYear') },
          s.unit === 'schools'
            ? { value: 'rates', label: t('hotspots.displayRates') }
            : { value: 'persistence', label: t('hotspots.displayPersistence') },
        ]}
        onChange={(v) => onChange({ display: v as HotspotSettings['display'] })}
      />
    </form>
  );
}
