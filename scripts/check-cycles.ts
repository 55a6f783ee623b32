/**
 * Fails when src/ holds an import cycle, type-only imports included (eslint's import-x/no-cycle skips
 * `import type`). madge resolves the TypeScript paths; packages are outside the graph.
 */
import madge from 'madge';

const result = await madge('src', {
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.app.json',
  excludeRegExp: [/node_modules/],
});
const cycles = result.circular();
const modules = Object.keys(result.obj()).length;
if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' -> ')} -> ${cycle[0]}`);
  process.exit(1);
}
console.log(`no import cycle among ${modules} modules of src/`);
