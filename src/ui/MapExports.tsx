/**
 * Export of the indicator map (PNG: the map as coloured on screen, title, legend, date, data note,
 * attribution) and its table (CSV with the values as shown: suppressed cells empty, status "suppressed").
 */
import { useTranslation } from 'react-i18next';
import type { MapValue } from '../engine/engine';
import type { IndicatorMeta } from '../engine/schema';
import type { Boundaries, MunicipalityProps, StaticData } from '../engine/static';
import { fileSlug } from '../export/download';
import { mapTableCsv } from '../export/map-csv';
import { zoomBox } from '../export/png-layout';
import type { LegendRow, MapPngSpec } from '../export/png';
import { formatNumber, type Lang } from '../i18n';
import { NO_DATA, SUPPRESSED, type ClassScale, type Rgb } from '../map/scale';
import { ExportButtons } from './ExportButtons';

/** What the exports need from the map view. */
export interface MapExportsProps {
  meta: IndicatorMeta;
  year: number;
  lang: Lang;
  k: number;
  /** Decimal digits the values are shown with. */
  digits: number;
  boundaries: Boundaries;
  municipalities: readonly MunicipalityProps[];
  /** Values as shown (already suppressed), by lau_code. */
  values: ReadonlyMap<string, MapValue>;
  scale: ClassScale | null;
  fill: (lau: string) => Rgb;
  /** The title of the map as the legend shows it (indicator, year or years). */
  title: string;
  /** The data source note. */
  source: string;
  /** Neighbouring countries, drawn in grey when given. */
  neighbours?: StaticData['neighbours'];
  /** The selected municipality, outlined. */
  selected?: string | null;
  /** True for the synthetic demo data: the image then says so. */
  synthetic?: boolean;
  /** The classification in words, as the legend shows it. */
  method?: string;
  /** The map shows counties: the legend counts counties. */
  counties?: boolean;
}

/** File name of an export: `safety-net-atlas_<indicator>_<year>.<ext>`. */
export function exportFileName(indicator: string, year: number, ext: 'png' | 'csv'): string {
  return `safety-net-atlas_${fileSlug(indicator)}_${year}.${ext}`;
}

/** Download buttons for the map and the table. */
export function MapExports(props: MapExportsProps) {
  const { meta, year, lang, k, digits, boundaries, municipalities, values, scale, fill, source } = props;
  const { t } = useTranslation();

  const countKey = props.counties ? 'legend.countCounty' : 'legend.count';
  const legend = (s: ClassScale): LegendRow[] => {
    const fmt = (v: number) => formatNumber(v, lang, digits);
    const rows = s.classes.map((c) => ({
      color: c.color,
      label: `${t('legend.range', { from: fmt(c.from), to: fmt(c.to) })}  (${t(countKey, { count: c.count })})`,
    }));
    if (s.suppressed > 0)
      rows.push({
        color: SUPPRESSED,
        label: `${t('legend.suppressed', { k })}  (${t(countKey, { count: s.suppressed })})`,
      });
    if (s.noData > 0)
      rows.push({
        color: NO_DATA,
        label: `${t('legend.noData')}  (${t(countKey, { count: s.noData })})`,
      });
    return rows;
  };

  const png = (): { fileName: string; spec: MapPngSpec } => {
    const s = scale!;
    const note = [t('export.source', { source }), props.synthetic ? t('export.synthetic') : '']
      .filter(Boolean)
      .join(' ');
    return {
      fileName: exportFileName(meta.id, year, 'png'),
      spec: {
        boundaries,
        fill,
        neighbours: props.neighbours ?? null,
        bbox: zoomBox(boundaries.features),
        selected: props.selected ? [props.selected] : [],
        title: props.title,
        subtitle: t('export.subtitle', { method: props.method ?? t('legend.method') }),
        legendTitle: meta.unit[lang],
        legend: legend(s),
        legendNotes: s.suppressed > 0 ? [t('legend.suppressedNote', { max: k - 1 })] : [],
        date: t('export.date', { date: new Date().toISOString().slice(0, 10) }),
        note,
        attribution: t('map.attribution'),
      },
    };
  };

  const csv = () => ({
    fileName: exportFileName(meta.id, year, 'csv'),
    csv: mapTableCsv(municipalities, values, meta.id, year),
  });

  return <ExportButtons png={png} csv={csv} disabled={!scale} />;
}
