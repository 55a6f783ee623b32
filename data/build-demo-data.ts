/**
 * `npm run data`: builds the synthetic demo dataset into public/data/.
 *
 * Outputs: catalog.json, values.parquet, totals.parquet, facilities.parquet, caseload.parquet,
 * schools.parquet, school-totals.parquet, first-view.json: every one suppressed at source (issue 12,
 * docs/privacy.md), so that what a browser is sent holds no small count.
 * Every number comes from the seeded generator (data/demo/config.ts), so running this twice gives
 * byte-identical files. See data/README.md for how the data is made.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { buildDemo } from './demo/build';
import { repoPath, SEED } from './demo/config';
import { buildFirstView, formatFirstView } from './demo/first-view';
import { DEFAULT_K } from '../src/analysis/suppression';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { writeServedFiles } from '../src/engine/serve/served-files';

const OUT = 'public/data';

async function main(): Promise<void> {
  const { catalog, values, facilities, caseload, schools, county } = buildDemo();
  const firstView = buildFirstView(catalog, values, county);

  const out = (file: string): string => repoPath(`${OUT}/${file}`);
  mkdirSync(repoPath(OUT), { recursive: true });
  writeFileSync(out('first-view.json'), formatFirstView(firstView));
  // Every file is written suppressed at source (issue 12): what the browser receives holds no small count.
  const served = writeServedFiles(
    loadParquetModuleNode(),
    { indicators: catalog.indicators, values, county, facilities, caseload, schools },
    DEFAULT_K,
  );
  const files = Object.keys(served.files).sort();
  const servedCatalog = { ...catalog, served: { k: served.withheld.k, files, withheld: served.withheld } };
  writeFileSync(out('catalog.json'), `${JSON.stringify(servedCatalog, null, 2)}\n`);
  for (const [file, bytes] of Object.entries(served.files)) writeFileSync(out(file), bytes as Uint8Array);

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
  const w = served.withheld;
  console.log(
    `  withheld at k=${w.k}: ${w.values.primary} values (primary) + ${w.values.secondary} (secondary), ${w.values.counties} county and ${w.values.national} national totals; schools ${w.schools?.primary ?? 0} + ${w.schools?.secondary ?? 0}, ${w.schools?.municipalities ?? 0} municipal totals; caseload ${w.caseload ?? 0}`,
  );
  console.log(`  catalog.json        ${catalog.indicators.length} indicators, ${size('catalog.json')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
