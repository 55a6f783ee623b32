/**
 * The coverage map's legend: covered and not covered municipalities with their counts, the units by
 * supporter (their point colours) and the mark of recently opened units; then Albania's headline figures.
 */
import { useTranslation } from 'react-i18next';
import type { CoverageYear } from '../../analysis/coverage';
import { css, type Rgb } from '../../map/scale';
import type { CoverageFormat } from './format';
import { COVERED, POINT_RADIUS, RECENT_RING, UNCOVERED } from './style';

interface Props {
  coverage: CoverageYear;
  catchment: string;
  colors: ReadonlyMap<string, Rgb>;
  supporterLabel: (supporter: string) => string;
  since: number;
  format: CoverageFormat;
}

function Swatch({ color }: { color: Rgb }) {
  return <span className="swatch" style={{ background: css(color) }} aria-hidden="true" />;
}

function Dot({ color, recent = false }: { color: Rgb; recent?: boolean }) {
  const r = recent ? POINT_RADIUS.recent : POINT_RADIUS.normal;
  const w = recent ? RECENT_RING : 1;
  const size = 2 * (POINT_RADIUS.recent + RECENT_RING);
  return (
    <svg width={size} height={size} aria-hidden="true" className="coverage-dot">
      <circle cx={size / 2} cy={size / 2} r={r} fill={css(color)} stroke="rgb(25, 25, 25)" strokeWidth={w} />
    </svg>
  );
}

/** Legend and headline figures beside the map. */
export function CoverageLegend({ coverage, catchment, colors, supporterLabel, since, format }: Props) {
  const { t } = useTranslation();
  const n = coverage.national;
  const covered = n.municipalities - n.uncovered;
  const recent = coverage.units.filter((u) => u.opened >= since).length;
  return (
    <aside className="side coverage-side">
      <section className="legend" aria-label={t('coverage.legend.title', { year: coverage.year })}>
        <h2>{t('coverage.legend.title', { year: coverage.year })}</h2>
        <p className="legend-unit">{catchment}</p>
        <ul>
          <li data-kind="covered">
            <Swatch color={COVERED} />
            <span>{t('coverage.legend.covered')}</span>
            <span className="legend-count" data-testid="legend-covered">
              {t('coverage.legend.municipalities', { count: covered })}
            </span>
          </li>
          <li data-kind="uncovered">
            <Swatch color={UNCOVERED} />
            <span>{t('coverage.legend.uncovered')}</span>
            <span className="legend-count" data-testid="legend-uncovered">
              {t('coverage.legend.municipalities', { count: n.uncovered })}
            </span>
          </li>
        </ul>
        <h3 className="coverage-legend-sub">{t('coverage.legend.supporters')}</h3>
        <ul>
          {[...colors].map(([s, color]) => {
            const units = coverage.bySupporter.find((b) => b.supporter === s)?.units ?? 0;
            return (
              <li key={s} data-supporter={s}>
                <Dot color={color} />
                <span>{supporterLabel(s)}</span>
                <span className="legend-count">{t('coverage.legend.units', { count: units })}</span>
              </li>
            );
          })}
          <li data-kind="recent">
            <Dot color={[255, 255, 255]} recent />
            <span>{t('coverage.legend.recent', { year: since })}</span>
            <span className="legend-count">{t('coverage.legend.units', { count: recent })}</span>
          </li>
        </ul>
      </section>
      <section className="coverage-headline" aria-label={t('coverage.headline.title')}>
        <h2>{t('coverage.headline.title')}</h2>
        <dl>
          <dt>{t('coverage.table.units')}</dt>
          <dd data-testid="national-units">{format.count(n.units)}</dd>
          <dt>{t('coverage.table.share')}</dt>
          <dd data-testid="national-share" data-value={n.share ?? ''}>
            {format.share(n.share)}
          </dd>
          <dt>{t('coverage.table.covered')}</dt>
          <dd>
            {t('coverage.headline.ofChildren', {
              covered: format.count(n.covered),
              children: format.count(n.children),
            })}
          </dd>
          <dt>{t('coverage.table.assisted')}</dt>
          <dd>{format.shown(n.assisted)}</dd>
          <dt>{t('coverage.table.perUnit')}</dt>
          <dd>{format.shown(n.perUnit, 1)}</dd>
          <dt>{t('coverage.table.perWorker')}</dt>
          <dd>{format.shown(n.perWorker, 1)}</dd>
        </dl>
      </section>
    </aside>
  );
}
