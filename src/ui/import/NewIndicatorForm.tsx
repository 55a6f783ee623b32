/**
 * A new indicator defined in the app, for a file that brings one the catalog lacks: id, names and units in
 * both languages, how it adds up, its scale, whether higher is worse, whether it is sensitive, and whether
 * the map shows it once loaded. It joins the catalog as a catalog file's indicators do.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorMeta } from '../../engine/schema';
import { formErrors, indicatorOfForm, type IndicatorForm } from './mapping-draft';

interface Props {
  /** The name the file uses, to start from (empty for a table that names none). */
  name: string;
  suggestedId: string;
  taken: ReadonlySet<string>;
  file: string;
  onAdd: (meta: IndicatorMeta, show: boolean) => void;
  onCancel: () => void;
}

type TextField = 'id' | 'labelEn' | 'labelSq' | 'unitEn' | 'unitSq';
const TEXT_FIELDS: TextField[] = ['id', 'labelEn', 'labelSq', 'unitEn', 'unitSq'];

/** The form. */
export function NewIndicatorForm({ name, suggestedId, taken, file, onAdd, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<IndicatorForm>({
    id: suggestedId,
    labelEn: name,
    labelSq: name,
    unitEn: '',
    unitSq: '',
    aggregation: 'sum',
    scale: 1,
    higherIsWorse: true,
    sensitive: false,
    show: true,
  });
  const [tried, setTried] = useState(false);
  const errors = formErrors(form, taken);
  const set = (change: Partial<IndicatorForm>) => setForm((f) => ({ ...f, ...change }));
  const add = () => {
    setTried(true);
    if (errors.id || errors.label) return;
    const source = {
      en: t('mapping.new.source', { file, lng: 'en' }),
      sq: t('mapping.new.source', { file, lng: 'sq' }),
    };
    onAdd(indicatorOfForm(form, source), form.show);
  };
  const error = (field: TextField) =>
    field === 'id' ? errors.id : field === 'labelEn' || field === 'labelSq' ? errors.label : undefined;
  const check = (key: 'higherIsWorse' | 'sensitive' | 'show') => (
    <label className="keep">
      <input type="checkbox" checked={form[key]} onChange={(e) => set({ [key]: e.target.checked })} />{' '}
      {t(`mapping.new.${key}`)}
    </label>
  );
  return (
    <fieldset className="mapping-new" data-testid="mapping-new">
      <legend>{t('mapping.new.title')}</legend>
      <p className="hint">{t('mapping.new.intro')}</p>
      <div className="mapping-grid">
        {TEXT_FIELDS.map((f) => {
          const bad = tried && error(f) !== undefined;
          return (
            <div className="mapping-field" key={f}>
              <label htmlFor={`${id}-${f}`}>{t(`mapping.new.${f}`)}</label>
              <input
                id={`${id}-${f}`}
                type="text"
                data-testid={`mapping-new-${f}`}
                value={form[f]}
                aria-invalid={bad}
                aria-describedby={bad ? `${id}-${f}-error` : undefined}
                onChange={(e) => set({ [f]: e.target.value })}
              />
              {bad && (
                <p className="field-error" id={`${id}-${f}-error`}>
                  {t(`mapping.new.${error(f)!}`)}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <fieldset className="mapping-choice">
        <legend>{t('mapping.new.aggregation')}</legend>
        {(['sum', 'ratio'] as const).map((a) => (
          <label className="keep" key={a}>
            <input
              type="radio"
              name={`${id}-agg`}
              value={a}
              checked={form.aggregation === a}
              onChange={() =>
                set({ aggregation: a, scale: a === 'sum' ? 1 : form.scale === 1 ? 100 : form.scale })
              }
            />{' '}
            {t(`mapping.new.${a}`)}
          </label>
        ))}
      </fieldset>
      <div className="mapping-field">
        <label htmlFor={`${id}-scale`}>{t('mapping.new.scale')}</label>
        <select
          id={`${id}-scale`}
          value={String(form.scale)}
          disabled={form.aggregation === 'sum'}
          onChange={(e) => set({ scale: Number(e.target.value) as IndicatorForm['scale'] })}
        >
          {[1, 100, 1000].map((s) => (
            <option key={s} value={String(s)}>
              {t(`mapping.new.scale${s}`)}
            </option>
          ))}
        </select>
      </div>
      {check('higherIsWorse')}
      {check('sensitive')}
      {check('show')}
      <div className="actions">
        <button type="button" className="primary" data-testid="mapping-new-add" onClick={add}>
          {t('mapping.new.add')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('mapping.new.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
