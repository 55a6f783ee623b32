/**
 * DHIS2 periods in the year column: yearly `2024` as it is; quarterly `2024Q1`, monthly `202401`, weekly
 * `2024W05`, six-monthly `2024S1` and bi-monthly `202401B` rows are added up to calendar years for sum
 * indicators (a warning names the years that lack periods); a ratio given by sub-year periods is refused
 * unless its numerator and denominator are given too (they are added up and the ratio computed again).
 * Also DHIS2's category-option columns: rows that differ only by them are added up. All in DuckDB, on
 * `<staging>_in` before the typed staging table is made.
 */
import type { Connector } from '../engine/connector';
import type { IndicatorMeta } from '../engine/schema';
import type { Problem } from './problem-types';
import { createDataTable, ident } from './sql';

const PERIOD = `trim(CAST(year AS VARCHAR))`;
const SUBYEAR = `regexp_full_match(${PERIOD}, '(19|20)[0-9]{2}(Q[1-4]|S[12]|W[0-9]{1,2}|(0[1-9]|1[0-2])B?)')`;
/** Periods a full year has, by the period type's letter. */
const FULL = `CASE WHEN ${PERIOD} LIKE '%Q%' THEN 4 WHEN ${PERIOD} LIKE '%S%' THEN 2 WHEN ${PERIOD} LIKE '%W%' THEN 52
  WHEN ${PERIOD} LIKE '%B' THEN 6 ELSE 12 END`;

/** Adds sub-year periods up to years; returns the warnings and errors. `cols` are the columns of `_in`. */
export async function aggregatePeriods(
  conn: Connector,
  staging: string,
  cols: readonly string[],
  indicators: readonly IndicatorMeta[],
  file: string,
  rowOffset: number,
  yearHeader: string,
  categories: boolean,
): Promise<Problem[]> {
  const inT = ident(`${staging}_in`);
  if (!cols.includes('year') || !cols.includes('indicator')) return [];
  const line = cols.includes('__line') ? 't.__line' : '(t.rowid + 1)';
  const [count] = await conn.query<{ n: number }>({
    sql: `SELECT count(*) AS n FROM ${inT} WHERE ${SUBYEAR}`,
    params: [],
  });
  const sub = (count?.n ?? 0) > 0;
  if (!sub && !categories) return [];
  const ids = `${staging}_agg_ind`;
  await createDataTable(conn, ids, [
    { name: 'id', type: 'VARCHAR', values: indicators.map((i) => i.id) },
    { name: 'aggregation', type: 'VARCHAR', values: indicators.map((i) => i.aggregation) },
  ]);
  const problems: Problem[] = [];
  const parts = cols.includes('numerator') && cols.includes('denominator');
  const refused = await conn.query<{ line: number; period: string; indicator: string }>({
    sql: `SELECT ${line} AS line, ${PERIOD} AS period, CAST(t.indicator AS VARCHAR) AS indicator FROM ${inT} t
JOIN ${ident(ids)} i ON i.id = t.indicator WHERE ${SUBYEAR} AND i.aggregation = 'ratio' ${parts ? 'AND (t.numerator IS NULL OR t.denominator IS NULL)' : ''}
ORDER BY line LIMIT 5`,
    params: [],
  });
  for (const r of refused)
    problems.push({
      file,
      severity: 'error',
      code: 'sub-year-period',
      row: r.line + rowOffset,
      column: yearHeader,
      found: `period ${r.period} for ${r.indicator}, a ratio: ratios of months or quarters cannot be added up to a year`,
      expected: 'yearly periods (2024) for a ratio, or its numerator and denominator for each period',
      fix: 'Export the ratio with yearly periods from DHIS2, or export its numerator and denominator and map them.',
    });
  const keys = cols.filter((c) => ['lau_code', 'municipality', 'indicator'].includes(c));
  const sums = ['value', ...(parts ? ['numerator', 'denominator'] : [])];
  const sumOf = (c: string) =>
    c === 'value' && parts
      ? `CASE WHEN any_value(i.aggregation) = 'ratio' THEN NULL ELSE CAST(sum(TRY_CAST(t.value AS DOUBLE)) AS VARCHAR) END AS value`
      : `CAST(sum(TRY_CAST(t.${ident(c)} AS DOUBLE)) AS VARCHAR) AS ${ident(c)}`;
  const out = `${staging}_in2`;
  const keyCols = keys.map((k) => `t.${ident(k)}`);
  await conn.exec(`CREATE TABLE ${ident(out)} AS
SELECT ${[...keyCols, `left(${PERIOD}, 4) AS year`, ...sums.map(sumOf), `min(${line}) AS __line`].join(', ')},
  count(DISTINCT ${PERIOD}) AS __periods, max(${SUBYEAR} :: INTEGER * ${FULL}) AS __full
FROM ${inT} t LEFT JOIN ${ident(ids)} i ON i.id = t.indicator
WHERE NOT (${SUBYEAR} AND coalesce(i.aggregation, '') = 'ratio' ${parts ? 'AND (t.numerator IS NULL OR t.denominator IS NULL)' : ''})
GROUP BY ${[...keyCols, `left(${PERIOD}, 4)`].join(', ')}`);
  const incomplete = await conn.query<{ year: string; places: number; periods: number; full: number }>({
    sql: `SELECT year, count(*) AS places, min(__periods) AS periods, max(__full) AS full FROM ${ident(out)}
WHERE __full > 0 AND __periods < __full GROUP BY year ORDER BY year`,
    params: [],
  });
  for (const y of incomplete)
    problems.push({
      file,
      severity: 'warning',
      code: 'sub-year-period',
      row: null,
      column: yearHeader,
      found: `${y.year} is incomplete: ${y.places} municipality-indicator series have fewer than ${y.full} periods (as few as ${y.periods})`,
      expected: `all ${y.full} periods of ${y.year}, so the year's total is complete`,
      fix: `Export every period of ${y.year} from DHIS2, or leave ${y.year} out: its totals are read as the sum of the periods present.`,
    });
  if (categories && !sub)
    problems.push({
      file,
      severity: 'warning',
      code: 'sub-year-period',
      row: null,
      column: null,
      found: 'category-option columns (rows for the same municipality, indicator and period)',
      expected: 'one row per municipality, indicator and year',
      fix: 'Nothing to do: the rows are added up over the category options.',
    });
  await conn.exec(`DROP TABLE ${inT}`);
  await conn.exec(`ALTER TABLE ${ident(out)} DROP COLUMN __periods`);
  await conn.exec(`ALTER TABLE ${ident(out)} DROP COLUMN __full`);
  await conn.exec(`ALTER TABLE ${ident(out)} RENAME TO ${ident(`${staging}_in`)}`);
  await conn.exec(`DROP TABLE IF EXISTS ${ident(ids)}`);
  return problems;
}
