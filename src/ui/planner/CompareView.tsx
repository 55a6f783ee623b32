/**
 * Two scenarios side by side: a map of where their coverage differs (covered only under A, only under B,
 * under both, under neither) and a table of their differences (settings, sites, children at risk covered).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCatchment, type CatchmentGeometry } from '../../analysis/catchment';
import type { UnitLocation } from '../../analysis/planning/need-demand';
import type { Boundaries, StaticData } from '../../engine/static';
import { formatNumber, type Lang } from '../../i18n';
import { limitSummary, planCost } from './budget';
import { COMPARE_COLORS, cssColor } from './explain';
import { reachedByPlan, sitePoints } from './siting';
import type { Scenario } from './settings';
import { StaticMap } from './StaticMap';

interface Props {
  a: Scenario;
  b: Scenario;
  geom: CatchmentGeometry;
  units: readonly (UnitLocation & { name: string })[];
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  names: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string>;
  lang: Lang;
}

/** The comparison of two scenarios. */
export function CompareView({ a, b, geom, units, boundaries, neighbours, names, labels, lang }: Props) {
  const { t } = useTranslation();
  const reachA = useMemo(
    () => reachedByPlan(geom, parseCatchment(a.catchment), units, a.result?.sites ?? []),
    [geom, a, units],
  );
  const reachB = useMemo(
    () => reachedByPlan(geom, parseCatchment(b.catchment), units, b.result?.sites ?? []),
    [geom, b, units],
  );
  const fill = (lau: string) => {
    const inA = reachA.has(lau);
    const inB = reachB.has(lau);
    return inA && inB
      ? COMPARE_COLORS.both
      : inA
        ? COMPARE_COLORS.onlyA
        : inB
          ? COMPARE_COLORS.onlyB
          : COMPARE_COLORS.neither;
  };
  const points = useMemo(
    () => [
      ...sitePoints(geom, [], a.result?.sites ?? [], names, { unit: '', site: a.name }),
      ...sitePoints(
        geom,
        [],
        (b.result?.sites ?? []).filter((s) => !(a.result?.sites ?? []).includes(s)),
        names,
        {
          unit: '',
          site: b.name,
        },
      ),
    ],
    [geom, a, b, names],
  );
  const onlyA = [...reachA].filter((l) => !reachB.has(l)).map((l) => names.get(l) ?? l);
  const onlyB = [...reachB].filter((l) => !reachA.has(l)).map((l) => names.get(l) ?? l);
  const ids = [...new Set([...Object.keys(a.weights), ...Object.keys(b.weights)])];
  const fmt = (v: number) => formatNumber(v, lang, 0);
  const pct = (r: Scenario['result']) =>
    r && r.total > 0 ? `${formatNumber((r.covered / r.total) * 100, lang, 1)}%` : '–';
  const sites = (s: Scenario) => (s.result ? s.result.sites.map((x) => names.get(x) ?? x).join(', ') : '–');
  const cost = (s: Scenario) => (s.result ? fmt(planCost(s.budget, s.result.sites)) : '–');
  const rows: [string, string, string][] = [
    [t('planner.compare.year'), String(a.year), String(b.year)],
    [t('planner.norm.label'), t(`planner.norm.${a.norm}`), t(`planner.norm.${b.norm}`)],
    [t('planner.catchment.label'), a.catchment, b.catchment],
    [t('planner.budget.limit'), limitSummary(t, a, lang), limitSummary(t, b, lang)],
    ...ids.map((id): [string, string, string] => [
      t('planner.compare.weight', { indicator: labels.get(id) ?? id }),
      `${a.weights[id] ?? 0}%`,
      `${b.weights[id] ?? 0}%`,
    ]),
    [t('planner.compare.sites'), sites(a), sites(b)],
    [
      t('planner.compare.covered'),
      a.result ? fmt(a.result.covered) : '–',
      b.result ? fmt(b.result.covered) : '–',
    ],
    [t('planner.compare.share'), pct(a.result), pct(b.result)],
    [t('planner.budget.totalCost'), cost(a), cost(b)],
  ];
  const legend = [
    ['onlyA', t('planner.compare.onlyA', { name: a.name })],
    ['onlyB', t('planner.compare.onlyB', { name: b.name })],
    ['both', t('planner.compare.both')],
    ['neither', t('planner.compare.neither')],
  ] as const;
  return (
    <section
      className="planner-compare"
      aria-labelledby="planner-compare-title"
      data-testid="planner-compare-view"
    >
      <h2 id="planner-compare-title">{t('planner.compare.title', { a: a.name, b: b.name })}</h2>
      <div className="compare-body">
        <div>
          <StaticMap
            boundaries={boundaries}
            neighbours={neighbours}
            fill={fill}
            points={points}
            width={300}
            height={420}
            label={t('planner.compare.mapLabel', { a: a.name, b: b.name })}
          />
          <ul className="legend-list">
            {legend.map(([key, text]) => (
              <li key={key}>
                <span
                  className="swatch"
                  aria-hidden="true"
                  style={{ background: cssColor(COMPARE_COLORS[key]) }}
                />
                {text}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <table className="compare-table" data-testid="planner-compare-table">
            <caption>{t('planner.compare.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planner.compare.item')}</th>
                <th scope="col">{a.name}</th>
                <th scope="col">{b.name}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, va, vb]) => (
                <tr key={label} className={va !== vb ? 'differs' : undefined}>
                  <th scope="row">{label}</th>
                  <td>{va}</td>
                  <td>{vb}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('planner.compare.onlyAList', { name: a.name, list: onlyA.join(', ') || '–' })}</p>
          <p>{t('planner.compare.onlyBList', { name: b.name, list: onlyB.join(', ') || '–' })}</p>
        </div>
      </div>
    </section>
  );
}
