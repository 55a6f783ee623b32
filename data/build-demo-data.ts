/**
 * `npm run data`: builds the synthetic demo dataset into public/data/.
 *
 * Outputs: catalog.json, values.parquet, facilities.parquet, caseload.parquet, schools.parquet,
 * first-view.json.
 * Every number comes from the seeded generator (data/demo/config.ts), so running this twice gives
 * byte-identical files. See data/README.md for how the data is made.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { buildCatalog } from './demo/catalog';
import { repoPath, SEED } from './demo/config';
import { buildLatent } from './demo/deprivation';
import { buildFacilities } from './demo/facilities';
import { buildFirstView, formatFirstView } from './demo/first-view';
import { loadMunicipalities, queenNeighbours } from './demo/geography';
import { generateValues } from './demo/indicators';
import { writeParquet } from './demo/parquet';
import { buildPopulation } from './demo/population';
import { buildSchools, writeSchoolsParquet } from './demo/schools';

const OUT = 'public/data';

async function main(): Promise<void> {
  const municipalities = loadMunicipalities();
  const neighbours = queenNeighbours(municipalities.map((m) => m.feature));
  const latent = buildLatent(municipalities, neighbours);
  const population = buildPopulation(municipalities, latent);
  const catalog = buildCatalog();
  const values = generateValues(municipalities, latent, population);
  const { facilities, caseload } = buildFacilities(municipalities, latent, population);
  const county = new Map(municipalities.map((m) => [m.lau_code, m.qark_code]));
  const firstView = buildFirstView(catalog, values, county);

  const out = (file: string): string => repoPath(`${OUT}/${file}`);
  mkdirSync(repoPath(OUT), { recursive: true });
  writeFileSync(out('catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);
  writeFileSync(out('first-view.json'), formatFirstView(firstView));
  await writeParquet(
    {
      values: out('values.parquet'),
      facilities: out('facilities.parquet'),
      caseload: out('caseload.parquet'),
    },
    values,
    facilities,
    caseload,
  );
  const schools = buildSchools(municipalities, latent, population);
  await writeSchoolsParquet(out('schools.parquet'), schools);

  // A short summary, so a change in the generator shows up in the terminal at once.
  const size = (file: string): string => `${(statSync(out(file)).size / 1024).toFixed(1)} KB`;
  const suppressed = firstView.rows.filter((r) => r[3]).length;
  const active = facilities.filter(
    (f) => f.opened <= catalog.defaultYear && (f.closed === null || f.closed > catalog.defaultYear),
  ).length;
  console.log(`Synthetic demo data (seed ${SEED}) written to ${OUT}/`);
  console.log(`  values.parquet      ${values.length} rows, ${size('values.parquet')}`);
  console.log(
    `  facilities.parquet  ${facilities.length} units (${active} active in ${catalog.defaultYear}), ${size('facilities.parquet')}`,
  );
  console.log(`  caseload.parquet    ${caseload.length} rows, ${size('caseload.parquet')}`);
  console.log(`  schools.parquet     ${schools.length} rows, ${size('schools.parquet')}`);
  console.log(
    `  first-view.json     ${firstView.rows.length} rows, ${suppressed} suppressed, ${size('first-view.json')}`,
  );
  console.log(`  catalog.json        ${catalog.indicators.length} indicators, ${size('catalog.json')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
