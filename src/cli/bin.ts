/**
 * The command line's entry (`npm run atlas`): runs ./main.ts's router on the process's arguments. Kept apart
 * from the router so that importing it (tests, the bench) never runs anything, and running it never depends
 * on how tsx names the module it loads (a cold tsx cache once loaded main.ts under a URL that matched no path,
 * and the CLI exited 0 saying nothing).
 */
import { run } from './main';

process.exitCode = await run(process.argv.slice(2));
