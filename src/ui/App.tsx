/** Loads the first screen's small files, then shows the dashboard; a failed load says why, never blank. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadStaticData, type StaticData } from '../data/static';
import type { Lang } from '../i18n';
import type { Store } from '../state/store';
import { Dashboard } from './Dashboard';
import { ErrorBoundary } from './ErrorBoundary';

interface Props {
  store: Store;
  onLang: (lang: Lang) => void;
}

/** The application root. */
export function App({ store, onLang }: Props) {
  const { t } = useTranslation();
  const [data, setData] = useState<StaticData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadStaticData().then(
      (d) => {
        store.set({ indicator: d.catalog.defaultIndicator, year: d.catalog.defaultYear });
        setData(d);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [store]);
  if (error) {
    return (
      <p role="alert" className="view-error">
        {t('error.startup', { message: error })}
      </p>
    );
  }
  if (!data) return <p className="loading">{t('app.title')}…</p>;
  return (
    <ErrorBoundary>
      <Dashboard data={data} store={store} onLang={onLang} />
    </ErrorBoundary>
  );
}
