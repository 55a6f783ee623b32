/**
 * What the explorer says about its counts: perturbed by the cell-key method and never below k (always), that
 * the demo's records are synthetic (or that the records are on the server the page came from), and, on the user's own records only, the switch that turns perturbation
 * off, with a warning while it is off.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasesInfo } from '../../engine/cases-types';

interface Props {
  info: CasesInfo;
  k: number;
  /** Perturbation as it applies (always on for the demo's records). */
  perturb: boolean;
  onPerturb: (on: boolean) => void;
}

/** The disclosure note, the demo label and the perturbation switch. */
export function CasesDisclosure({ info, k, perturb, onPerturb }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="cases-disclosure">
      <p className="hint" data-testid="cases-privacy">
        {t('cases.privacy', { k })}
      </p>
      {info.source === 'demo' && (
        <p className="hint cases-demo" data-testid="cases-demo">
          {t('cases.demo')}
        </p>
      )}
      {info.source === 'server' && (
        <p className="hint cases-demo" data-testid="cases-server">
          {t('cases.server')}
        </p>
      )}
      {info.source === 'own' && (
        <p className="cases-perturb">
          <input
            id={id}
            type="checkbox"
            checked={!perturb}
            onChange={(e) => onPerturb(!e.target.checked)}
            data-testid="cases-perturb"
          />{' '}
          <label htmlFor={id}>{t('cases.perturbOff')}</label>
        </p>
      )}
      {info.source === 'own' && !perturb && (
        <p role="alert" className="cases-warning" data-testid="cases-perturb-warning">
          {t('cases.perturbWarning', { k })}
        </p>
      )}
    </div>
  );
}
