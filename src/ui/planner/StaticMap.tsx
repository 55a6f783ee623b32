/**
 * A small fixed-size SVG map (the first-paint renderer, no WebGL) for the scenario comparison and the
 * printed brief: it prints crisply and needs no GPU. Decorative to assistive technology apart from its label;
 * a table next to it always carries the same facts.
 */
import { useMemo } from 'react';
import type { Boundaries, StaticData } from '../../engine/static';
import type { MapPoint } from '../../map/layers-points';
import { PreviewMap } from '../../map/PreviewMap';
import type { Rgb } from '../../map/scale';
import { ALBANIA_BBOX, fitBounds } from '../../map/viewport';

interface Props {
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  fill: (lau: string) => Rgb;
  points?: readonly MapPoint[];
  width: number;
  height: number;
  label: string;
  testId?: string;
}

const noop = () => undefined;

/** The map of Albania at a fixed size. */
export function StaticMap({ boundaries, neighbours, fill, points, width, height, label, testId }: Props) {
  const view = useMemo(() => fitBounds(ALBANIA_BBOX, width, height, 8), [width, height]);
  return (
    <div className="static-map" role="img" aria-label={label} data-testid={testId} style={{ width, height }}>
      <PreviewMap
        boundaries={boundaries}
        neighbours={neighbours}
        view={view}
        width={width}
        height={height}
        fill={fill}
        selected={null}
        onHover={noop}
        onSelect={noop}
        points={points}
      />
    </div>
  );
}
