import { describe, expect, it } from 'vitest';
import { readInput, type ReadResult } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { duckdbParquet, utf8 } from '../fixtures/import/make';

const mod = loadParquetModuleNode();

function read(name: string, bytes: Uint8Array, maxBytes?: number): ReadResult {
  return readInput({ name, bytes }, mod, maxBytes === undefined ? undefined : { maxBytes });
}

function only(r: ReadResult, name: string): { code: string; severity: string; found: string; fix: string } {
  expect(r.problems).toHaveLength(1);
  const p = r.problems[0]!;
  expect(p.file).toBe(name);
  expect(p.found.length).toBeGreaterThan(10);
  expect(p.expected.length).toBeGreaterThan(5);
  expect(p.fix.length).toBeGreaterThan(10);
  return p;
}

describe('readInput: format detection by content', () => {
  it('says an empty file is empty', () => {
    const r = read('values.parquet', new Uint8Array(0));
    expect(only(r, 'values.parquet').code).toBe('empty-file');
    expect(r.format).toBeNull();
  });

  it('refuses a file over the limit before decoding it', () => {
    const r = read('values.csv', utf8('a,b\n1,2\n'), 4);
    const p = only(r, 'values.csv');
    expect(p.code).toBe('too-large');
    expect(r.ipc).toBeNull();
  });

  it('says a CSV named .parquet looks like CSV', () => {
    const p = only(read('values.parquet', utf8('lau_code;year;value\nAL111;2019;1\n')), 'values.parquet');
    expect(p.code).toBe('not-parquet');
    expect(p.found).toContain('named .parquet');
    expect(p.found).toContain('looks like CSV');
    expect(p.found).toContain('lau_code;year;value');
    expect(p.fix).toContain('.csv');
  });

  it('says GeoJSON named .parquet looks like JSON', () => {
    const p = only(read('b.parquet', utf8('{"type":"FeatureCollection","features":[]}')), 'b.parquet');
    expect(p.code).toBe('not-parquet');
    expect(p.found).toContain('looks like JSON');
  });

  it('says CSV named .geojson is not GeoJSON', () => {
    const p = only(
      read('municipalities.geojson', utf8('lau_code,name\nAL111,Bulqizë\n')),
      'municipalities.geojson',
    );
    expect(p.code).toBe('not-geojson');
    expect(p.found).toContain('named .geojson');
  });

  it('reads content over extension: Parquet named .csv, CSV named .txt, GeoJSON named .json', async () => {
    const [pq] = await duckdbParquet([{ select: 'SELECT 1 AS a', options: 'COMPRESSION snappy' }]);
    expect(read('values.csv', pq!).format).toBe('parquet');
    expect(read('values.txt', utf8('a,b\n1,2\n')).format).toBe('csv');
    const fc = '{"type":"FeatureCollection","features":[]}';
    expect(read('x.json', utf8(fc)).format).toBe('geojson');
  });

  it('names Excel workbooks and other binary files, with what to do instead', () => {
    // A workbook is read whatever its name; one cut short says so.
    const xlsx = only(read('values.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'values.csv');
    expect(xlsx.code).toBe('corrupt-workbook');
    expect(xlsx.found).toContain('cut short');
    const gpkg = only(read('b.gpkg', utf8('SQLite format 3\0\u0010\u0000')), 'b.gpkg');
    expect(gpkg.found).toContain('GeoPackage');
    const junk = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect(only(read('x.csv', junk), 'x.csv').code).toBe('unknown-format');
  });

  it('reports a truncated Parquet file as cut off', async () => {
    const [pq] = await duckdbParquet([
      { select: 'SELECT range AS a FROM range(100)', options: 'COMPRESSION zstd' },
    ]);
    const p = only(read('values.parquet', pq!.subarray(0, pq!.length - 10)), 'values.parquet');
    expect(p.code).toBe('corrupt-parquet');
    expect(p.found).toContain('ends early');
    expect(p.fix).toContain('download cut off');
  });
});
