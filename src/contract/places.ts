/**
 * Resolving the place column (LAU codes or municipality names) of a staged file. The distinct spellings are
 * matched in JS with the name matcher (a file has a few dozen, not one per row), the result goes back to
 * DuckDB as a lookup table `<staging>_map`, and the checks join it: unknown names with suggestions, counties
 * given as municipalities, empty places, and a code and a name on the same row that disagree.
 */
import type { Connector } from '../engine/connector';
import { createMunicipalityMatcher, isMatched, type MatchResult, type MunicipalityMatcher } from './names';
import { msg } from './problem-text';
import type { Msg } from './problem-types';
import type { Check } from './problems';
import { createDataTable, ident } from './sql';
import type { MunicipalityMapping, ValidationContext, ValidationMunicipality } from './types';

const matchers = new WeakMap<readonly ValidationMunicipality[], MunicipalityMatcher>();

/** The matcher for a context's municipalities, built once per list. */
export function matcherFor(ctx: ValidationContext): MunicipalityMatcher {
  let m = matchers.get(ctx.municipalities);
  if (!m) {
    m = createMunicipalityMatcher(ctx.municipalities);
    matchers.set(ctx.municipalities, m);
  }
  return m;
}

/** How every distinct place spelling of a file was resolved. */
export interface PlaceResolution {
  mapping: MunicipalityMapping;
  outcomes: ReadonlyMap<string, MatchResult>;
}

/**
 * Matches the distinct values of the place columns (`lau_code`, `municipality`) of `staging` and writes the
 * lookup table `<staging>_map(input, lau_code, reason)`; confirmed aliases of the context win over the matcher.
 */
export async function resolvePlaces(
  conn: Connector,
  staging: string,
  bound: ReadonlySet<string>,
  ctx: ValidationContext,
): Promise<PlaceResolution> {
  const cols = ['lau_code', 'municipality'].filter((c) => bound.has(c));
  const union = cols.map((c) => `SELECT s.${ident(c)} AS p FROM ${ident(staging)} s`).join(' UNION ');
  const rows = union
    ? await conn.query<{ p: string }>({
        sql: `SELECT DISTINCT p FROM (${union}) WHERE p IS NOT NULL`,
        params: [],
      })
    : [];
  const match = matcherFor(ctx);
  const known = new Set(ctx.municipalities.map((m) => m.lau_code));
  const mapping = new Map<string, string>();
  const outcomes = new Map<string, MatchResult>();
  for (const { p } of rows) {
    const alias = ctx.aliases && Object.hasOwn(ctx.aliases, p) ? ctx.aliases[p] : undefined;
    const r: MatchResult = alias && known.has(alias) ? { lau_code: alias } : match(p);
    outcomes.set(p, r);
    if (isMatched(r)) mapping.set(p, r.lau_code);
  }
  const inputs = [...outcomes.keys()];
  await createDataTable(conn, `${staging}_map`, [
    { name: 'input', type: 'VARCHAR', values: inputs },
    { name: 'lau_code', type: 'VARCHAR', values: inputs.map((p) => mapping.get(p) ?? null) },
    {
      name: 'reason',
      type: 'VARCHAR',
      values: inputs.map((p) => ((r) => (isMatched(r) ? null : r.reason))(outcomes.get(p)!)),
    },
  ]);
  return { mapping, outcomes };
}

/** The column place problems are reported on: the code column when the file has one, else the name column. */
export function placeColumn(bound: ReadonlySet<string>): string {
  return bound.has('lau_code') ? 'lau_code' : 'municipality';
}

/** Checks on the resolved places (the run's FROM joins `<staging>_map` as `m` on `s.__place`). */
export function placeChecks(
  key: boolean,
  bound: ReadonlySet<string>,
  staging: string,
  res: PlaceResolution,
): Check[] {
  const column = placeColumn(bound);
  const outcome = (d: string) => res.outcomes.get(d);
  const message = (d: string): Msg | string => {
    const o = outcome(d);
    return o && !isMatched(o) ? o.text : '';
  };
  const suggest = (d: string) => {
    const o = outcome(d);
    return o && !isMatched(o) ? o.suggestions.map((s) => `${s.name} (${s.lau_code})`) : undefined;
  };
  const checks: Check[] = [
    {
      code: key ? 'null-key' : 'invalid-value',
      severity: 'error',
      column,
      where: 's.__place IS NULL',
      expected: msg('problems.null-key.place.expected'),
      fix: msg('problems.null-key.place.fix'),
    },
    {
      code: 'unknown-municipality',
      severity: 'error',
      column,
      where: `m.lau_code IS NULL AND m.reason <> 'county'`,
      found: 's.__place',
      detail: 's.__place',
      expected: msg('problems.unknown-municipality.place.expected'),
      fix: (d) => msg('problems.unknown-municipality.place.fix', { message: message(d) }),
      suggest,
    },
    {
      code: 'county-not-municipality',
      severity: 'error',
      column,
      where: `m.reason = 'county'`,
      found: 's.__place',
      detail: 's.__place',
      expected: msg('problems.county-not-municipality.place.expected'),
      fix: (d) => msg('problems.county-not-municipality.place.fix', { message: message(d) }),
      suggest,
    },
  ];
  if (bound.has('lau_code') && bound.has('municipality')) {
    checks.push({
      code: 'invalid-value',
      severity: 'warning',
      column: 'municipality',
      from: `${ident(staging)} s JOIN ${ident(`${staging}_map`)} a ON a.input = s.lau_code
        JOIN ${ident(`${staging}_map`)} b ON b.input = s.municipality`,
      where: 'a.lau_code <> b.lau_code',
      found: `s.municipality || ' / ' || s.lau_code`,
      expected: msg('problems.invalid-value.codeName.expected'),
      fix: msg('problems.invalid-value.codeName.fix'),
    });
  }
  return checks;
}
