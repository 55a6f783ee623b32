/**
 * The problem catalogs (src/i18n/problems.en.json, problems.sq.json): every problem code has a title in
 * both languages, every key the source uses exists in both with the same placeholders, nothing in them is
 * unused, the column descriptions are the contract's, and a few problems read as they should in Albanian.
 * The corpus (test/cli.test.ts, test/corpus/expect.ts) checks every problem it produces renders from them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateBoundaries } from '../src/contract/boundaries';
import { columnChecks } from '../src/contract/checks-columns';
import { CONTRACT } from '../src/contract/contract';
import { matchMunicipality } from '../src/contract/names';
import { localProblem, msg, problemTitle, renderMsg } from '../src/contract/problem-text';
import type { Problem } from '../src/contract/problem-types';
import { runCheck, type CheckRun } from '../src/contract/problems';
import type { Connector } from '../src/engine/connector';
import type { ParquetModule } from '../src/engine/parquet';
import problemsEn from '../src/i18n/problems.en.json';
import problemsSq from '../src/i18n/problems.sq.json';
import { readInput } from '../src/import/read';
import { demoContext } from './fixtures/validate/setup';

type Tree = { [k: string]: string | Tree };

/** Every text of a catalog by its key (plural forms as they are: `rows_one`, `rows_other`). */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const en = leaves(problemsEn as Tree);
const sq = leaves(problemsSq as Tree);
/** The key a message names: plural forms without their suffix. */
const base = (k: string) => k.replace(/_(one|other)$/, '');
const keys = new Set([...en.keys()].map(base));

/** The placeholders of a text ("{{n, num}}" is n). */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();
}

/** Every .ts and .tsx file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(f) ? [path] : [];
  });
}

const code = sources('src').map((f) => readFileSync(f, 'utf8'));
/** Keys written out in the source, and prefixes of keys built from a template (`problems.x.${k}`). */
const literal = new Set(
  code
    .flatMap((s) => [...s.matchAll(/['"`](problems\.[\w.-]+)['"`]/g)].map((m) => m[1]!))
    .filter((k) => !k.endsWith('.json')), // the catalogs' file names, in comments
);
const prefixes = new Set(code.flatMap((s) => [...s.matchAll(/`(problems\.[\w.-]*)\$\{/g)].map((m) => m[1]!)));

/** The problem codes, read from the ProblemCode union. */
function problemCodes(): string[] {
  const src = readFileSync('src/contract/problem-types.ts', 'utf8');
  const union = /export type ProblemCode =([^;]+);/.exec(src)![1]!;
  return [...union.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]!);
}

describe('problem catalogs', () => {
  it('give every problem code a title in English and Albanian', () => {
    const codes = problemCodes();
    expect(codes.length).toBeGreaterThan(30);
    const missing = codes.flatMap((c) =>
      [en, sq].flatMap((cat, i) => (cat.get(`problems.${c}.title`) ? [] : [`${c} (${i ? 'sq' : 'en'})`])),
    );
    expect(missing).toEqual([]);
  });

  it('have the same keys and the same placeholders in both languages', () => {
    expect([...sq.keys()].sort()).toEqual([...en.keys()].sort());
    const differ = [...en].filter(
      ([k, v]) => placeholders(v).join() !== placeholders(sq.get(k) ?? '').join(),
    );
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('leave no Albanian text empty or in English (texts of only placeholders and punctuation aside)', () => {
    const wordless = (v: string) => !/\p{L}/u.test(v.replace(/\{\{[^}]*\}\}/g, ''));
    const same = [...sq].filter(([k, v]) => v === '' || (v === en.get(k) && !wordless(v)));
    expect(same.map(([k]) => k)).toEqual([]);
  });

  it('hold every key the source uses, and nothing the source does not use', () => {
    expect(literal.size).toBeGreaterThan(150);
    const missing = [...literal].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
    const noPrefix = [...prefixes].filter((p) => ![...keys].some((k) => k.startsWith(p)));
    expect(noPrefix).toEqual([]);
    // Titles are looked up by code, column descriptions by table and column.
    const unused = [...keys].filter(
      (k) =>
        !literal.has(k) &&
        ![...prefixes].some((p) => p !== 'problems.' && k.startsWith(p)) &&
        !/^problems\.[a-z0-9-]+\.title$/.test(k) &&
        !k.startsWith('problems.column.'),
    );
    expect(unused).toEqual([]);
  });

  it('are where every problem of the import path gets its words: no English written at a problem site', () => {
    const sites = sources('src/contract')
      .concat(sources('src/import'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${f}:${i + 1}`, line })),
      )
      // A check's found may be SQL (the cells as they are); anything else is text for a person.
      .filter(
        ({ line }) => /\b(found|expected|fix): *['"`]/.test(line) && !/\bs\.\w|__raw|coalesce\(/.test(line),
      );
    expect(sites.map((s) => `${s.at}: ${s.line.trim()}`)).toEqual([]);
  });

  it('describe every contract column as the contract does, in both languages', () => {
    for (const spec of Object.values(CONTRACT)) {
      for (const c of spec.columns) {
        const key = `problems.column.${spec.kind}.${c.name}`;
        expect(en.get(key), key).toBe(c.description);
        expect(sq.get(key), key).toBeTruthy();
      }
    }
  });

  it('render values from a file as they are: no placeholders or nesting inside them', () => {
    const m = msg('problems.unexpected-column.twice.fix', {
      of: '{{header}}',
      header: '$t(problems.common.empty)',
    });
    expect(renderMsg(m, 'sq')).toBe(
      'Hiqni njërën nga {{header}} dhe $t(problems.common.empty); lexohet vetëm e para.',
    );
  });
});

/** Renders a problem in Albanian, as the app and `--lang sq` show it. */
function inAlbanian(p: Problem) {
  return { title: problemTitle(p.code, 'sq'), ...localProblem(p, 'sq') };
}

const noParquet = {} as ParquetModule;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('problems in Albanian', () => {
  it('a CSV row with a cell too many', () => {
    const csv = 'lau_code;year;indicator;value\nAL111;2024;cp_cases_rate;1,5\nAL112;2024;cp_cases_rate;2;7\n';
    const r = readInput({ name: 'v.csv', bytes: bytes(csv) }, noParquet);
    const p = r.problems.find((x) => x.code === 'csv-parse')!;
    expect(p.found).toBe('row 3 has more cells (5) than the first row names (4)');
    expect(inAlbanian(p)).toEqual({
      title: 'Struktura e CSV-së',
      found: 'rreshti 3 ka më shumë qeliza (5) se sa emra ka rreshti i parë (4)',
      expected: '4 qeliza për rresht, të ndara me pikëpresje',
      fix: 'Kontrolloni nëse rreshtit 3 i mungon ose i tepron një ndarës (pikëpresje), ose nëse ka një vlerë me ";" që nuk është brenda thonjëzave dyshe.',
    });
  });

  it('a Parquet file cut short, with its size formatted the Albanian way', () => {
    const head = new Uint8Array(12_345);
    head.set(bytes('PAR1'));
    const r = readInput({ name: 'v.parquet', bytes: head }, noParquet);
    const p = r.problems[0]!;
    expect(p.found).toBe('a Parquet file that ends early (12,345 bytes, without the closing "PAR1" marker)');
    expect(inAlbanian(p)).toEqual({
      title: 'Skedar Parquet i dëmtuar',
      found: 'një skedar Parquet që mbaron para kohe (12\u00a0345 bajt, pa shenjën mbyllëse "PAR1")',
      expected: 'një skedar Parquet i plotë, si ata që shkruajnë pyarrow, R arrow, Spark ose DuckDB',
      fix: 'Eksportojeni ose shkarkojeni skedarin përsëri: mos u ndërpre shkarkimi?',
    });
  });

  it('a misspelt municipality, with its suggestions', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Elbassan' }, geometry: null }],
    } as unknown as FeatureCollection;
    const p = validateBoundaries('b.geojson', fc, demoContext()).problems.find(
      (x) => x.code === 'unknown-municipality',
    )!;
    expect(p.suggestions?.[0]).toBe('Elbasan (AL213)');
    expect(p.fix).toBe('“Elbassan” is not one of the 61 municipalities. Did you mean Elbasan?');
    expect(inAlbanian(p)).toEqual({
      title: 'Bashki e panjohur',
      found: 'Elbassan',
      expected: 'një nga 61 bashkitë',
      fix: '“Elbassan” nuk është një nga 61 bashkitë. Mos keni parasysh Elbasan?',
    });
    const county = matchMunicipality('Qarku Dibër');
    expect('text' in county && renderMsg(county.text, 'sq')).toMatch(
      /^“Qarku Dibër” është qarku Dibër, që ka \d+ bashki; vlerat duhet të jepen për çdo bashki\. Nëse keni parasysh bashkinë Dibër, shkruani “Dibër” ose AL112\.$/,
    );
  });

  it('a check on a staged table: a number written with a % sign', async () => {
    const spec = CONTRACT.indicator_values;
    const check = columnChecks(spec, new Set(['value']), demoContext(), true).find(
      (c) => c.code === 'wrong-type',
    )!;
    const hit = { row: 2, found: '12,5 %', detail: null, cell: null, total: 1 };
    const conn = { query: () => Promise.resolve([hit]) } as unknown as Connector;
    const run: CheckRun = {
      conn,
      file: 'v.csv',
      from: 's',
      rowOffset: 1,
      maxListed: 20,
      headers: new Map([['value', 'vlera']]),
    };
    const [p] = await runCheck(run, check);
    expect([p!.found, p!.expected, p!.column]).toEqual(['12,5 %', 'a number', 'vlera']);
    expect(inAlbanian(p!)).toEqual({
      title: 'Lloj i gabuar vlere',
      found: '12,5 %',
      expected: 'një numër',
      fix: 'Shkruani një numër me "," si presje dhjetore (siç bën ky skedar), pa njësi, shenja % apo fjalë; lëreni qelizën bosh kur nuk ka të dhëna.',
    });
  });
});
