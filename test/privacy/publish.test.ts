/**
 * `atlas publish` end to end, in process: a user's workbook becomes a site whose every data file is
 * suppressed at source, written the same way twice; bad input or a k below 5 writes nothing. The demo's own
 * public/data is scanned the same way (it is what `npm run data` serves).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { writeCases } from '../../src/cli/cases';
import { bufferIo } from '../../src/cli/io';
import { publish } from '../../src/cli/publish';
import { parsePublishArgs } from '../../src/cli/publish-args';
import { openSession, type Session } from '../../src/cli/session';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import type { Catalog } from '../../src/engine/schema';
import { scanServed } from './scan';
import { buildDemo } from '../../data/demo/build';
import { rowsToParquet } from '../../src/engine/parquet-write';
import { SERVED_COLUMNS } from '../../src/engine/serve/served-columns';

const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
// A stand-in for the built app: publish copies dist/ as it is and replaces its data files.
const dist = join(dir, 'dist');
mkdirSync(join(dist, 'data'), { recursive: true });
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><html lang="en"><head><title>Safety Net Atlas</title></head></html>\n',
);
writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1);\n');
for (const f of ['municipalities.geojson', 'values.parquet', 'catalog.json', 'first-view.json'])
  writeFileSync(join(dist, 'data', f), readFileSync(`public/data/${f}`));
const workbook = 'test/fixtures/own-files/indicators-as-columns-exceljs.xlsx';

const folder = (d: string) =>
  new Map(readdirSync(d).map((f) => [f, new Uint8Array(readFileSync(join(d, f)))]));

let session: Session;
beforeAll(async () => {
  session = await openSession();
}, 60_000);
afterAll(() => session.close());

const run = async (argv: string[]) => {
  const io = bufferIo();
  const code = await publish(session, parsePublishArgs(argv), io, dist);
  return { code, io };
};

describe('atlas publish', () => {
  it('writes a site of the user data alone, suppressed at source, the same bytes twice', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect((await run([workbook, '--out', a, '--title', 'Bashkia <Test>', '--lang', 'sq'])).code).toBe(0);
    expect((await run([workbook, '--out', b, '--title', 'Bashkia <Test>', '--lang', 'sq'])).code).toBe(0);
    expect(folder(join(a, 'data'))).toEqual(folder(join(b, 'data')));
    const files = folder(join(a, 'data'));
    expect([...files.keys()].sort()).toEqual([
      'catalog.json',
      'first-view.json',
      'municipalities.geojson',
      'publish.json',
      'totals.parquet',
      'values.parquet',
    ]);
    expect(scanServed(loadParquetModuleNode(), files, 5)).toEqual([]);
    const catalog = JSON.parse(readFileSync(join(a, 'data', 'catalog.json'), 'utf8')) as Catalog;
    expect(catalog.synthetic).toBe(false);
    expect(catalog.served?.k).toBe(5);
    expect(catalog.indicators.every((i) => !/synthetic/i.test(i.source.en))).toBe(true);
    const record = JSON.parse(readFileSync(join(a, 'data', 'publish.json'), 'utf8')) as {
      k: number;
      inputs: { file: string; sha256: string }[];
      withheld: { values: { primary: number } };
    };
    expect(record.k).toBe(5);
    expect(record.inputs.map((i) => i.file)).toEqual(['indicators-as-columns-exceljs.xlsx']);
    expect(record.withheld.values.primary).toBeGreaterThan(0);
    const html = readFileSync(join(a, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="sq" data-atlas-lang="sq"');
    expect(html).toContain('<title>Bashkia &#60;Test&#62;</title>');
    expect(existsSync(join(a, 'assets', 'app.js'))).toBe(true);
  }, 120_000);

  it('with a higher k withholds more', async () => {
    const c = join(dir, 'c');
    expect((await run([workbook, '--out', c, '--k', '20'])).code).toBe(0);
    const record = (d: string) =>
      (
        JSON.parse(readFileSync(join(d, 'data', 'publish.json'), 'utf8')) as {
          withheld: { values: { primary: number } };
        }
      ).withheld.values.primary;
    expect(record(c)).toBeGreaterThan(record(join(dir, 'a')));
    expect(scanServed(loadParquetModuleNode(), folder(join(c, 'data')), 20)).toEqual([]);
  }, 120_000);

  it('publishes a cases file as suppressed indicators only: no record, no record key', async () => {
    const records = join(dir, 'records.parquet');
    await writeCases(session, { rows: 3000, seed: 9, out: records, json: false });
    const site = join(dir, 'cases-site');
    expect((await run([records, '--out', site])).code).toBe(0);
    const files = folder(join(site, 'data'));
    expect(scanServed(loadParquetModuleNode(), files, 5)).toEqual([]);
    const parquet = loadParquetModuleNode();
    for (const [name, bytes] of files) {
      const text = name.endsWith('.parquet')
        ? tableFromIPC(parquet.readParquet(bytes).intoIPCStream())
            .schema.fields.map((f) => f.name)
            .join(',')
        : new TextDecoder().decode(bytes);
      // Record-level columns never reach a site (the case explorer shows no records there).
      for (const column of ['referral_source', 'age_band', 'record_key', 'case_type'])
        expect(text, `${name} holds ${column}`).not.toContain(column);
    }
    const catalog = JSON.parse(readFileSync(join(site, 'data', 'catalog.json'), 'utf8')) as Catalog;
    expect(catalog.synthetic).toBe(false);
  }, 120_000);

  it('refuses k below 5 and a file with errors, writing nothing', async () => {
    expect(() => parsePublishArgs([workbook, '--out', join(dir, 'x'), '--k', '3'])).toThrow(/below 5/);
    const bad = join(dir, 'bad');
    const r = await run(['test/fixtures/own-files/truncated.xlsx', '--out', bad]);
    expect(r.code).toBe(1);
    expect(existsSync(bad)).toBe(false);
  }, 60_000);
});

describe('the demo as served (public/data)', () => {
  it('holds no small count in any file', () => {
    const files = folder('public/data');
    expect(scanServed(loadParquetModuleNode(), files, 5)).toEqual([]);
  });

  it('the scan finds the small counts of the demo written unsuppressed (the scan can fail)', () => {
    const writer = loadParquetModuleNode();
    const { values } = buildDemo();
    const raw = rowsToParquet(writer, SERVED_COLUMNS['values.parquet'], values);
    const files = new Map([...folder('public/data'), ['values.parquet', raw]]);
    // The issue counted 80 cp_cases_rate and 1 dropout_rate numerators and 655 counts of 1-4.
    expect(scanServed(writer, files, 5)).toHaveLength(80 + 1 + 655);
  });
});
