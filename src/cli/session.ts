/**
 * The engine the CLI checks and loads files in: DuckDB-WASM's Node build with the demo dataset loaded, as the
 * browser does at start, and the validation context the browser builds from the catalog and the boundaries
 * (src/ui/useDataset.ts), so a file gets the same report here as in the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../engine/dataset';
import { servedDatasetFiles } from '../engine/node/served-node';
import { createNodeConnector, type NodeConnector } from '../engine/node/duckdb-node';
import { loadParquetModuleNode } from '../engine/node/parquet-node';
import type { ParquetModule } from '../engine/parquet';
import type { Catalog } from '../engine/schema';
import type { Boundaries } from '../engine/static';
import type { ValidationContext } from '../contract/types';

/** The app's public/data folder (catalog, boundaries, demo Parquet), found from this file, not the cwd. */
export const PUBLIC_DATA = fileURLToPath(new URL('../../public/data/', import.meta.url));

/** Accepted data years, as in src/ui/useDataset.ts: wide, so a user's history loads. */
export const ACCEPTED_YEARS = { first: 1990, last: 2050 };

/** A running engine with the demo data and what files are checked against. */
export interface Session {
  conn: NodeConnector;
  parquet: ParquetModule;
  catalog: Catalog;
  boundaries: Boundaries;
  context: ValidationContext;
  /** Releases the engine; safe to call twice. */
  close(): Promise<void>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(`${PUBLIC_DATA}${file}`, 'utf8')) as T;
}

/** The validation context the browser builds for the given catalog and boundaries. */
export function contextOf(catalog: Catalog, boundaries: Boundaries): ValidationContext {
  return {
    municipalities: boundaries.features.map((f) => ({
      ...f.properties,
      name_ascii: f.properties.name_ascii ?? null,
      name_alt: f.properties.name_alt ?? null,
    })),
    indicators: catalog.indicators,
    years: ACCEPTED_YEARS,
    catalogYears: catalog.years,
  };
}

/** Starts DuckDB-WASM and loads the demo dataset (values, facilities, caseload, schools, municipalities). */
export async function openSession(): Promise<Session> {
  const catalog = readJson<Catalog>('catalog.json');
  const boundaries = readJson<Boundaries>('municipalities.geojson');
  const parquet = loadParquetModuleNode();
  const conn = await createNodeConnector();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await conn.close();
  };
  try {
    await loadDataset(
      conn,
      parquet,
      boundaries.features.map((f) => f.properties),
      servedDatasetFiles(PUBLIC_DATA),
    );
  } catch (err) {
    await close();
    throw err;
  }
  return { conn, parquet, catalog, boundaries, context: contextOf(catalog, boundaries), close };
}
