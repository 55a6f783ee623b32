/**
 * The command line and the import corpus. Every corpus file goes through `validateFiles`, the function
 * `atlas validate` runs (in-process, one DuckDB-WASM engine for all): it must finish quickly without a throw,
 * name the file in every problem with what was found, expected and how to fix it, leave the live tables
 * untouched, and give the outcome its manifest entry expects. Cases marked `knownIssue` are app bugs: their
 * expectation runs with it.fails (listed apart; once fixed it fails, so the mark gets removed). Then a few
 * real CLI processes (exit codes 0, 1, 2, started at once so they run beside the corpus) and the import
 * round trip through the app's loadDataset.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from '../src/cli/export';
import { importFiles, OUTPUT_FILES, sourceOf } from '../src/cli/import';
import { bufferIo } from '../src/cli/io';
import { run } from '../src/cli/main';
import { openSession, type Session } from '../src/cli/session';
import { suppressionSummary } from '../src/cli/summary';
import { loadDataset } from '../src/engine/dataset';
import type { FileReport } from '../src/contract/problem-types';
import type { Catalog } from '../src/engine/schema';
import type { Boundaries } from '../src/engine/static';
import { expectationFailures, invariantFailures, type CaseOutcome } from './corpus/expect';
import { CORPUS_SEED, generateCorpus } from './corpus/generate';
import { cli, inputMismatches, runCase, snapshot } from './corpus/harness';

const MAX_MS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-test-'));
const corpus = join(dir, 'corpus');
const manifest = await generateCorpus(corpus);
const file = (name: string) => join(corpus, name);
const out = join(dir, 'out');
const tables = ['catalog', 'values', 'facilities', 'caseload', 'schools', 'cases'];
const batch = [...tables.map((k) => `${k}-valid.csv`), 'boundaries-valid.geojson'];

const processes = {
  good: cli(['validate', file('values-valid.csv'), file('year-2010.csv'), '--json']),
  bad: cli(['validate', file('values-valid.csv'), file('place-elbassan.csv'), '--json']),
  missing: cli(['validate', file('no-such-file.csv')]),
  unknown: cli(['frobnicate']),
  imported: cli(['import', ...batch.map(file), '--out', out, '--json']),
};

let session: Session;
/** The shared session for in-process runs (run() closes what it opens: here, nothing). */
const shared = async (): Promise<Session> => ({ ...session, close: async () => {} });
const outcomes = new Map<string, CaseOutcome>();
let last: Awaited<ReturnType<typeof snapshot>> | undefined;

beforeAll(async () => {
  session = await openSession();
}, 60_000);
afterAll(async () => {
  await Promise.all(Object.values(processes));
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('corpus', () => {
  it('is large and expects many different codes', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(manifest.cases.flatMap((c) => (c.expect === 'ok' ? [] : c.expect))).size).toBeGreaterThan(
      20,
    );
  });

  for (const c of manifest.cases) {
    describe(c.name, () => {
      it(
        'finishes cleanly, names the file, leaves the live tables as they were',
        { timeout: 30_000 },
        async () => {
          const before = last ?? (await snapshot(session.conn));
          const outcome = await runCase(session, c.name, new Uint8Array(readFileSync(file(c.name))), MAX_MS);
          outcomes.set(c.name, outcome);
          last = await snapshot(session.conn);
          expect(invariantFailures(c, outcome, MAX_MS)).toEqual([]);
          expect(last).toEqual(before);
        },
      );
      const judge = () => expect(expectationFailures(c, outcomes.get(c.name)!)).toEqual([]);
      if (c.knownIssue) it.fails(`KNOWN ISSUE (fails until fixed): ${c.knownIssue}`, judge);
      else it(`gives ${c.expect === 'ok' ? 'no errors' : c.expect.join(', ')}`, judge);
    });
  }
});

describe('command line', () => {
  it('exits 0 without errors, 1 with errors, 2 for usage errors (real processes)', async () => {
    const { good, bad, missing, unknown } = processes;
    const [g, b, m, u] = await Promise.all([good, bad, missing, unknown]);
    expect(g.code, g.stderr).toBe(0);
    const okReport = JSON.parse(g.stdout) as { files: FileReport[]; ok: boolean };
    expect(okReport.ok).toBe(true);
    expect(okReport.files.map((f) => f.file)).toEqual(['values-valid.csv', 'year-2010.csv']);
    expect(okReport.files[1]!.problems.map((p) => [p.code, p.severity])).toEqual([
      ['year-out-of-range', 'warning'],
    ]);
    expect(b.code, b.stderr).toBe(1);
    const badReport = JSON.parse(b.stdout) as { files: FileReport[]; ok: boolean };
    expect(badReport.ok).toBe(false);
    const problem = {
      code: 'unknown-municipality',
      row: 4,
      column: 'municipality',
      file: 'place-elbassan.csv',
    };
    expect(badReport.files[1]!.problems[0]).toMatchObject(problem);
    // The JSON keeps the English texts and adds the catalog messages they were rendered from.
    expect(badReport.files[1]!.problems[0]!.text?.expected).toEqual({
      key: 'problems.unknown-municipality.place.expected',
    });
    expect([m.code, u.code]).toEqual([2, 2]);
    expect(m.stderr).toContain('no such file: ');
    expect(m.stderr).toContain('no-such-file.csv');
    expect(u.stderr).toContain('unknown command "frobnicate"');
  }, 90_000);

  it('reports usage errors before starting the engine', async () => {
    const never = () => Promise.reject(new Error('the engine must not start'));
    const usage: [string[], RegExp][] = [
      [['validate'], /at least one file/],
      [['validate', file('values-valid.csv'), '--xml'], /unknown option "--xml"/],
      [['validate', file('values-valid.csv'), '--k', 'five'], /--k needs a whole number/],
      [['validate', file('values-valid.csv'), '--k', '0'], /--k needs a whole number/],
      [['import', file('values-valid.csv')], /--out/],
      [['validate', corpus], /not a file/],
      [['import', file('values-valid.csv'), '--out', file('values-valid.csv')], /--out must be a folder/],
    ];
    for (const [argv, message] of usage) {
      const io = bufferIo();
      expect(await run(argv, io, never), argv.join(' ')).toBe(2);
      expect(io.stderr.join('\n')).toMatch(message);
    }
    const help = bufferIo();
    expect(await run([], help, never)).toBe(0);
    expect(help.stdout.join('\n')).toMatch(/validate <file>\.\.\. \[--json\] \[--k <n>\]/);
  });

  it('prints the text report with suggestions, "more" counts and inert file text', async () => {
    const io = bufferIo();
    const files = ['place-elbassan.csv', 'many-errors.csv', 'ansi-escape.csv'].map(file);
    expect(await run(['validate', ...files], io, shared)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain('place-elbassan.csv: REJECTED (recognised as indicator_values, 3 rows');
    expect(text).toMatch(/row 4, column "municipality"\s+\[unknown-municipality\]/);
    expect(text).toMatch(/did you mean: Elbasan/);
    expect(text).toMatch(/and \d+ more rows like this/);
    expect(text).toContain('\\u{1b}[31mAL121');
    expect(text).not.toContain('\u001b');
  });
});

describe('command line in Albanian', () => {
  it('--lang sq prints the problems, and the report around them, in Albanian', async () => {
    const io = bufferIo();
    const files = ['place-elbassan.csv', 'value-abc.csv'].map(file);
    expect(await run(['validate', ...files, '--lang', 'sq'], io, shared)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain('place-elbassan.csv: REFUZUAR (njohur si indicator_values, 3 rreshta');
    expect(text).toMatch(
      /GABIM {8}Bashki e panjohur: rreshti 4, kolona "municipality"\s+\[unknown-municipality\]/,
    );
    expect(text).toContain('pritej:   një kod LAU (AL111-AL357) ose emri i njërës nga 61 bashkitë');
    expect(text).toMatch(/zgjidhja: “Elbassan” nuk është një nga 61 bashkitë\. Mos keni parasysh Elbasan/);
    expect(text).toContain('mos keni parasysh: Elbasan (AL213)');
    expect(text).toMatch(/Lloj i gabuar vlere: rreshti \d+, kolona "value"/);
    expect(text).toContain('U gjetën gabime: asgjë nuk ngarkohet derisa të korrigjohen.');
    expect(text).not.toMatch(/\b(found|expected|fix):/);
  });

  it('--lang takes en or sq only, for validate, import and classify', async () => {
    const never = () => Promise.reject(new Error('the engine must not start'));
    for (const argv of [
      ['validate', file('values-valid.csv'), '--lang', 'de'],
      ['import', file('values-valid.csv'), '--out', out, '--lang=fr'],
      ['classify', '--input', file('values-valid.csv'), '--column', 'value', '--lang', 'xx'],
    ]) {
      const io = bufferIo();
      expect(await run(argv, io, never), argv.join(' ')).toBe(2);
      expect(io.stderr.join('\n')).toMatch(/--lang must be one of en, sq/);
    }
  });
});

describe('import', () => {
  it('writes nothing when a file has an error (exit 1)', async () => {
    const io = bufferIo();
    const rejected = join(dir, 'rejected');
    expect(
      await run(['import', file('values-valid.csv'), file('value-abc.csv'), '--out', rejected], io, shared),
    ).toBe(1);
    expect(io.stdout.join('\n')).toContain('value-abc.csv: REJECTED');
    expect(existsSync(rejected)).toBe(false);
  });

  it.runIf(existsSync('/proc/self'))('an --out that cannot be created is an error, not a hang', async () => {
    const io = bufferIo();
    const argv = ['import', file('facilities-valid.csv'), '--out', '/proc/atlas-no-such/out'];
    expect(await run(argv, io, shared)).toBe(1);
    expect(io.stderr.join('\n')).toContain('a folder that cannot be written');
  });

  it('writes Parquet the app loads back unchanged (round trip through loadDataset)', async () => {
    const r = await processes.imported;
    expect(r.code, r.stderr).toBe(0);
    const written = (JSON.parse(r.stdout) as { written: { file: string }[] }).written.map((w) => w.file);
    const extra = ['catalog.json', 'municipalities.geojson'];
    expect(written.sort()).toEqual([...OUTPUT_FILES.map(([, f]) => f), ...extra].sort());
    // The same batch in this engine: its tables after the import are what the written files must hold.
    const inProcess = await importFiles(session, batch.map(file), join(dir, 'out2'), 5);
    expect(inProcess.ok).toBe(true);
    const sorted = (rows: Record<string, unknown>[]) => rows.map((x) => JSON.stringify(x)).sort();
    const want = new Map<string, string[]>();
    // values.parquet holds the user's values only (user_values), not the demo rows they were merged with.
    for (const [table] of OUTPUT_FILES) {
      want.set(table, sorted(await tableRows(session.conn, (await sourceOf(session.conn, table))!)));
    }
    const files = Object.fromEntries(
      OUTPUT_FILES.map(([t, f]) => [t, { name: f, bytes: new Uint8Array(readFileSync(join(out, f))) }]),
    );
    const geo = JSON.parse(readFileSync(join(out, 'municipalities.geojson'), 'utf8')) as Boundaries;
    expect(geo.features.map((f) => f.properties.qark_name).filter(Boolean)).toHaveLength(61);
    const municipalities = geo.features.map((f) => f.properties);
    await loadDataset(session.conn, session.parquet, municipalities, files);
    for (const [table] of OUTPUT_FILES) {
      expect(want.get(table)!.length, table).toBeGreaterThan(0);
      expect(sorted(await tableRows(session.conn, table)), table).toEqual(want.get(table));
    }
    expect(await inputMismatches(session.conn, CORPUS_SEED)).toEqual([]);
    const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')) as Catalog;
    expect(catalog.synthetic).toBe(false);
    expect(catalog.indicators.map((i) => i.id)).toContain('cp_cases_rate');
  }, 90_000);

  it('--k changes how many cells the summary says are hidden', async () => {
    const hidden = async (k: number) =>
      (await suppressionSummary(session.conn, session.catalog.indicators, k)).reduce(
        (n, s) => n + s.suppressed,
        0,
      );
    // The demo's files are served suppressed at k = 5: what they withhold stays hidden at any k (the
    // summary is of the user's values once an earlier test has imported some: none of them is withheld).
    const [own] = await session.conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM user_values',
      params: [],
    });
    const [withheld] = await session.conn.query<{ n: number }>({
      sql: "SELECT count(*)::INTEGER AS n FROM indicator_values WHERE status = 'c'",
      params: [],
    });
    expect(await hidden(1)).toBe((own?.n ?? 0) > 0 ? 0 : withheld!.n);
    expect(await hidden(5)).toBeGreaterThanOrEqual(await hidden(1));
    expect(await hidden(50)).toBeGreaterThan(await hidden(5));
  });
});
