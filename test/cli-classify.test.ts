/**
 * `atlas classify`, run in-process through the CLI router (src/cli/main.ts run) on CSV and Parquet files
 * written here: mapclassify's published calemp breaks come out of the command line as they come out of
 * classBreaks, the printed numbers equal what the map classifies with, and every error has its exit code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { classBreaks, classIndex } from '../src/analysis/classify';
import type { ClassifyResult } from '../src/cli/classify';
import { ipcToParquet } from '../src/cli/export';
import { bufferIo } from '../src/cli/io';
import { run } from '../src/cli/main';

const calemp = (
  JSON.parse(readFileSync(new URL('./fixtures/classify/calemp.json', import.meta.url), 'utf8')) as {
    values: number[];
  }
).values;

const dir = mkdtempSync(join(tmpdir(), 'atlas-classify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

// calemp as a CSV: a county id, the density, and a text column.
writeFileSync(
  path('calemp.csv'),
  ['county,emp_density,note', ...calemp.map((v, i) => `c${i + 1},${v},ok`)].join('\r\n'),
);
// The same numbers written with a decimal comma and semicolons, in Windows-1252 (as Excel in Tirana saves).
writeFileSync(
  path('calemp-comma.csv'),
  Buffer.from(
    ['qarku;dendësia', ...calemp.map((v, i) => `Korçë ${i};${String(v).replace('.', ',')}`)].join('\r\n'),
    'latin1',
  ),
);
// With gaps and junk: two empty cells, three that are not numbers.
writeFileSync(
  path('dirty.csv'),
  ['id,v', ...calemp.map((v, i) => `${i},${v}`), 'x,', 'y,n/a', 'z,12%', 'w,', 'u,=1+1'].join('\n'),
);
writeFileSync(path('few.csv'), 'id,v\na,1\nb,2\nc,2\nd,1\n');
writeFileSync(path('text.csv'), 'id,v\na,x\nb,y\n');
writeFileSync(path('garbage.parquet'), 'id,v\na,1\n');
// calemp as Parquet (Float64) with parquet-wasm, the writer `atlas import` uses.
writeFileSync(
  path('calemp.parquet'),
  ipcToParquet(
    tableToIPC(
      tableFromArrays({
        county: calemp.map((_, i) => `c${i + 1}`),
        emp_density: Float64Array.from(calemp),
      }),
      'stream',
    ),
  ),
);

async function atlas(...args: string[]) {
  const io = bufferIo();
  const code = await run(['classify', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
const lines = (out: string) => out.split('\n').map(Number);

describe('atlas classify on mapclassify calemp', () => {
  it('FisherJenks(k=5) prints the published bins [75.29, 192.05, 370.5, 722.85, 4111.45], one per line', async () => {
    for (const file of ['calemp.csv', 'calemp.parquet', 'calemp-comma.csv']) {
      const column = file === 'calemp-comma.csv' ? 'dendësia' : 'emp_density';
      const r = await atlas(
        '--input',
        path(file),
        '--column',
        column,
        '--method',
        'fisher',
        '--classes',
        '5',
      );
      expect(r, file).toMatchObject({ code: 0, err: '' });
      expect(r.out).toBe('75.29\n192.05\n370.5\n722.85\n4111.45');
    }
  });

  it('Quantiles and EqualInterval(k=5) print the published bins', async () => {
    const q = await atlas('--input', path('calemp.csv'), '--column', 'emp_density', '--method', 'quantile');
    expect(q.code).toBe(0);
    const published = [1.464, 5.798, 13.278, 54.616, 4111.45];
    lines(q.out).forEach((v, i) => expect(v).toBeCloseTo(published[i]!, 9));
    const e = await atlas('--input', path('calemp.csv'), '--column', 'emp_density', '--method=equal');
    const equal = [822.394, 1644.658, 2466.922, 3289.186, 4111.45];
    lines(e.out).forEach((v, i) => expect(v).toBeCloseTo(equal[i]!, 9));
  });

  it('--json gives the thresholds the map classifies with, and the counts', async () => {
    for (const method of ['quantile', 'equal', 'fisher', 'stddev'] as const) {
      for (const classes of [3, 5, 9]) {
        const r = await atlas(
          '--input',
          path('calemp.parquet'),
          '--column',
          'emp_density',
          '--method',
          method,
          '--classes',
          String(classes),
          '--json',
        );
        expect(r.code).toBe(0);
        const j = JSON.parse(r.out) as ClassifyResult;
        const map = classBreaks(calemp, method, classes);
        expect(j.thresholds).toEqual(map);
        expect(j).toMatchObject({ method, classes, n: 58, min: 0.13, max: 4111.45 });
        expect(j.counts.reduce((a, b) => a + b, 0)).toBe(58);
        // Each printed inner bound puts the values where the map's thresholds do.
        for (const v of calemp) {
          const mapClass = classIndex(map, v);
          const printed = j.breaks.slice(0, -1);
          const cliClass =
            method === 'quantile'
              ? printed.filter((b) => v >= b).length
              : printed.filter((b) => v > b).length;
          expect(cliClass).toBe(mapClass);
        }
      }
    }
    const fisher = await atlas(
      '--input',
      path('calemp.csv'),
      '--column',
      'emp_density',
      '--method',
      'fisher',
      '--json',
    );
    expect(JSON.parse(fisher.out)).toMatchObject({
      counts: [49, 3, 4, 1, 1],
      breaks: [75.29, 192.05, 370.5, 722.85, 4111.45],
    });
  });

  it('manual breaks: --breaks is the inner upper bounds', async () => {
    const r = await atlas(
      '--input',
      path('calemp.csv'),
      '--column',
      'emp_density',
      '--breaks',
      '10,100,1000',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      method: 'manual',
      classes: 4,
      breaks: [10, 100, 1000, 4111.45],
    });
  });
});

describe('atlas classify errors', () => {
  it('skips empty and non-numeric cells, warning about the non-numeric ones on stderr', async () => {
    const r = await atlas('--input', path('dirty.csv'), '--column', 'v', '--method', 'fisher', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/3 values of "v" not a number, skipped/);
    expect(r.err).toContain('"n/a"');
    expect(JSON.parse(r.out)).toMatchObject({
      n: 58,
      skipped: { empty: 2, nonNumeric: 3 },
      breaks: [75.29, 192.05, 370.5, 722.85, 4111.45],
    });
  });

  it('a missing column is a data error naming the columns there are', async () => {
    const r = await atlas('--input', path('calemp.csv'), '--column', 'density');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no column "density"; its columns are: county, emp_density, note');
  });

  it('fewer distinct values than classes, or no numbers, is a data error', async () => {
    const few = await atlas('--input', path('few.csv'), '--column', 'v', '--classes', '3');
    expect(few.code).toBe(1);
    expect(few.err).toContain('2 distinct values, fewer than the 3 classes');
    const none = await atlas('--input', path('text.csv'), '--column', 'v');
    expect(none.code).toBe(1);
    expect(none.err).toContain('no numbers to classify');
  });

  it("an unreadable file is a data error with the reader's explanation", async () => {
    const r = await atlas('--input', path('garbage.parquet'), '--column', 'v');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/garbage\.parquet: text, not Parquet/);
  });

  it('usage mistakes exit with 2 and say what was wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['--column', 'v'], /needs --input/],
      [['--input', path('nope.csv'), '--column', 'v'], /no such file/],
      [['--input', path('calemp.csv')], /needs --column/],
      [['--input', path('calemp.csv'), '--column', 'v', '--method', 'jenks'], /--method must be one of/],
      [['--input', path('calemp.csv'), '--column', 'v', '--classes', '2'], /from 3 to 9/],
      [['--input', path('calemp.csv'), '--column', 'v', '--classes', '10'], /from 3 to 9/],
      [['--input', path('calemp.csv'), '--column', 'v', '--method', 'manual'], /needs --breaks/],
      [['--input', path('calemp.csv'), '--column', 'v', '--breaks', '1,x'], /break 2 is "x"/],
      [['--input', path('calemp.csv'), '--column', 'emp_density', '--breaks', '5,1'], /Manual break/],
      [['--input', path('calemp.csv'), '--column', 'v', '--frob'], /unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = await atlas(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
  });

  it('is listed in the help', async () => {
    const io = bufferIo();
    expect(await run(['help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('npm run atlas -- classify --input');
  });
});
