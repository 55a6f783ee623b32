/**
 * The offer to reload when a newer version of the Atlas has been deployed and its service worker is
 * waiting. Non-blocking (a status bar over the page's corner, nothing behind it is covered by a backdrop and
 * no focus is moved); "Reload" lets the new worker take over and reloads the page, "Later" hides the offer
 * for this page (the new version then starts with the next visit after every tab of the Atlas is closed).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerServiceWorker, type ApplyUpdate } from './register';
import './pwa.css';

/** The update banner; registers the service worker (in production builds, after the first map). */
export function UpdateBanner() {
  const { t } = useTranslation();
  const [apply, setApply] = useState<ApplyUpdate | null>(null);
  const [reloading, setReloading] = useState(false);
  useEffect(() => registerServiceWorker((next) => setApply(() => next)), []);
  // The live region is always there, so that what appears in it is announced.
  return (
    <div className="update-banner" role="status" data-testid="update-banner" data-open={apply !== null}>
      {apply && (
        <>
          <p>
            <strong>{t('pwa.update')}</strong> {t('pwa.updateHint')}
          </p>
          <div className="update-actions">
            <button
              type="button"
              className="primary"
              disabled={reloading}
              onClick={() => {
                setReloading(true);
                void apply();
              }}
            >
              {t('pwa.reload')}
            </button>
            <button type="button" onClick={() => setApply(null)}>
              {t('pwa.later')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
