/**
 * What test/cli.test.ts runs the corpus and the CLI with: one case through `validateFiles` with a time limit,
 * a snapshot of the live tables, the real CLI as a child process, and an independent check of imported
 * values against the corpus's own base tables.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { validateFiles } from '../../src/cli/check';
import { tableRows } from '../../src/cli/export';
import type { Session } from '../../src/cli/session';
import type { Connector } from '../../src/engine/connector';
import { makeBase } from './base';
import type { CaseOutcome } from './expect';

/** Validates one file like `atlas validate`, recording a throw or a timeout instead of failing. */
export async function runCase(session: Session, name: string, bytes: Uint8Array, maxMs: number) {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${maxMs} ms`)), maxMs);
  });
  const outcome: CaseOutcome = { result: null, thrown: null, ms: 0 };
  try {
    outcome.result = await Promise.race([validateFiles(session, [{ name, bytes }]), timeout]);
  } catch (err) {
    outcome.thrown = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    clearTimeout(timer);
  }
  outcome.ms = performance.now() - t0;
  return outcome;
}

/** Row count and checksum of the live indicator values, and the number of leftover staging tables. */
export async function snapshot(conn: Connector) {
  const [values] = await conn.query({
    sql: `SELECT count(*)::INTEGER AS n,
  sum(hash(lau_code, year, indicator, value, numerator, denominator))::VARCHAR AS h FROM indicator_values`,
    params: [],
  });
  const [staging] = await conn.query({
    sql: "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name LIKE 'stage_%'",
    params: [],
  });
  return { values, staging };
}

/** What a CLI process did. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`tsx src/cli/bin.ts ...`) in a child process. */
export function cli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const tsx = join('node_modules', '.bin', 'tsx');
    // No transform cache: several CLIs start at once, and on a cold cache (after an edit, or a clean
    // machine) one could read a module another was still writing, run nothing and exit 0 silently.
    execFile(tsx, ['--no-cache', 'src/cli/bin.ts', ...args], { timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Differences between the loaded indicator values and the corpus's base tables (seed `seed`): the values
 * file's rows as they are (cp_cases_rate aside: the cases file replaces it), and per municipality and year
 * the number of case records (cp_cases_rate numerator) and of trafficking and exploitation cases.
 */
export async function inputMismatches(conn: Connector, seed: number): Promise<string[]> {
  const base = makeBase(seed);
  const rows = await tableRows(conn, 'indicator_values');
  const key = (r: readonly unknown[]) => r.slice(0, 3).join('|');
  const loaded = new Map(rows.map((r) => [key([r.lau_code, r.year, r.indicator]), r]));
  const out: string[] = [];
  for (const r of base.values.rows.filter((x) => x[2] !== 'cp_cases_rate')) {
    const want = {
      lau_code: r[0],
      year: r[1],
      indicator: r[2],
      value: r[3],
      numerator: r[4],
      denominator: r[5],
      status: null,
    };
    const got = loaded.get(key(r));
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${key(r)}: ${JSON.stringify(got)}`);
  }
  const counts = new Map<string, { all: number; trafficking: number }>();
  for (const c of base.cases.rows) {
    const n = counts.get(`${c[2]}|${c[0]}`) ?? { all: 0, trafficking: 0 };
    n.all++;
    if (c[5] === 'trafficking' || c[5] === 'exploitation') n.trafficking++;
    counts.set(`${c[2]}|${c[0]}`, n);
  }
  for (const [k, n] of counts) {
    const cases = loaded.get(`${k}|cp_cases_rate`)?.numerator;
    const trafficking = loaded.get(`${k}|trafficking_referrals`)?.value;
    if (cases !== n.all) out.push(`${k}: ${String(cases)} cases, expected ${n.all}`);
    if (trafficking !== n.trafficking)
      out.push(`${k}: ${String(trafficking)} trafficking, expected ${n.trafficking}`);
  }
  return out;
}
