/**
 * The whole synthetic demo dataset, unsuppressed, from the seeded generator: what `npm run data` writes for
 * serving (suppressed at source), and what tests compare the served files and the engine against.
 */
import type { Catalog, CaseloadRow, FacilityRow, ValueRow } from '../../src/engine/schema';
import { buildCatalog } from './catalog';
import { buildLatent } from './deprivation';
import { buildFacilities } from './facilities';
import { loadMunicipalities, queenNeighbours } from './geography';
import { generateValues } from './indicators';
import { buildPopulation } from './population';
import { buildSchools, type SchoolRow } from './schools';

/** The demo's full tables. */
export interface DemoData {
  catalog: Catalog;
  values: ValueRow[];
  facilities: FacilityRow[];
  caseload: CaseloadRow[];
  schools: SchoolRow[];
  /** Each municipality's county. */
  county: Map<string, string>;
}

/** Generates the demo (deterministic: the same every run). */
export function buildDemo(): DemoData {
  const municipalities = loadMunicipalities();
  const neighbours = queenNeighbours(municipalities.map((m) => m.feature));
  const latent = buildLatent(municipalities, neighbours);
  const population = buildPopulation(municipalities, latent);
  const catalog = buildCatalog();
  const values = generateValues(municipalities, latent, population);
  const { facilities, caseload } = buildFacilities(municipalities, latent, population);
  const schools = buildSchools(municipalities, latent, population);
  const county = new Map(municipalities.map((m) => [m.lau_code, m.qark_code]));
  return { catalog, values, facilities, caseload, schools, county };
}
