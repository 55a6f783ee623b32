/**
 * The hotspots view (issue 6): where school dropout clusters. Settings live in `state.hotspots` (the URL);
 * the engine gives the analysis input, the worker runs the statistics, and the view draws the classes (or
 * the persistence patterns, or the schools' rates), a legend naming the correction, a table alternative and
 * the trend of a selected hot-spot cluster against Albania.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clusterAround } from '../../analysis/spatial/persistence';
import type { HotspotClass, HotspotResult } from '../../analysis/spatial/run';
import type { DropoutTrendPoint } from '../../engine/engine-schools';
import { formatNumber } from '../../i18n';
import { MapPanel } from '../../map/MapPanel';
import type { MapPoint } from '../../map/points';
import type { Rgb } from '../../map/scale';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import type { ViewContext } from '../views';
import {
  CLASS_COLOR,
  GI_CLASSES,
  LISA_CLASSES,
  NOT_ANALYSED,
  PERSISTENCE_COLOR,
  RATE_COLORS,
  rateColor,
} from './colors';
import { HotspotsControls } from './HotspotsControls';
import { formatStat, HotspotsLegend, type LegendRow } from './HotspotsLegend';
import { HotspotsTable, type TableRow } from './HotspotsTable';
import { decodeSettings, encodeSettings, type HotspotSettings } from './settings';
import { useHotspots, usePersistence, useSchoolYears } from './useHotspots';
import { PERSISTENCE_CLASSES } from '../../analysis/spatial/persistence';

const ClusterTrend = lazy(() => import('./ClusterTrend'));

/** Inner limits (%) of the school dropout-rate classes. */
const RATE_BREAKS = [1, 2, 4, 8];

const isHot = (c: HotspotClass | undefined) => c === 'hot99' || c === 'hot95' || c === 'hot90' || c === 'HH';

/** The hotspots view. */
export default function HotspotsView({
  store,
  state,
  status,
  dataset,
  neighbours,
  municipalities,
}: ViewContext) {
  const { t } = useTranslation();
  const { lang, k } = state;
  const settings = useMemo(() => decodeSettings(state.hotspots), [state.hotspots]);
  const update = useCallback(
    (patch: Partial<HotspotSettings>) =>
      store.set({ hotspots: encodeSettings({ ...decodeSettings(store.get().hotspots), ...patch }) }),
    [store],
  );
  const years = useSchoolYears(status, dataset.version);
  const year =
    years && years.length > 0 ? (years.includes(settings.year) ? settings.year : years.at(-1)!) : null;
  const hotspots = useHotspots(status, settings, year, dataset.boundaries, k, dataset.version);
  const { analysis } = hotspots;
  const showPersistence = settings.unit === 'municipality' && settings.display === 'persistence';
  const persisted = usePersistence(status, settings, showPersistence, dataset.boundaries, dataset.version);
  const persistence = persisted.result;
  const pending = hotspots.pending || (showPersistence && persisted.pending);
  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);

  const ready = analysis.state === 'ready' && analysis.unit === settings.unit ? analysis : null;
  const result: HotspotResult | null = ready?.result ?? null;
  const classOf = useMemo(() => {
    const map = new Map<string, HotspotClass>();
    result?.ids.forEach((id, i) => map.set(id, result.classes[i]!));
    return map;
  }, [result]);
  const patternOf = useMemo(
    () => new Map(persistence?.ids.map((id, i) => [id, persistence.classes[i]!]) ?? []),
    [persistence],
  );
  const rateOf = useMemo(() => new Map(ready?.municipalities.map((m) => [m.lau_code, m]) ?? []), [ready]);

  const clsLabel = (c: HotspotClass) => t(`hotspots.cls.${c}`);
  const correctionName = t(
    settings.correction === 'fdr'
      ? 'hotspots.correctionFdr'
      : settings.correction === 'bonferroni'
        ? 'hotspots.correctionBonferroni'
        : 'hotspots.correctionNone',
  );

  // The map.
  const fill = useCallback(
    (lau: string): Rgb => {
      if (settings.unit === 'schools') return NOT_ANALYSED;
      if (showPersistence) {
        const p = patternOf.get(lau);
        return p ? PERSISTENCE_COLOR[p] : NOT_ANALYSED;
      }
      const c = classOf.get(lau);
      return c ? CLASS_COLOR[c] : NOT_ANALYSED;
    },
    [settings.unit, showPersistence, patternOf, classOf],
  );
  const points = useMemo((): MapPoint[] | undefined => {
    if (settings.unit !== 'schools' || !ready || !result) return undefined;
    const classes = new Map(result.ids.map((id, i) => [id, result.classes[i]!]));
    return ready.schools.map((s) => {
      const c = classes.get(s.school_id) ?? 'ns';
      const lauName = byLau.get(s.lau_code)?.name ?? s.lau_code;
      // Enrolment is a count of children too: 1 to k-1 is never shown.
      const pupils = s.enrolled >= 1 && s.enrolled < k ? `<${k}` : formatNumber(s.enrolled, lang, 0);
      return {
        id: s.school_id,
        lon: s.lon,
        lat: s.lat,
        color: settings.display === 'rates' ? rateColor(s.rate, RATE_BREAKS) : CLASS_COLOR[c],
        radius: 1.5 + Math.sqrt(s.enrolled) / 7,
        label: s.school_id,
        detail: s.suppressed
          ? t('hotspots.schoolTipHidden', { lau: lauName, pupils, k, cls: clsLabel(c) })
          : t('hotspots.schoolTip', {
              lau: lauName,
              pupils,
              rate: formatNumber(s.rate ?? 0, lang, 1),
              cls: clsLabel(c),
            }),
      };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.unit, settings.display, ready, result, byLau, lang, k, t]);
  // Names the data on screen (not the request on its way): the map keeps the last result while a new one runs.
  const dataKey =
    ready && hotspots.key
      ? `hotspots|${hotspots.key}|${settings.display}|${showPersistence && persistence ? persistence.years.join('') + persisted.pending : ''}`
      : null;
  const describe = useCallback(
    (lau: string) => {
      const m = byLau.get(lau);
      const rate = rateOf.get(lau);
      const rateText = rate
        ? rate.suppressed
          ? `<${k}`
          : rate.rate === null
            ? '–'
            : `${formatNumber(rate.rate, lang, 2)} %`
        : '–';
      const what = showPersistence
        ? t(`hotspots.pattern.${patternOf.get(lau) ?? 'none'}`)
        : settings.unit === 'schools'
          ? ''
          : clsLabel(classOf.get(lau) ?? 'ns');
      return {
        name: m?.name ?? lau,
        county: m?.qark_name ?? '',
        value: what ? `${what} · ${rateText}` : rateText,
      };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [byLau, rateOf, k, lang, showPersistence, patternOf, settings.unit, classOf, t],
  );
  const onSelect = useCallback((lau: string) => store.set({ selected: lau }), [store]);

  // The legend.
  const legendRows = useMemo((): LegendRow[] => {
    if (showPersistence) {
      return PERSISTENCE_CLASSES.map((p) => ({
        key: p,
        label: t(`hotspots.pattern.${p}`),
        color: PERSISTENCE_COLOR[p],
        count: persistence?.classes.filter((c) => c === p).length ?? 0,
      }));
    }
    if (settings.unit === 'schools' && settings.display === 'rates') {
      const fmt = (v: number) => formatNumber(v, lang, 0);
      const bands = [0, ...RATE_BREAKS];
      const rows = bands.map((from, i) => ({
        key: `rate${i}`,
        label:
          i < RATE_BREAKS.length
            ? t('hotspots.rateBand', { from: fmt(from), to: fmt(RATE_BREAKS[i]!) })
            : t('hotspots.rateAbove', { from: fmt(from) }),
        color: RATE_COLORS[i]!,
        count:
          ready?.schools.filter((s) => s.rate !== null && rateColor(s.rate, RATE_BREAKS) === RATE_COLORS[i])
            .length ?? 0,
      }));
      return [
        ...rows,
        {
          key: 'suppressed',
          label: t('hotspots.legendSuppressed', { k }),
          color: [160, 160, 160],
          count: ready?.schools.filter((s) => s.suppressed).length ?? 0,
        },
      ];
    }
    const classes = settings.method === 'gistar' ? GI_CLASSES : LISA_CLASSES;
    return classes.map((c) => ({
      key: c,
      label: t(`hotspots.cls.${c}`),
      color: CLASS_COLOR[c],
      count: result?.classes.filter((x) => x === c).length ?? 0,
    }));
  }, [showPersistence, settings, persistence, result, ready, lang, k, t]);
  const legendTitle = showPersistence
    ? t('hotspots.legendPersistence')
    : settings.unit === 'schools' && settings.display === 'rates'
      ? t('hotspots.legendSchools')
      : settings.method === 'gistar'
        ? t('hotspots.legendGi')
        : t('hotspots.legendLisa');
  const warning =
    result && settings.correction !== 'none' && result.minAdjustedP > 0.05
      ? t('hotspots.unreachable', {
          permutations: result.permutations,
          minP: formatNumber(result.minP, lang, 4),
          correction: correctionName,
          n: result.ids.length,
          minAdj: formatNumber(result.minAdjustedP, lang, 3),
        })
      : null;
  const notes: string[] = [];
  if (result && ready) {
    notes.push(
      t('hotspots.global', {
        I: formatStat(result.global.I, lang),
        z: formatStat(result.global.z, lang, 2),
        p: formatStat(result.global.pSim ?? result.global.p, lang),
      }),
      t('hotspots.neighbours', {
        min: result.neighbours.min,
        max: result.neighbours.max,
        mean: formatNumber(result.neighbours.mean, lang, 1),
      }),
      t('hotspots.timing', {
        n: result.ids.length,
        permutations: result.permutations,
        seed: result.seed,
        ms: formatNumber(ready.ms, lang, 0),
      }),
    );
    if (result.islands.length > 0) notes.push(t('hotspots.islands', { ids: result.islands.join(', ') }));
  }
  if (showPersistence && persistence) {
    notes.push(
      t('hotspots.persistenceNote', { first: persistence.years[0], last: persistence.years.at(-1) }),
    );
  }

  // The selected cluster: connected hot units around the selection (municipalities only).
  const cluster = useMemo((): string[] => {
    if (!result || settings.unit !== 'municipality' || !state.selected) return [];
    const start = result.ids.indexOf(state.selected);
    if (start < 0) return [];
    const member = showPersistence
      ? (i: number) => {
          const p = patternOf.get(result.ids[i]!);
          return p !== undefined && p !== 'none';
        }
      : (i: number) => isHot(result.classes[i]);
    return clusterAround(start, result.links, member).map((i) => result.ids[i]!);
  }, [result, settings.unit, state.selected, showPersistence, patternOf]);
  const clusterKey = `${cluster.join(',')}|${settings.level}|${k}`;
  const [trendDone, setTrendDone] = useState<{ key: string; points: DropoutTrendPoint[] } | null>(null);
  const trend = trendDone?.key === clusterKey ? trendDone.points : null;
  useEffect(() => {
    if (status.state !== 'ready' || cluster.length === 0) return;
    let live = true;
    void status.engine
      .dropoutTrend(cluster, settings.level, k)
      .then((points) => live && setTrendDone({ key: clusterKey, points }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, clusterKey]);

  // The table.
  const table = useMemo(() => {
    const headers = [
      t('hotspots.col.name'),
      t('hotspots.col.rate'),
      t('hotspots.col.statistic'),
      t('hotspots.col.z'),
      t('hotspots.col.p'),
      t('hotspots.col.pAdjusted'),
      t('hotspots.col.cls'),
    ];
    const numeric = [false, true, true, true, true, true, false];
    if (showPersistence && persistence) {
      const rows: TableRow[] = persistence.ids.map((id, u) => ({
        id,
        cls: persistence.classes[u]!,
        selectable: true,
        cells: [
          byLau.get(id)?.name ?? id,
          t(`hotspots.pattern.${persistence.classes[u]!}`),
          persistence.years.filter((_, y) => persistence.hot[u]![y]).join(', '),
        ],
      }));
      const order = PERSISTENCE_CLASSES;
      rows.sort(
        (a, b) => order.indexOf(a.cls as never) - order.indexOf(b.cls as never) || (a.id < b.id ? -1 : 1),
      );
      return {
        headers: [t('hotspots.col.name'), t('hotspots.col.pattern'), t('hotspots.col.hotYears')],
        numeric: [false, false, false],
        rows,
        caption: t('hotspots.legendPersistence'),
      };
    }
    if (!result || !ready) return null;
    const order = result.ids.map((_, i) => i).sort((a, b) => result.z[b]! - result.z[a]! || a - b);
    if (settings.unit === 'schools') {
      const schools = new Map(ready.schools.map((s) => [s.school_id, s]));
      const shown = order.filter((i) => result.classes[i] !== 'ns');
      return {
        headers: [t('hotspots.col.school'), ...headers.slice(1)],
        numeric,
        caption: t('hotspots.tableSchools', { shown: shown.length, total: result.ids.length }),
        rows: shown.map((i): TableRow => {
          const s = schools.get(result.ids[i]!);
          return {
            id: result.ids[i]!,
            cls: result.classes[i]!,
            selectable: false,
            cells: [
              `${result.ids[i]!} (${byLau.get(s?.lau_code ?? '')?.name ?? ''})`,
              s?.suppressed ? `<${k}` : s?.rate == null ? '–' : formatNumber(s.rate, lang, 2),
              formatStat(result.statistic[i]!, lang),
              formatStat(result.z[i]!, lang, 2),
              formatStat(result.p[i]!, lang),
              formatStat(result.pAdjusted[i]!, lang),
              clsLabel(result.classes[i]!),
            ],
          };
        }),
      };
    }
    return {
      headers,
      numeric,
      caption: t('hotspots.tableCaption', { what: legendTitle, year: ready.year }),
      rows: order.map((i): TableRow => {
        const id = result.ids[i]!;
        const r = rateOf.get(id);
        return {
          id,
          cls: result.classes[i]!,
          selectable: true,
          cells: [
            byLau.get(id)?.name ?? id,
            r?.suppressed ? `<${k}` : r?.rate == null ? '–' : formatNumber(r.rate, lang, 2),
            formatStat(result.statistic[i]!, lang),
            formatStat(result.z[i]!, lang, 2),
            formatStat(result.p[i]!, lang),
            formatStat(result.pAdjusted[i]!, lang),
            clsLabel(result.classes[i]!),
          ],
        };
      }),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showPersistence, persistence, result, ready, settings.unit, byLau, rateOf, k, lang, t, legendTitle]);

  const selectedName = state.selected ? (byLau.get(state.selected)?.name ?? state.selected) : null;
  const statusText =
    status.state === 'error'
      ? status.message
      : analysis.state === 'error'
        ? t('hotspots.error', { message: analysis.message })
        : years && years.length === 0
          ? t('hotspots.noSchools')
          : pending
            ? showPersistence && !hotspots.pending
              ? t('hotspots.persistenceLoading')
              : t('hotspots.running', { permutations: settings.permutations })
            : '';

  return (
    <>
      <HotspotsControls settings={settings} years={years ?? []} year={year} onChange={update} />
      <p className="hint hotspots-status" role="status" aria-live="polite" data-testid="hotspots-status">
        {statusText}
      </p>
      <main
        className="main"
        id="map"
        data-testid="hotspots-view"
        data-state={dataKey && !pending ? 'ready' : 'loading'}
        data-key={pending ? '' : (hotspots.key ?? '')}
        data-ms={ready ? ready.ms.toFixed(1) : ''}
      >
        <ErrorBoundary>
          <MapPanel
            boundaries={dataset.boundaries}
            neighbours={neighbours}
            fill={fill}
            dataKey={dataKey}
            selected={state.selected}
            onSelect={onSelect}
            describe={describe}
            label={t('hotspots.mapLabel', { what: legendTitle, year: year ?? '' })}
            points={points}
          />
        </ErrorBoundary>
        <aside className="side">
          <HotspotsLegend
            title={legendTitle}
            rows={legendRows}
            correction={correctionName}
            notes={notes}
            warning={warning}
          />
          <section className="selection" aria-live="polite">
            {settings.unit === 'schools' ? (
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
        </aside>
      </main>
      {table && (
        <ErrorBoundary>
          <HotspotsTable
            caption={table.caption}
            headers={table.headers}
            numeric={table.numeric}
            rows={table.rows}
            selected={state.selected}
            onSelect={onSelect}
          />
        </ErrorBoundary>
      )}
    </>
  );
}
