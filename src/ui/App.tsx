/** Loads the first screen's small files, then shows the dashboard; a failed load says why, never blank. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadStaticData, type StaticData } from '../engine/static';
import type { Lang } from '../i18n';
import type { AtlasState, Store } from '../state/store';
import { bindUrl } from '../state/url';
import { Dashboard } from './Dashboard';
import { ErrorBoundary } from '../common/ErrorBoundary';

interface Props {
  store: Store;
  onLang: (lang: Lang) => void;
  /** What the link that opened the app asked for. */
  fromUrl: Partial<AtlasState>;
}

/** The application root. */
export function App({ store, onLang, fromUrl }: Props) {
  const { t } = useTranslation();
  const [data, setData] = useState<StaticData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadStaticData().then(
      (d) => {
        // A link's indicator and years hold when the data has them; otherwise the catalog's defaults.
        const { catalog } = d;
        const inRange = (y: number | undefined) =>
          y !== undefined && y >= catalog.years.first && y <= catalog.years.last;
        store.set({
          indicator: catalog.indicators.some((i) => i.id === fromUrl.indicator)
            ? fromUrl.indicator!
            : catalog.defaultIndicator,
          year: inRange(fromUrl.year) ? fromUrl.year! : catalog.defaultYear,
          year2: inRange(fromUrl.year2) ? fromUrl.year2! : catalog.years.first,
        });
        setData(d);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [store, fromUrl]);
  useEffect(() => (data ? bindUrl(store) : undefined), [data, store]);
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
