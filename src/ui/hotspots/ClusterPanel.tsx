/**
 * The side panel under the legend: what to select, or the dropout trend of the hot-spot cluster around the
 * selected municipality against Albania (a lazy recharts chunk, drawn once the engine answers).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import type { DropoutTrendPoint } from '../../engine/engine-schools';
import type { Lang } from '../../i18n';
import type { UnitLevel } from './settings';

const ClusterTrend = lazy(() => import('./ClusterTrend'));

interface Props {
  unit: UnitLevel;
  /** The selected municipality's name, or null. */
  selectedName: string | null;
  /** The municipality codes of the cluster around the selection (empty when it is not hot). */
  cluster: readonly string[];
  trend: readonly DropoutTrendPoint[] | null;
  lang: Lang;
  k: number;
}

/** The selection panel. */
export function ClusterPanel({ unit, selectedName, cluster, trend, lang, k }: Props) {
  const { t } = useTranslation();
  return (
    <section className="selection" aria-live="polite">
      {unit === 'schools' ? (
        <p className="hint">{t('hotspots.schoolsNoTrend')}</p>
      ) : !selectedName ? (
        <p className="hint">{t('hotspots.trendPick')}</p>
      ) : cluster.length === 0 ? (
        <p className="hint">{t('hotspots.trendNotHot', { name: selectedName })}</p>
      ) : (
        <>
          <h2>{t('hotspots.trendTitle', { name: selectedName })}</h2>
          {trend && (
            <ErrorBoundary>
              <Suspense fallback={null}>
                <ClusterTrend
                  points={trend}
                  clusterName={t('hotspots.trendCluster', { count: cluster.length })}
                  nationalName={t('hotspots.trendNational')}
                  caption={t('hotspots.trendCaption')}
                  lang={lang}
                  k={k}
                />
              </Suspense>
            </ErrorBoundary>
          )}
        </>
      )}
    </section>
  );
}
