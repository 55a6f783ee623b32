/**
 * County (qark) boundaries, fetched once when first needed, shaped like the municipalities so the same
 * map draws them: each county's `qark_code` sits in `lau_code` and its name in `name`.
 */
import { useEffect, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { dataUrl, type Boundaries } from '../../engine/static';

interface CountyProps {
  qark_code: string;
  qark_name: string;
  qark_name_ascii: string;
}

let loaded: Promise<Boundaries> | undefined;

async function load(): Promise<Boundaries> {
  const res = await fetch(dataUrl('qarqe.geojson'));
  if (!res.ok) throw new Error(`qarqe.geojson: HTTP ${res.status}`);
  const fc = (await res.json()) as FeatureCollection<Polygon | MultiPolygon, CountyProps>;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        lau_code: f.properties.qark_code,
        name: f.properties.qark_name,
        name_ascii: f.properties.qark_name_ascii,
        name_alt: null,
        qark_code: f.properties.qark_code,
        qark_name: f.properties.qark_name,
      },
    })),
  } as Boundaries;
}

/** The county boundaries once `wanted` (null until loaded), and any loading error. */
export function useCounties(wanted: boolean): { counties: Boundaries | null; error: string | null } {
  const [counties, setCounties] = useState<Boundaries | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || counties) return;
    let live = true;
    loaded ??= load();
    loaded.then(
      (c) => live && setCounties(c),
      (err: unknown) => {
        loaded = undefined;
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, counties]);
  return { counties, error };
}
