/**
 * The case explorer (issue 15): record-level cases cross-filtered. A map of cases by municipality and linked
 * charts of case type, referral source, age band, sex and month, a ranked list of municipalities; a click or a
 * brush on any of them filters all the others. Every count is shown perturbed (cell-key) and never below k.
 * Cut as a client: ./useCasesView asks the engine, ./useCasesProps builds the props, ./CasesLayout draws.
 */
import { useTranslation } from 'react-i18next';
import { startText } from '../engine-progress';
import type { ViewContext } from '../views';
import { CasesLayout } from './CasesLayout';
import { useCasesProps } from './useCasesProps';
import { useCasesView } from './useCasesView';
import './cases.css';

/** The case explorer. */
export default function CasesView(ctx: ViewContext) {
  const { t } = useTranslation();
  const data = useCasesView(ctx);
  const props = useCasesProps(data, ctx);
  const { status } = ctx;
  if (data.error)
    return (
      <p className="cases-message" role="alert" data-testid="cases-error">
        {t('cases.error', { message: data.error })}
      </p>
    );
  if (data.info === null)
    return (
      <section className="cases-message" data-testid="cases-none" aria-labelledby="cases-none-title">
        <h2 id="cases-none-title">{t('cases.noneTitle')}</h2>
        <p>{t('cases.none')}</p>
      </section>
    );
  if (data.info === undefined)
    return (
      <p className="cases-message" role="status" data-testid="cases-loading">
        {status.state === 'starting' ? startText(t, status.progress) : t('cases.loading')}
      </p>
    );
  return <CasesLayout data={data} info={data.info} props={props} ctx={ctx} />;
}
