/** Parquet files whose contents break the contract: no rows, NaN and infinity, wrong types and columns. */
import { TYPED, VALUES_TYPED, valuesSelect as values, type ParquetWriter } from './parquet';
import { fileCase, type CorpusCase, type Expected, type More } from './types';

/** Files whose contents break the contract. */
export async function parquetInvalidCases(w: ParquetWriter): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  const add = async (name: string, d: string, select: string, e: Expected, more: More = {}) =>
    out.push(fileCase(name, d, await w.write(select, 'COMPRESSION snappy'), e, more));
  const first = 'CASE WHEN row_number() OVER () = 1 THEN';
  await add('pq-empty.parquet', 'values with the right columns and no rows', `${VALUES_TYPED} LIMIT 0`, [
    'empty-file',
  ]);
  await add(
    'pq-nan.parquet',
    'a DOUBLE NaN value (numpy writes NaN for missing)',
    values({ value: `${first} 'NaN'::DOUBLE ELSE value::DOUBLE END` }),
    ['not-finite'],
    { row: 1 },
  );
  await add(
    'pq-infinity.parquet',
    'a DOUBLE +Infinity value',
    values({ value: `${first} 'Infinity'::DOUBLE ELSE value::DOUBLE END` }),
    ['not-finite'],
    { row: 1 },
  );
  await add(
    'pq-negative.parquet',
    'a negative count',
    values({ value: `${first} -5 ELSE value::DOUBLE END` }),
    ['negative-count'],
    { row: 1 },
  );
  await add(
    'pq-unknown-place.parquet',
    'lau_code "Elbassan" on the first row',
    values({ lau_code: `${first} 'Elbassan' ELSE lau_code END` }),
    ['unknown-municipality'],
    { row: 1, suggestions: ['Elbasan'] },
  );
  await add(
    'pq-null-key.parquet',
    'a NULL year',
    values({ year: `${first} NULL ELSE year::INTEGER END` }),
    ['null-key'],
    { row: 1 },
  );
  await add(
    'pq-year-1850.parquet',
    'year 1850',
    values({ year: `${first} 1850 ELSE year::INTEGER END` }),
    ['year-out-of-range'],
    { row: 1 },
  );
  await add(
    'pq-year-double.parquet',
    'year as DOUBLE with 2024.5',
    values({ year: `${first} 2024.5 ELSE year::DOUBLE END` }),
    ['wrong-type'],
    { row: 1 },
  );
  await add('pq-year-bool.parquet', 'year as BOOLEAN', values({ year: 'true' }), ['wrong-type']);
  await add(
    'pq-huge-int.parquet',
    'value as HUGEINT 99999999999999999999 in every row (read as 1e20: percentages above 100)',
    values({ value: '99999999999999999999::HUGEINT' }),
    ['rate-above-100'],
    { warnings: ['value-mismatch'] },
  );
  await add('pq-missing-value.parquet', 'values without the value column', values({ value: '' }), [
    'missing-column',
  ]);
  await add('pq-unknown-table.parquet', 'columns that match no table', 'SELECT 1 AS foo, 2 AS bar', [
    'unknown-table',
  ]);
  await add(
    'pq-formula.parquet',
    'facilities with a formula in name',
    TYPED.facilities!.replace('name,', `'=HYPERLINK("http://x","y")' AS name,`),
    'ok',
    { warnings: ['formula-injection'] },
  );
  return out;
}
