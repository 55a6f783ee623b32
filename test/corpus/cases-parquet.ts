/**
 * Valid Parquet written by DuckDB: every codec, dictionary and v2 encodings, row groups, the column types
 * people's tools produce (BIGINT years, DECIMAL, FLOAT, ENUM, extra DATE and LIST columns), every table kind.
 */
import type { Base } from './base';
import { TYPED, VALUES_TYPED, valuesSelect as values, type ParquetWriter } from './parquet';
import { fileCase, type CorpusCase, type Expected, type More } from './types';

/** Valid files: codecs, encodings, types and kinds. */
export async function parquetValidCases(b: Base, w: ParquetWriter): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  const add = async (
    name: string,
    d: string,
    select: string,
    options: string,
    e: Expected,
    more: More = {},
  ) => out.push(fileCase(name, d, await w.write(select, options), e, more));
  for (const codec of ['snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'uncompressed']) {
    await add(
      `pq-${codec}.parquet`,
      `values written by DuckDB, ${codec}`,
      VALUES_TYPED,
      `COMPRESSION ${codec}`,
      'ok',
    );
  }
  await add(
    'pq-dictionary.parquet',
    'values, strings dictionary-encoded',
    VALUES_TYPED,
    'COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 1000000',
    'ok',
  );
  await add(
    'pq-v2.parquet',
    'values, Parquet format v2 encodings (delta, RLE dictionary)',
    VALUES_TYPED,
    'COMPRESSION zstd, PARQUET_VERSION v2',
    'ok',
  );
  await add(
    'pq-row-groups.parquet',
    'values in row groups of 10 rows',
    VALUES_TYPED,
    'COMPRESSION zstd, ROW_GROUP_SIZE 10',
    'ok',
  );
  await add(
    'pq-bigint-year.parquet',
    'year as BIGINT (pandas int64)',
    values({ year: 'year::BIGINT' }),
    'COMPRESSION snappy',
    'ok',
  );
  await add(
    'pq-smallint-year.parquet',
    'year as SMALLINT',
    values({ year: 'year::SMALLINT' }),
    'COMPRESSION snappy',
    'ok',
  );
  await add(
    'pq-varchar-year.parquet',
    'year as text "2024"',
    values({ year: 'year' }),
    'COMPRESSION snappy',
    'ok',
  );
  await add(
    'pq-decimal.parquet',
    'value, numerator, denominator as DECIMAL(18,2)',
    values({
      value: 'value::DECIMAL(18,2)',
      numerator: 'numerator::DECIMAL(18,2)',
      denominator: 'denominator::DECIMAL(18,2)',
    }),
    'COMPRESSION snappy',
    'ok',
  );
  await add(
    'pq-float.parquet',
    'value as FLOAT (32-bit)',
    values({ value: 'value::FLOAT' }),
    'COMPRESSION snappy',
    'ok',
  );
  const codes = [...new Set(b.values.rows.map((r) => String(r[0])))].map((c) => `'${c}'`).join(', ');
  const ids = [...new Set(b.values.rows.map((r) => String(r[2])))].map((c) => `'${c}'`).join(', ');
  await add(
    'pq-enum.parquet',
    'lau_code and indicator as ENUM',
    values({ lau_code: `lau_code::ENUM(${codes})`, indicator: `indicator::ENUM(${ids})` }),
    'COMPRESSION snappy',
    'ok',
  );
  await add(
    'pq-extra-date.parquet',
    'values with an extra DATE column',
    values({ loaded: "DATE '2024-05-01'" }),
    'COMPRESSION snappy',
    'ok',
    { warnings: ['unexpected-column'] },
  );
  await add(
    'pq-extra-list.parquet',
    'values with an extra LIST column',
    values({ tags: "['a', 'b']" }),
    'COMPRESSION snappy',
    'ok',
    { warnings: ['unexpected-column'] },
  );
  for (const [kind, select] of Object.entries(TYPED)) {
    await add(`pq-${kind}.parquet`, `${kind} written by DuckDB, zstd`, select, 'COMPRESSION zstd', 'ok');
  }
  return out;
}
