/**
 * The small files the first screen needs, fetched from the app's own origin: the catalog, boundaries,
 * neighbouring countries and the precomputed first view. None of them waits for DuckDB-WASM.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MunicipalityAttrs } from './dataset';
import type { Catalog, FirstView } from './schema';

/** Properties of a municipality feature (see data/geo/README.md). */
export interface MunicipalityProps extends MunicipalityAttrs {
  name_ascii: string;
  name_alt: string | null;
}

/** Municipality boundaries, keyed by `lau_code`. */
export type Boundaries = FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>;

/** Everything the first screen draws. */
export interface StaticData {
  catalog: Catalog;
  boundaries: Boundaries;
  neighbours: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  firstView: FirstView;
}

/** URL of a file in public/data, under the app's base path. */
export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}

async function fetchJson<T>(file: string): Promise<T> {
  const res = await fetch(dataUrl(file));
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Fetches the first screen's files in parallel. */
export async function loadStaticData(): Promise<StaticData> {
  const [catalog, boundaries, neighbours, firstView] = await Promise.all([
    fetchJson<Catalog>('catalog.json'),
    fetchJson<Boundaries>('municipalities.geojson'),
    fetchJson<StaticData['neighbours']>('neighbours.geojson'),
    fetchJson<FirstView>('first-view.json'),
  ]);
  return { catalog, boundaries, neighbours, firstView };
}

/** Fetches a binary file from public/data. */
export async function fetchBytes(file: string): Promise<Uint8Array> {
  const res = await fetch(dataUrl(file));
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
