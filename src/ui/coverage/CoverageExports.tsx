/**
 * "Download map (PNG)" and "Download table (CSV)" for the coverage view: the covered / not covered map with
 * the units as points, title, legend, date, data note and attribution; the county and national figures.
 */
import type { CoverageYear } from '../../analysis/coverage';
import type { Boundaries, StaticData } from '../../engine/static';
import { fileSlug } from '../../export/download';
import type { LegendRow, MapPngSpec } from '../../export/png';
import type { MapPoint } from '../../map/points';
import type { Rgb } from '../../map/scale';
import { ExportButtons } from '../ExportButtons';
import { coverageCsv } from './coverage-csv';

interface Props {
  coverage: CoverageYear | null;
  catchmentCode: string;
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  fill: (lau: string) => Rgb;
  points: readonly MapPoint[];
  countyNames: ReadonlyMap<string, string>;
  /** Already translated texts of the image and the table. */
  text: {
    title: string;
    subtitle: string;
    legendTitle: string;
    legend: LegendRow[];
    legendNotes: string[];
    date: string;
    note: string;
    attribution: string;
    albania: string;
    group: string;
  };
}

/** File name of a coverage export: `safety-net-atlas_coverage_<catchment>_<year>.<ext>`. */
export function coverageFileName(catchment: string, year: number, ext: 'png' | 'csv'): string {
  return `safety-net-atlas_coverage_${fileSlug(catchment)}_${year}.${ext}`;
}

/** The two download buttons, enabled once the year's coverage is known. */
export function CoverageExports(props: Props) {
  const { coverage, catchmentCode, text } = props;
  const png = (): { fileName: string; spec: MapPngSpec } => ({
    fileName: coverageFileName(catchmentCode, coverage!.year, 'png'),
    spec: {
      boundaries: props.boundaries,
      fill: props.fill,
      neighbours: props.neighbours,
      points: props.points.map((p) => ({ lon: p.lon, lat: p.lat, color: p.color, radius: p.radius })),
      title: text.title,
      subtitle: text.subtitle,
      legendTitle: text.legendTitle,
      legend: text.legend,
      legendNotes: text.legendNotes,
      date: text.date,
      note: text.note,
      attribution: text.attribution,
    },
  });
  const csv = () => ({
    fileName: coverageFileName(catchmentCode, coverage!.year, 'csv'),
    csv: coverageCsv(
      coverage!.year,
      catchmentCode,
      coverage!.counties,
      coverage!.national,
      props.countyNames,
      text.albania,
    ),
  });
  return <ExportButtons png={png} csv={csv} disabled={!coverage} label={text.group} />;
}
