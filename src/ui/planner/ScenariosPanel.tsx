/**
 * Saved scenarios: name and save the current settings with their result, load one back, export it as CSV,
 * and pick two to compare. Everything lives in the URL (the view encodes it), so a link carries them.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Lang } from '../../i18n';
import { SCENARIO_LIMIT, type Scenario } from './settings';

interface Props {
  lang: Lang;
  scenarios: readonly Scenario[];
  compare: [number, number] | null;
  canSave: boolean;
  onSave: (name: string) => void;
  onLoad: (i: number) => void;
  onDelete: (i: number) => void;
  onCsv: (i: number) => void;
  onCompare: (pair: [number, number] | null) => void;
}

/** The scenario list and its actions. */
export function ScenariosPanel(props: Props) {
  const { scenarios, compare, lang } = props;
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [a, setA] = useState(compare?.[0] ?? 0);
  const [b, setB] = useState(compare?.[1] ?? 1);
  const full = scenarios.length >= SCENARIO_LIMIT;
  const save = () => {
    const n = name.trim() || t('planner.scenarios.defaultName', { n: scenarios.length + 1 });
    props.onSave(n);
    setName('');
  };
  return (
    <section className="planner-scenarios" aria-labelledby="planner-scenarios-title">
      <h2 id="planner-scenarios-title">{t('planner.scenarios.title')}</h2>
      <form
        className="scenario-save"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="control">
          <label htmlFor={`${id}-name`}>{t('planner.scenarios.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('planner.scenarios.defaultName', { n: scenarios.length + 1 })}
            data-testid="planner-scenario-name"
          />
        </div>
        <button type="submit" disabled={!props.canSave || full} data-testid="planner-scenario-save">
          {t('planner.scenarios.save')}
        </button>
        {full && <span className="hint">{t('planner.scenarios.full', { n: SCENARIO_LIMIT })}</span>}
      </form>
      {scenarios.length === 0 ? (
        <p className="hint">{t('planner.scenarios.none')}</p>
      ) : (
        <ul className="scenario-list" data-testid="planner-scenarios">
          {scenarios.map((s, i) => (
            <li key={`${i}-${s.name}`}>
              <span className="scenario-name">{s.name}</span>{' '}
              <span className="hint">
                {t(
                  s.budget.mode === 'budget' ? 'planner.budget.scenarioSummary' : 'planner.scenarios.summary',
                  {
                    year: s.year,
                    k: s.k,
                    budget: formatNumber(s.budget.budget, lang, 0),
                    catchment: s.catchment,
                    sites: s.result ? s.result.sites.length : 0,
                  },
                )}
              </span>
              <span className="scenario-actions">
                <button
                  type="button"
                  onClick={() => props.onLoad(i)}
                  aria-label={t('planner.scenarios.loadNamed', { name: s.name })}
                >
                  {t('planner.scenarios.load')}
                </button>
                <button
                  type="button"
                  onClick={() => props.onCsv(i)}
                  aria-label={t('planner.scenarios.csvNamed', { name: s.name })}
                >
                  {t('planner.scenarios.csv')}
                </button>
                <button
                  type="button"
                  onClick={() => props.onDelete(i)}
                  aria-label={t('planner.scenarios.deleteNamed', { name: s.name })}
                >
                  {t('planner.scenarios.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {scenarios.length >= 2 && (
        <div className="scenario-compare">
          <div className="control">
            <label htmlFor={`${id}-a`}>{t('planner.compare.a')}</label>
            <select
              id={`${id}-a`}
              value={a}
              onChange={(e) => setA(Number(e.target.value))}
              data-testid="planner-compare-a"
            >
              {scenarios.map((s, i) => (
                <option key={i} value={i}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="control">
            <label htmlFor={`${id}-b`}>{t('planner.compare.b')}</label>
            <select
              id={`${id}-b`}
              value={b}
              onChange={(e) => setB(Number(e.target.value))}
              data-testid="planner-compare-b"
            >
              {scenarios.map((s, i) => (
                <option key={i} value={i}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            disabled={a === b || a >= scenarios.length || b >= scenarios.length}
            onClick={() => props.onCompare([a, b])}
            data-testid="planner-compare"
          >
            {t('planner.compare.show')}
          </button>
          {compare && (
            <button type="button" onClick={() => props.onCompare(null)}>
              {t('planner.compare.close')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
