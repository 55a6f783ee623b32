/**
 * The first-paint map: the same choropleth in SVG, drawn from the precomputed first view before MapLibre,
 * deck.gl and DuckDB have loaded, on exactly the pixels the WebGL map will use. It also stays as the map
 * wherever WebGL is not available, so the screen is never blank.
 */
import { memo, useMemo } from 'react';
import type { Boundaries, StaticData } from '../engine/static';
import { pathData } from './geometry';
import { isSelected } from './selection';
import { POINT_OUTLINE, type MapPoint } from './points';
import { css, type Rgb } from './scale';
import { projector, type ViewState } from './viewport';

interface Props {
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  view: ViewState;
  width: number;
  height: number;
  fill: (lauCode: string) => Rgb;
  selected: string | readonly string[] | null;
  onHover: (lauCode: string | null, x: number, y: number) => void;
  onSelect: (lauCode: string) => void;
  /** Optional points over the municipalities, and their hover. */
  points?: readonly MapPoint[];
  onPointHover?: (id: string | null, x: number, y: number) => void;
}

/** SVG choropleth with hover and click. */
export const PreviewMap = memo(function PreviewMap(props: Props) {
  const { boundaries, neighbours, view, width, height, fill, selected, onHover, onSelect } = props;
  const { points, onPointHover } = props;
  const paths = useMemo(() => {
    const project = projector(view, width, height);
    return {
      municipalities: boundaries.features.map((f) => ({
        lau: f.properties.lau_code,
        d: pathData(f.geometry, project),
      })),
      neighbours: neighbours.features.map((f, i) => ({ key: i, d: pathData(f.geometry, project) })),
      points: (points ?? []).map((p) => ({ p, xy: project(p.lon, p.lat) })),
    };
  }, [boundaries, neighbours, view, width, height, points]);

  return (
    <svg
      className="preview-map"
      width={width}
      height={height}
      aria-hidden="true"
      onPointerLeave={() => {
        onHover(null, 0, 0);
        onPointHover?.(null, 0, 0);
      }}
    >
      <rect width={width} height={height} className="sea" />
      {paths.neighbours.map((p) => (
        <path key={p.key} d={p.d} className="neighbour" />
      ))}
      {paths.municipalities.map((p) => (
        <path
          key={p.lau}
          d={p.d}
          fill={css(fill(p.lau))}
          fillRule="evenodd"
          className="municipality"
          data-lau={p.lau}
          onPointerMove={(e) => onHover(p.lau, e.nativeEvent.offsetX, e.nativeEvent.offsetY)}
          onClick={() => onSelect(p.lau)}
        />
      ))}
      {paths.municipalities
        .filter((p) => isSelected(selected, p.lau))
        .map((p) => (
          <path key={`selected-${p.lau}`} d={p.d} className="selected-outline" />
        ))}
      {paths.points.map(({ p, xy }) => (
        <circle
          key={p.id}
          cx={xy[0]}
          cy={xy[1]}
          r={p.radius}
          fill={css(p.color)}
          stroke={css(POINT_OUTLINE)}
          strokeWidth={p.ring ?? 1}
          className="map-point"
          data-point={p.id}
          onPointerMove={(e) => onPointHover?.(p.id, e.nativeEvent.offsetX, e.nativeEvent.offsetY)}
          onPointerLeave={() => onPointHover?.(null, 0, 0)}
        />
      ))}
    </svg>
  );
});
