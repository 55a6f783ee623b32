/**
 * The printable one-page brief (A4): map, ranking, chosen sites, assumptions, data sources, the suppression
 * note and the date, in English or Albanian whatever the screen's language. Shown as a dialog over the app;
 * the print stylesheet (brief.css) prints only the brief, through the browser's print to PDF.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { NeedLegend } from './NeedLegend';
import type { NeedScore } from '../../analysis/planning/need-index';
import type { RankInterval } from '../../analysis/planning/robustness';
import type { IndicatorMeta } from '../../engine/schema';
import type { Boundaries, StaticData } from '../../engine/static';
import type { MapPoint } from '../../map/layers-points';
import type { Rgb } from '../../map/scale';
import { formatNumber, LANGUAGES, LOCALES, type Lang } from '../../i18n';
import { planCost } from './budget';
import { siteCost, type BudgetSettings, type SavedResult } from './settings';
import { StaticMap } from './StaticMap';
import './brief.css';

/** Everything the brief prints. */
export interface BriefData {
  title: string;
  year: number;
  k: number;
  /** The limit: k new units, or a budget with its costs. */
  budget: BudgetSettings;
  catchment: string;
  norm: string;
  weights: Readonly<Record<string, number>>;
  indicators: readonly IndicatorMeta[];
  scores: readonly NeedScore[];
  intervals: ReadonlyMap<string, RankInterval> | null;
  result: SavedResult;
  places: ReadonlyMap<string, { name: string; county: string }>;
  fill: (lau: string) => Rgb;
  points: readonly MapPoint[];
  synthetic: boolean;
  suppressionK: number;
  robustness: { spread: number; draws: number; seed: number };
  units: number;
}

interface Props {
  data: BriefData;
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  lang: Lang;
  onClose: () => void;
}

const TOP = 10;

/** The brief dialog. */
export function Brief({ data, boundaries, neighbours, lang, onClose }: Props) {
  const { i18n, t: tScreen } = useTranslation();
  const [briefLang, setBriefLang] = useState<Lang>(lang);
  const t = useMemo(() => i18n.getFixedT(briefLang), [i18n, briefLang]);
  const heading = useRef<HTMLHeadingElement>(null);
  const { result } = data;
  const today = useMemo(() => new Date(), []);

  useEffect(() => {
    document.documentElement.classList.add('brief-open');
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove('brief-open');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const fmt = (v: number, d = 0) => formatNumber(v, briefLang, d);
  const chosen = data.indicators.filter((m) => m.id in data.weights);
  const sources = [...new Set(chosen.map((m) => m.source[briefLang]))];
  const catchment =
    data.catchment === 'self' || data.catchment === 'border'
      ? t(`planner.catchment.${data.catchment}`)
      : t('planner.catchment.radius', { km: parseInt(data.catchment, 10) });
  const { budget } = data;
  const byBudget = budget.mode === 'budget';
  const spent = planCost(budget, result.sites);
  const share = result.total > 0 ? (result.covered / result.total) * 100 : 0;
  const status = t(
    `planner.status.${result.status === 'optimal' ? 'optimal' : result.status === 'time-limit' ? 'timeLimit' : 'heuristic'}`,
    {
      method: t(`planner.method.${result.method === 'exact' ? 'exact' : 'greedy'}`),
      gap: fmt((result.gap ?? 0) * 100, 1),
    },
  );

  return createPortal(
    <div
      className="brief-root"
      role="dialog"
      aria-modal="true"
      aria-labelledby="brief-title"
      lang={briefLang}
    >
      <div className="brief-toolbar" lang={lang}>
        <label>
          {tScreen('planner.brief.language')}{' '}
          <select
            value={briefLang}
            onChange={(e) => setBriefLang(e.target.value as Lang)}
            data-testid="brief-lang"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {tScreen(`planner.brief.lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()} data-testid="brief-print">
          {tScreen('planner.brief.print')}
        </button>
        <button type="button" onClick={onClose} data-testid="brief-close">
          {tScreen('planner.brief.close')}
        </button>
      </div>
      <article className="brief" data-testid="brief">
        <header className="brief-head">
          <h1 id="brief-title" tabIndex={-1} ref={heading}>
            {t('planner.brief.title', { name: data.title })}
          </h1>
          <p className="brief-date" data-testid="brief-date">
            {t('planner.brief.date', {
              date: today.toLocaleDateString(LOCALES[briefLang], {
                year: 'numeric',
                month: 'long',
                day: 'numeric',
              }),
              iso: today.toISOString().slice(0, 10),
            })}
          </p>
          {data.synthetic && <p className="brief-synthetic">{t('planner.brief.synthetic')}</p>}
          <p className="brief-lede">
            {t('planner.brief.lede', {
              count: result.sites.length,
              catchment,
              before: fmt(result.baseline),
              after: fmt(result.covered),
              total: fmt(result.total),
              share: fmt(share, 1),
            })}
          </p>
        </header>
        <div className="brief-grid">
          <div className="brief-map">
            <StaticMap
              boundaries={boundaries}
              neighbours={neighbours}
              fill={data.fill}
              points={data.points}
              width={250}
              height={360}
              label={t('planner.brief.mapLabel')}
              testId="brief-map"
            />
            <NeedLegend t={t} units={data.units} />
          </div>
          <div className="brief-tables">
            <table data-testid="brief-sites">
              <caption>{t('planner.brief.sites', { count: result.sites.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('planner.ranking.municipality')}</th>
                  <th scope="col">{t('planner.brief.county')}</th>
                  <th scope="col">{t('planner.siting.gain')}</th>
                  {byBudget && <th scope="col">{t('planner.sitingBudget.costCol')}</th>}
                </tr>
              </thead>
              <tbody>
                {result.sites.map((s, i) => (
                  <tr key={s}>
                    <td className="num">{i + 1}</td>
                    <th scope="row">{data.places.get(s)?.name ?? s}</th>
                    <td>{data.places.get(s)?.county}</td>
                    <td className="num">{fmt(result.gains[i] ?? 0)}</td>
                    {byBudget && <td className="num">{fmt(siteCost(budget, s))}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="brief-small">{status}</p>
            <table data-testid="brief-ranking">
              <caption>{t('planner.brief.ranking', { n: TOP })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('planner.ranking.rank')}</th>
                  <th scope="col">{t('planner.ranking.municipality')}</th>
                  <th scope="col">{t('planner.ranking.score')}</th>
                  <th scope="col">{t('planner.ranking.interval')}</th>
                </tr>
              </thead>
              <tbody>
                {data.scores.slice(0, TOP).map((s) => {
                  const iv = data.intervals?.get(s.lau_code);
                  return (
                    <tr key={s.lau_code}>
                      <td className="num">{s.rank}</td>
                      <th scope="row">{data.places.get(s.lau_code)?.name ?? s.lau_code}</th>
                      <td className="num">{fmt(s.score, 3)}</td>
                      <td className="num">{iv ? `${iv.low}–${iv.high}` : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
        <section className="brief-assumptions" data-testid="brief-assumptions">
          <h2>{t('planner.brief.assumptions')}</h2>
          <ul>
            <li>{t('planner.brief.aYear', { year: data.year })}</li>
            <li>
              {t('planner.brief.aWeights', {
                list: chosen
                  .map(
                    (m) =>
                      `${m.label[briefLang]} ${data.weights[m.id] ?? 0}% (${t(m.higherIsWorse ? 'planner.weights.worse' : 'planner.weights.better')})`,
                  )
                  .join('; '),
              })}
            </li>
            <li>{t('planner.brief.aNorm', { norm: t(`planner.norm.${data.norm}`) })}</li>
            <li>{t('planner.brief.aDemand')}</li>
            {byBudget ? (
              <>
                <li>{t('planner.briefBudget.aCatchmentBudget', { catchment, units: data.units })}</li>
                <li data-testid="brief-budget">
                  {t('planner.briefBudget.aBudget', {
                    budget: fmt(budget.budget),
                    cost: fmt(budget.unitCost),
                    total: fmt(spent),
                    left: fmt(budget.budget - spent),
                  })}
                </li>
                {budget.costs && (
                  <li>
                    {t('planner.briefBudget.aCostsFile', {
                      file: budget.costsFile ?? '',
                      count: Object.keys(budget.costs).length,
                      cost: fmt(budget.unitCost),
                    })}
                  </li>
                )}
              </>
            ) : (
              <li>{t('planner.brief.aCatchment', { catchment, k: data.k, units: data.units })}</li>
            )}
            <li>
              {t('planner.brief.aRobust', {
                spread: data.robustness.spread * 100,
                draws: data.robustness.draws,
                seed: data.robustness.seed,
              })}
            </li>
            <li>{t('planner.brief.aMissing')}</li>
          </ul>
          <h2>{t('planner.brief.sources')}</h2>
          <ul>
            {sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <p className="brief-small" data-testid="brief-suppression">
            {t('planner.brief.suppression', { k: data.suppressionK, below: data.suppressionK - 1 })}
          </p>
        </section>
      </article>
    </div>,
    document.body,
  );
}
