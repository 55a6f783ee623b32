/**
 * How the new units are limited: "Limit by: number of new units | budget". With a budget: the budget and the
 * cost per new unit (EUR per year), checked as typed (a bad entry shows why and leaves the settings as they
 * were), and an optional costs file (lau_code,cost) read by the import reader in its worker; a bad file says
 * which file, row and column, what was expected and how to fix it, and the previous costs stay.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CostsFileError, type CostProblem } from '../../analysis/planning/costs';
import { formatNumber, type Lang } from '../../i18n';
import { amountText, checkBudget, checkUnitCost, parseAmount, type Checked } from './budget';
import { budgetMax, type BudgetSettings } from './settings';

interface Props {
  lang: Lang;
  value: BudgetSettings;
  onChange: (b: BudgetSettings) => void;
  /** lau_codes of the municipalities (a costs file may name only these). */
  known: ReadonlySet<string>;
}

/** Reads a costs file off the main thread with the import reader; throws CostsFileError. */
async function readCostsFile(file: File, known: ReadonlySet<string>): Promise<Map<string, number>> {
  const [{ readInWorker }, { costsFromRead }] = await Promise.all([
    import('../../import/read-client'),
    import('../../import/costs-file'),
  ]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return costsFromRead(file.name, await readInWorker({ name: file.name, bytes }), known);
}

/** One amount input: a draft the person types, taken when it checks out. */
function Amount(props: {
  id: string;
  label: string;
  value: number;
  lang: Lang;
  check: (text: string) => Checked;
  onValue: (x: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { value, lang } = props;
  const [draft, setDraft] = useState(() => amountText(value, lang));
  const [error, setError] = useState<string | null>(null);
  // A change from elsewhere (a loaded scenario, a clamped budget, the language) replaces the draft; the
  // person's own typing ("180,000" taken as 180000) stays as typed.
  const typed = useRef(draft);
  useEffect(() => {
    if (parseAmount(typed.current, lang) === value) return;
    typed.current = amountText(value, lang);
    setDraft(typed.current);
    setError(null);
  }, [value, lang]);
  const onText = (text: string) => {
    typed.current = text;
    setDraft(text);
    const c = props.check(text);
    if ('error' in c) {
      const values = Object.fromEntries(
        Object.entries(c.values ?? {}).map(([k, v]) => [k, formatNumber(v, lang, 0)]),
      );
      setError(t(`planner.budget.${c.error}`, values));
    } else {
      setError(null);
      if (c.value !== value) props.onValue(c.value);
    }
  };
  return (
    <div className="control">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={draft}
        onChange={(e) => onText(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${props.id}-error` : undefined}
        data-testid={props.testId}
      />
      {error && (
        <p className="view-error" id={`${props.id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The limit controls (mode, budget, cost per unit, costs file). */
export function BudgetPanel({ lang, value, onChange, known }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<CostProblem | string | null>(null);
  const [reading, setReading] = useState(false);
  const fmt = (v: number) => formatNumber(v, lang, 0);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      const costs = Object.fromEntries(await readCostsFile(file, known));
      const next = { ...value, costs, costsFile: file.name.slice(0, 80) };
      onChange({ ...next, budget: Math.min(next.budget, budgetMax(next)) });
      setProblem(null);
    } catch (err) {
      setProblem(
        err instanceof CostsFileError ? err.problem : err instanceof Error ? err.message : String(err),
      );
    } finally {
      setReading(false);
    }
  };
  const problemText = (p: CostProblem | string) =>
    typeof p === 'string'
      ? t('planner.costs.failed', { message: p })
      : `${t(`planner.costs.error.${p.code}`, { file: p.file, row: p.row, column: p.column, found: p.found || t('planner.costs.emptyCell') })}${p.detail ? ` (${p.detail})` : ''} ${t(`planner.costs.fix.${p.code}`)}`;

  return (
    <div className="budget-panel">
      <fieldset className="limit-mode">
        <legend>{t('planner.budget.limitBy')}</legend>
        {(['k', 'budget'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
              data-testid={`planner-limit-${mode}`}
            />{' '}
            {t(`planner.budget.mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      {value.mode === 'budget' && (
        <>
          <div className="siting-controls">
            <Amount
              id={`${id}-b`}
              label={t('planner.budget.budget')}
              value={value.budget}
              lang={lang}
              check={(text) => checkBudget(text, value, lang)}
              onValue={(budget) => onChange({ ...value, budget })}
              testId="planner-budget"
            />
            <Amount
              id={`${id}-c`}
              label={t('planner.budget.unitCost')}
              value={value.unitCost}
              lang={lang}
              check={(text) => checkUnitCost(text, lang)}
              onValue={(unitCost) => {
                const next = { ...value, unitCost };
                onChange({ ...next, budget: Math.min(next.budget, budgetMax(next)) });
              }}
              testId="planner-unit-cost"
            />
          </div>
          <p className="hint">{t('planner.budget.hint', { max: fmt(budgetMax(value)) })}</p>
          <div className="control">
            <label htmlFor={`${id}-f`}>{t('planner.costs.label')}</label>
            <input
              id={`${id}-f`}
              type="file"
              accept=".csv,.txt,.parquet,text/csv"
              disabled={reading}
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid="planner-costs-file"
            />
          </div>
          {value.costs && (
            <p className="hint" data-testid="planner-costs-status">
              {t('planner.costs.loaded', {
                count: Object.keys(value.costs).length,
                file: value.costsFile ?? '',
                cost: fmt(value.unitCost),
              })}{' '}
              <button
                type="button"
                onClick={() => {
                  onChange({ ...value, costs: null, costsFile: null });
                  setProblem(null);
                }}
              >
                {t('planner.costs.remove')}
              </button>
            </p>
          )}
          {problem !== null && (
            <p className="view-error" role="alert" data-testid="planner-costs-error">
              {problemText(problem)} {value.costs ? t('planner.costs.kept') : t('planner.costs.keptDefault')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
