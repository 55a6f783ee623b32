/**
 * "Download map (PNG)" and "Download table (CSV)" for the case explorer: the map as coloured on screen with
 * its title, the filters, legend, the disclosure note, date and attribution; every facet as CSV (suppressed
 * cells empty, a note column saying the counts are perturbed).
 */
import { useTranslation } from 'react-i18next';
import type { CaseDim, CaseFacets } from '../../engine/cases-types';
import type { Boundaries, StaticData } from '../../engine/static';
import type { LegendRow, MapPngSpec } from '../../export/png';
import { formatNumber, type Lang } from '../../i18n';
import { NO_DATA, SUPPRESSED, type ClassScale, type Rgb } from '../../map/scale';
import { ExportButtons } from '../ExportButtons';
import { casesCsv } from './cases-csv';

interface Props {
  facets: CaseFacets | null;
  scale: ClassScale | null;
  fill: (lau: string) => Rgb;
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  selected: readonly string[];
  label: (dim: CaseDim, value: string | number) => string;
  lang: Lang;
  k: number;
  perturb: boolean;
  demo: boolean;
  digits: number;
  /** Already translated: title, unit, the filters in words (the summary). */
  text: { title: string; unit: string; summary: string; filters: string };
}

/** File name of an export: `safety-net-atlas_cases.<ext>`. */
export const casesFileName = (ext: 'png' | 'csv') => `safety-net-atlas_cases.${ext}`;

/** The two download buttons, enabled once the facets are known. */
export function CasesExports(p: Props) {
  const { t } = useTranslation();
  const legend = (s: ClassScale): LegendRow[] => {
    const fmt = (v: number) => formatNumber(v, p.lang, p.digits);
    const rows = s.classes.map((c) => ({
      color: c.color,
      label: `${t('legend.range', { from: fmt(c.from), to: fmt(c.to) })}  (${t('legend.count', { count: c.count })})`,
    }));
    if (s.suppressed > 0)
      rows.push({
        color: SUPPRESSED,
        label: `${t('legend.suppressed', { k: p.k })}  (${t('legend.count', { count: s.suppressed })})`,
      });
    if (s.noData > 0)
      rows.push({
        color: NO_DATA,
        label: `${t('legend.noData')}  (${t('legend.count', { count: s.noData })})`,
      });
    return rows;
  };
  const png = (): { fileName: string; spec: MapPngSpec } => ({
    fileName: casesFileName('png'),
    spec: {
      boundaries: p.boundaries,
      fill: p.fill,
      neighbours: p.neighbours,
      selected: p.selected,
      title: p.text.title,
      subtitle: p.text.summary,
      legendTitle: p.text.unit,
      legend: legend(p.scale!),
      legendNotes: [p.perturb ? t('cases.privacy', { k: p.k }) : t('cases.exactNote', { k: p.k })],
      date: t('export.date', { date: new Date().toISOString().slice(0, 10) }),
      note: p.demo ? t('export.synthetic') : '',
      attribution: t('map.attribution'),
    },
  });
  const csv = () => ({
    fileName: casesFileName('csv'),
    csv: casesCsv(p.facets!, { label: p.label, filters: p.text.filters, perturb: p.perturb, k: p.k }),
  });
  return <ExportButtons png={png} csv={csv} disabled={!p.facets || !p.scale} label={t('cases.exports')} />;
}
