/**
 * The map area: draws the SVG first-paint map at once, loads the WebGL map behind it and lets it take over
 * when it has drawn data. Hover state stays here.
 */
import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Boundaries, StaticData } from '../engine/static';
import { ErrorBoundary } from '../common/ErrorBoundary';
import type { MapPoint } from './points';
import { afterNextPaint, MARKS, markOnce, viewDrawn } from '../common/perf';
import { PreviewMap } from './PreviewMap';
import type { Rgb } from './scale';
import { Tooltip } from './Tooltip';
import { useSize } from './useSize';
import { ALBANIA_BBOX, fitBounds, type BBox } from './viewport';

const InteractiveMap = lazy(() => import('./InteractiveMap'));

interface Props {
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  fill: (lauCode: string) => Rgb;
  dataKey: string | null;
  /** The selected municipality, or several (outlined). */
  selected: string | readonly string[] | null;
  onSelect: (lauCode: string) => void;
  /** Tooltip text of a municipality: name, county line, value. */
  describe: (lauCode: string) => { name: string; county: string; value: string; note?: string };
  label: string;
  /** Box to fit the view to (null: all of Albania). */
  focus?: BBox | null;
  /** Optional points drawn over the municipalities (e.g. units), with their own text tooltip. */
  points?: readonly MapPoint[];
  /** Boundaries the user may switch to next (the other level), prepared ahead by the WebGL map. */
  standby?: Boundaries | null;
}

/** Map with first paint, WebGL takeover, tooltip and attribution. */
export function MapPanel(props: Props) {
  const { boundaries, neighbours, fill, dataKey, selected, onSelect, describe, label, points, focus } = props;
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { width, height, first } = useSize(box);
  const [webgl, setWebgl] = useState(false);
  // The WebGL chunk (MapLibre + deck.gl) starts loading only after the first map is on screen.
  const [loadWebgl, setLoadWebgl] = useState(false);
  const [hover, setHover] = useState<{ lau: string; x: number; y: number } | null>(null);

  // The view is fitted once, at the first measured size, so the SVG and WebGL maps agree; MapLibre pans
  // and zooms from there (and keeps centre and zoom on resize, as the SVG map does).
  // `focus` (a county drilled into, a zoomed selection) refits it.
  const focusKey = focus?.join(',') ?? '';
  const view = useMemo(
    () => (first ? fitBounds(focus ?? ALBANIA_BBOX, first.width, first.height) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the box's numbers, not its identity
    [first, focusKey],
  );

  const onHover = useCallback((lau: string | null, x: number, y: number) => {
    setHover(lau ? { lau, x, y } : null);
  }, []);
  const [pointHover, setPointHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const onPointHover = useCallback((id: string | null, x: number, y: number) => {
    setPointHover(id ? { id, x, y } : null);
  }, []);
  const onDrawn = useCallback((key: string) => {
    viewDrawn(key, true);
    setWebgl((was) => {
      if (!was) markOnce(MARKS.mapInteractive);
      return true;
    });
  }, []);

  // The SVG map reports its draws until WebGL has taken over.
  const svgKey = !webgl && view ? dataKey : null;
  useLayoutEffect(() => {
    if (!svgKey) return;
    viewDrawn(svgKey);
    afterNextPaint(() => setLoadWebgl(true));
  }, [svgKey]);

  const tip = hover ? describe(hover.lau) : null;
  const point = pointHover ? points?.find((p) => p.id === pointHover.id) : undefined;
  return (
    <div className="map-panel">
      <div className="map" ref={box} role="img" aria-label={label} data-renderer={webgl ? 'webgl' : 'svg'}>
        {view && !webgl && (
          <PreviewMap
            boundaries={boundaries}
            neighbours={neighbours}
            view={view}
            width={width}
            height={height}
            fill={fill}
            selected={selected}
            onHover={onHover}
            onSelect={onSelect}
            points={points}
            onPointHover={onPointHover}
          />
        )}
        {view && dataKey && loadWebgl && (
          <ErrorBoundary fallback={null}>
            <Suspense fallback={null}>
              <div className="webgl-map">
                <InteractiveMap
                  boundaries={boundaries}
                  neighbours={neighbours}
                  view={view}
                  fill={fill}
                  dataKey={dataKey}
                  selected={selected}
                  onHover={onHover}
                  onSelect={onSelect}
                  onDrawn={onDrawn}
                  points={points}
                  onPointHover={onPointHover}
                  standby={props.standby}
                />
              </div>
            </Suspense>
          </ErrorBoundary>
        )}
        {point && pointHover ? (
          <Tooltip
            x={pointHover.x}
            y={pointHover.y}
            name={point.label}
            county={point.detail ?? ''}
            value=""
          />
        ) : (
          tip && hover && <Tooltip x={hover.x} y={hover.y} {...tip} />
        )}
      </div>
      <p className="map-attribution">{t('map.attribution')}</p>
    </div>
  );
}
