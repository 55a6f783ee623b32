/** Export of the indicator map (PNG) and its table (CSV); being built (issue 4). */
import type { IndicatorMeta } from '../data/schema';
import type { MunicipalityProps, Boundaries } from '../data/static';
import type { Lang } from '../i18n';
import type { ClassScale, Rgb } from '../map/scale';
import type { MapValue } from '../data/engine';

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
  /** The map's title as shown on screen. */
  title: string;
  /** The data source note. */
  source: string;
}

/** Download buttons for the map and the table. */
export function MapExports(props: MapExportsProps) {
  void props;
  return null;
}
