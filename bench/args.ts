/** Command-line options of `npm run bench`. */

/** What to run, and how much. */
export interface BenchOptions {
  /** Cold loads (`--runs N`, default 20). */
  runs: number;
  /** Interactions of each kind per load (`--interactions N`, default 3: keeps the default bench near 5 minutes). */
  interactions: number;
  /**
   * Idle time before each interaction (`--gap-ms N`, default 250), as between a person's clicks. With 0 the
   * next input lands while the software GPU is still compositing the previous frame, and queues behind it.
   */
  gapMs: number;
  /**
   * Idle time after the page is ready before the first interaction (`--settle-ms N`, default 1000), as a
   * person looks at the map before touching it; the app prefetches the county level in that time.
   */
  settleMs: number;
  /**
   * Reloads after one first visit with the service worker (`--repeat-visits N`, default 10; 0 skips them):
   * the repeat-visit `atlas:duckdb-ready`.
   */
  repeatVisits: number;
  /** Timed runs per Parquet reader and file (`--parquet-runs N`, default 5). */
  parquetRuns: number;
  /** Cold loads of each of the coverage, hotspots and planner views (`--view-runs N`, default 3; 0 skips them). */
  viewRuns: number;
  /** Inputs of each kind per view load (`--view-interactions N`, default 3). */
  viewInteractions: number;
  /** `--views-only`: only the views' loads (no map loads, repeat visits or Parquet readers), into bench/results/views.{json,md}. */
  viewsOnly: boolean;
  /** `--no-build`: measure the dist/ already there. */
  build: boolean;
  /** Lighthouse runs per preset, desktop and mobile (`--lighthouse N`, default 3; 0 skips them). */
  lighthouse: number;
  /** `--no-parquet`: skip the Parquet reader comparison. */
  parquet: boolean;
  /** `--strict`: exit 1 when a goal is missed (otherwise only when a run fails outright). */
  strict: boolean;
  port: number;
}

const USAGE = `npm run bench -- [--cases ROWS [--json] [--rounds N] [--inputs N] [--settle-ms N]] [--serve ROWS [--requests N] [--connections N] [--distinct N] [--db-connections N]] [--runs N] [--interactions N] [--gap-ms N] [--settle-ms N] [--repeat-visits N] [--parquet-runs N] [--lighthouse N] [--view-runs N] [--view-interactions N] [--views-only] [--port N] [--no-build] [--no-parquet] [--strict]`;

function count(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${flag} needs an integer ≥ ${min}, got ${value}\n${USAGE}`);
  return n;
}

/** Parses argv (without node and the script). Throws with the usage on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const o: BenchOptions = {
    runs: 20,
    interactions: 3,
    gapMs: 250,
    settleMs: 1000,
    repeatVisits: 10,
    parquetRuns: 5,
    viewRuns: 3,
    viewInteractions: 3,
    viewsOnly: false,
    lighthouse: 3,
    build: true,
    parquet: true,
    strict: false,
    port: 4180,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? (a.split('=', 2) as [string, string]) : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--runs':
        o.runs = count(flag, value(), 1);
        break;
      case '--interactions':
        o.interactions = count(flag, value(), 0);
        break;
      case '--gap-ms':
        o.gapMs = count(flag, value(), 0);
        break;
      case '--settle-ms':
        o.settleMs = count(flag, value(), 0);
        break;
      case '--repeat-visits':
        o.repeatVisits = count(flag, value(), 0);
        break;
      case '--lighthouse':
        o.lighthouse = count(flag, value(), 0);
        break;
      case '--parquet-runs':
        o.parquetRuns = count(flag, value(), 1);
        break;
      case '--view-runs':
        o.viewRuns = count(flag, value(), 0);
        break;
      case '--view-interactions':
        o.viewInteractions = count(flag, value(), 1);
        break;
      case '--port':
        o.port = count(flag, value(), 1);
        break;
      case '--views-only':
        o.viewsOnly = true;
        break;
      case '--no-build':
        o.build = false;
        break;
      case '--no-parquet':
        o.parquet = false;
        break;
      case '--strict':
        o.strict = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  return o;
}
