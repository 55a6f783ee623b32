/**
 * The map of cases by municipality: the municipality facet (every filter but the municipalities') as counts
 * or rates per 1,000 children, in quantile classes of a colour-blind-safe sequential palette (./cases-scale:
 * the same scale, map stack and legend as the indicator map); suppressed municipalities grey, with their
 * legend row. A click toggles the municipality in the filter; the chosen ones are outlined.
 */
import type { Boundaries, StaticData } from '../../engine/static';
import type { Lang } from '../../i18n';
import { Legend } from '../../map/Legend';
import { MapPanel } from '../../map/MapPanel';
import type { ClassScale, Rgb } from '../../map/scale';

interface MapProps {
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  fill: (lau: string) => Rgb;
  /** The painted view's key: the map redraws its colours when it changes. */
  dataKey: string | null;
  selected: readonly string[];
  onToggle: (lau: string) => void;
  describe: (lau: string) => { name: string; county: string; value: string };
  label: string;
}

/** The map. */
export function CasesMap(p: MapProps) {
  return (
    <div className="cases-map" data-testid="cases-map">
      <MapPanel
        boundaries={p.boundaries}
        neighbours={p.neighbours}
        fill={p.fill}
        dataKey={p.dataKey}
        selected={p.selected}
        onSelect={p.onToggle}
        describe={p.describe}
        label={p.label}
      />
    </div>
  );
}

interface LegendProps {
  scale: ClassScale;
  lang: Lang;
  k: number;
  digits: number;
  text: { title: string; unit: string; method: string };
}

/** The map's legend: classes, then the suppressed municipalities' row. */
export function CasesLegend({ scale, lang, k, digits, text }: LegendProps) {
  return (
    <Legend
      title={text.title}
      unit={text.unit}
      method={text.method}
      scale={scale}
      lang={lang}
      digits={digits}
      k={k}
    />
  );
}
