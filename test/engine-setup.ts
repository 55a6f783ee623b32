/** Starts DuckDB-WASM's Node build with the demo dataset, as the browser does. */
import { readFileSync } from 'node:fs';
import type { Connector } from '../src/engine/connector';
import { loadDataset, type MunicipalityAttrs } from '../src/engine/dataset';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { createNodeConnector } from '../src/engine/node/duckdb-node';
import { servedDatasetFiles } from '../src/engine/node/served-node';

/** Municipality attributes from the shipped boundaries. */
export function demoMunicipalities(): MunicipalityAttrs[] {
  const geo = JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as {
    features: { properties: MunicipalityAttrs }[];
  };
  return geo.features.map((f) => f.properties);
}

/** Bytes of a file in public/data. */
export function demoFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(`public/data/${name}`)) };
}

/** A connector with the whole demo dataset loaded. */
export async function demoConnector(): Promise<Connector> {
  const conn = await createNodeConnector();
  // The demo's values, units and caseload (schools are loaded by the tests that need them).
  const files = servedDatasetFiles('public/data');
  delete files.schools;
  delete files.school_totals;
  await loadDataset(conn, loadParquetModuleNode(), demoMunicipalities(), files);
  return conn;
}
