/**
 * Synthetic case records in DuckDB SQL over range(): the demo's records (one per case counted in each
 * municipality-year cell of demo_case_cells, with a record_key) and the CLI's n records of a seed. Every draw
 * comes from lowbias32 hashes of the record's identity (./queries-cases-mix.ts), so DuckDB-WASM 1.4.3 and
 * native DuckDB 1.5 give the same records. Distributions: src/analysis/cases/profile.ts.
 */
import { mix32, streamConstant } from '../analysis/cases/mix32';
import {
  AGE_BANDS,
  AGE_WEIGHTS,
  CASE_TYPES,
  CASE_TYPE_WEIGHTS,
  MONTH_WEIGHTS,
  REFERRAL_SOURCES,
  REFERRAL_WEIGHTS,
  SCHOOL_HOLIDAY_MONTHS,
  SEXES,
  SEX_WEIGHTS,
  TRAFFICKING_PERCENT,
  TRAFFICKING_TYPES,
  schoolOff,
  type CaseType,
} from '../analysis/cases/profile';
import type { PlaceWeights } from '../analysis/cases/demo-cells';
import { RECORD_KEY_RANGE } from '../analysis/disclosure/ptable';
import type { BoundQuery, SqlValue } from './connector';
import { mixColumns, select, xorConstant, type Relation } from './queries-cases-mix';
import { byCode, integerAt, label, pick, searchTree, thresholds, U16 } from './queries-cases-pick';

/** The table the demo's cells are put in before their records are drawn. */
export const DEMO_CELLS_TABLE = 'demo_case_cells';

/** The table of the demo's case records: the contract's cases columns and record_key. */
export const DEMO_CASES_TABLE = 'demo_cases';

/** Record keys are integers uniform in [0, RECORD_KEY_RANGE) (the cell-key method's key range). */
export { RECORD_KEY_RANGE };

/** The streams each record draws from (one hash each), by what they decide. */
const STREAMS = { typeAge: 0, sexMonth: 1, referralKey: 2, cell: 3 } as const;

const hi16 = (h: string) => `(${h} >> 16)`;
const lo16 = (h: string) => `(${h} & 65535)`;
const code = (t: CaseType) => CASE_TYPES.indexOf(t);

/** Adds the stream hashes h0..h3 of the record hash k (mixed), keeping every other column. */
function streams(from: Relation, count: number): Relation {
  const names = Array.from({ length: count }, (_, i) => `h${i}`);
  const list = names.map((h, i) => `${xorConstant('k', streamConstant(i))} AS ${h}`).join(', ');
  return mixColumns(select(`*, ${list}`, from), names);
}

/** Month, age band, sex, referral source and record key codes of records with a case type code `ct`. */
function attributes(from: Relation): Relation {
  const h = (s: keyof typeof STREAMS) => `h${STREAMS[s]}`;
  const month = `${pick(lo16(h('sexMonth')), MONTH_WEIGHTS)} + 1`;
  const age = byCode('ct', CASE_TYPES.length, (i) => pick(lo16(h('typeAge')), AGE_WEIGHTS[i]!));
  const sex = byCode('ct', CASE_TYPES.length, (i) => pick(hi16(h('sexMonth')), SEX_WEIGHTS[i]!));
  const withMonth = select(`*, ${month} AS month, ${age} AS age, ${sex} AS sex`, from);
  const u = hi16(h('referralKey'));
  const off = `(age = 0 OR month IN (${SCHOOL_HOLIDAY_MONTHS.join(', ')}))`;
  const referral = byCode(
    'ct',
    CASE_TYPES.length,
    (i) =>
      `CASE WHEN ${off} THEN ${pick(u, schoolOff(REFERRAL_WEIGHTS[i]!))} ELSE ${pick(u, REFERRAL_WEIGHTS[i]!)} END`,
  );
  // Uniform because the key range divides 2^16 (a power of two).
  if (U16 % RECORD_KEY_RANGE !== 0) throw new Error('the record key range must divide 65536');
  const key = `((${lo16(h('referralKey'))} * ${RECORD_KEY_RANGE}) >> 16)`;
  return select(`*, ${referral} AS referral, ${key} AS record_key`, withMonth);
}

/** The contract's columns (src/engine/tables.ts TABLES.cases) from the codes, labels bound in `params`. */
function labelled(params: SqlValue[], withKey: boolean, place?: { year: string; lauCode: string }): string {
  return [
    `(${place?.year ?? 'year'})::INTEGER AS year`,
    'month::INTEGER AS month',
    `${place?.lauCode ?? 'lau_code'} AS lau_code`,
    `${label('age', AGE_BANDS, params)} AS age_band`,
    `${label('sex', SEXES, params)} AS sex`,
    `${label('ct', CASE_TYPES, params)} AS case_type`,
    `${label('referral', REFERRAL_SOURCES, params)} AS referral_source`,
    ...(withKey ? ['record_key::INTEGER AS record_key'] : []),
  ].join(', ');
}

/**
 * The demo's records: for each cell (cell, lau_code, year, n, t) of demo_case_cells, n records, the first t
 * of them trafficking or exploitation (so trafficking_referrals counts t), the others of the other types.
 * Record b of cell c is hashed from (c, b) under the seed; ordered by year, lau_code and b.
 */
export function demoCasesQuery(seed: number): BoundQuery {
  const params: SqlValue[] = [];
  const source = `(SELECT lau_code, year, t, ${xorConstant('cell::BIGINT', mix32(seed))} AS k,
  unnest(range(n::BIGINT)) AS b FROM ${DEMO_CELLS_TABLE})`;
  const record = mixColumns(select('* REPLACE (xor(k, b) AS k)', mixColumns(source, ['k'])), ['k']);
  const others = CASE_TYPES.filter((t) => !TRAFFICKING_TYPES.includes(t));
  const [traffickingType, exploitationType] = TRAFFICKING_TYPES as [CaseType, CaseType];
  const u = hi16(`h${STREAMS.typeAge}`);
  const ct = `CASE WHEN b < t THEN (CASE WHEN ${u} < ${Math.round((TRAFFICKING_PERCENT / 100) * 65536)}
  THEN ${code(traffickingType)} ELSE ${code(exploitationType)} END)
  ELSE ${pick(
    u,
    others.map((t) => CASE_TYPE_WEIGHTS[code(t)]!),
    others.map(code),
  )} END`;
  const typed = select(`*, ${ct} AS ct`, streams(record, 3));
  const sql = `SELECT ${labelled(params, true)} FROM ${attributes(typed)} ORDER BY year, lau_code, b`;
  return { sql, params };
}

/**
 * Records start..end-1 (end <= 2^32) of a synthetic cases file under a seed, in the contract's columns: a
 * municipality and a year drawn by their weights (records 0..m-1 go to the m municipalities in turn, so every
 * municipality appears), then case type and the rest as in the profile. Record i is hashed from (0, i).
 * The municipality and the year are drawn apart: a joint draw over every municipality-year would take a CASE
 * tree ten times larger, the slowest part of the query in DuckDB-WASM.
 */
export function syntheticCasesQuery(
  seed: number,
  start: number,
  end: number,
  places: PlaceWeights,
): BoundQuery {
  const { lauCodes, lauWeights, years, yearWeights } = places;
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start <= end)) {
    throw new Error(`bad record range ${start}..${end}`);
  }
  if (end > 4294967296) throw new Error('at most 2^32 records');
  if (lauWeights.length !== lauCodes.length || yearWeights.length !== years.length) {
    throw new Error('one weight per municipality and per year');
  }
  const params: SqlValue[] = [];
  const source = `(SELECT range AS b, ${xorConstant('range', mix32(mix32(seed)))} AS k FROM range(${start}, ${end}))`;
  const h = `h${STREAMS.cell}`;
  const m = `CASE WHEN b < ${lauCodes.length} THEN b ELSE ${searchTree(hi16(h), thresholds(lauWeights))} END`;
  const y = pick(lo16(h), yearWeights);
  const ct = pick(hi16(`h${STREAMS.typeAge}`), CASE_TYPE_WEIGHTS);
  const typed = select(`*, ${m} AS m, ${y} AS y, ${ct} AS ct`, streams(mixColumns(source, ['k']), 4));
  // Labels are bound in the final SELECT only, so that the parameters come in the order of their `?`.
  const place = { year: integerAt('y', years), lauCode: label('m', lauCodes, params) };
  return { sql: `SELECT ${labelled(params, false, place)} FROM ${attributes(typed)}`, params };
}
