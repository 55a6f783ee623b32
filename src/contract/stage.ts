/**
 * Validation of one user file on DuckDB: the file's columns are renamed to contract names in Arrow (so no
 * user header ever reaches SQL), inserted into an allow-listed staging table with a row number and a typed
 * copy of every column, and checked with the checks of checks-columns.ts, places.ts and checks-rows.ts.
 * Nothing here touches a live table: committing is commit.ts, after the user has seen the report.
 */
import { renameColumns } from '../engine/arrow-rename';
import type { Connector } from '../engine/connector';
import {
  acceptable,
  type FileReport,
  type Problem,
  type ProblemCode,
  type ProblemText,
} from './problem-types';
import { msg, problemTexts, valueMsg } from './problem-text';
import { columnChecks } from './checks-columns';
import { kindChecks } from './checks-kinds';
import { duplicateCheck, indicatorChecks, placeJoin } from './checks-rows';
import { CONTRACT, detectKind, type TableSpec } from './contract';
import { placeChecks, resolvePlaces, type PlaceResolution } from './places';
import { rateSummaries } from './rates';
import { limitProblems, runCheck, type Check, type CheckRun } from './problems';
import {
  createDataTable,
  dropTables,
  ident,
  isMissing,
  newStagingName,
  rawOf,
  trimmedColumn,
  typedOf,
} from './sql';
import type { StagedPreview, StageInput, StageResult, ValidationContext } from './types';
import { aggregatePeriods } from './stage-periods';
import { skipNonDataRows } from './stage-rows';
import { planShape, unpivotWide, wideName } from './stage-shape';
import { isDhis2, mapIndicatorNames, uidProblems, virtualColumns, wideProblems } from './stage-names';
import { indicatorNames } from './wide';
import { previewStaged } from './preview';
import { dropRawCells, stageParts } from './stage-parts';

/** Default number of problems listed per code and column. */
export const DEFAULT_MAX_LISTED = 20;

/** True when the kind has a place column (lau_code or municipality). */
export function hasPlace(spec: TableSpec): boolean {
  return spec.columns.some((c) => c.role === 'place');
}

/**
 * Creates `staging` from `<staging>_in`: `__row` (1-based data row), then for each contract column its text
 * cell `<c>__raw` and its typed value `<c>`, and `__place` (the code, else the name). Columns the file lacks
 * are NULL, so every check can name every contract column. `__row` is `rowid + 1`: `<staging>_in` is
 * freshly created from the Arrow stream and never deleted from, so its rowids are 0..n-1 in insertion order
 * (DuckDB-WASM runs single-threaded, and DuckDB preserves insertion order on insert anyway). That is the
 * same numbering as `row_number() OVER ()` without the window's sort, which costs more than the copy.
 */
async function createStaging(
  conn: Connector,
  spec: TableSpec,
  staging: string,
  bound: Set<string>,
  comma: boolean,
  lines: { line: boolean; cell: boolean },
  part: { offset: number; append: boolean } = { offset: 0, append: false },
) {
  const raws = spec.columns.map(
    (c) => `${bound.has(c.name) ? `CAST(${ident(c.name)} AS VARCHAR)` : 'NULL::VARCHAR'} AS ${rawOf(c.name)}`,
  );
  const typed = spec.columns.map((c) => `${typedOf(c, comma)} AS ${ident(c.name)}`);
  const place = hasPlace(spec)
    ? [
        `coalesce(${spec.columns
          .filter((c) => c.role === 'place')
          .map((c) => typedOf(c, comma))
          .join(', ')}) AS __place`,
      ]
    : [];
  const cell = lines.cell ? ['__cell'] : [];
  const into = part.append ? `INSERT INTO ${ident(staging)}` : `CREATE TABLE ${ident(staging)} AS`;
  const row = part.offset > 0 ? `rowid + ${Math.trunc(part.offset) + 1}` : 'rowid + 1';
  await conn.exec(`${into}
SELECT __row, ${[...spec.columns.map((c) => rawOf(c.name)), ...typed, ...place, ...cell].join(', ')}
FROM (SELECT *, ${spec.columns.map((c) => trimmedColumn(c.name)).join(', ')}
  FROM (SELECT ${lines.line ? '__line' : row} AS __row, ${[...raws, ...cell].join(', ')} FROM ${ident(`${staging}_in`)}))`);
}

/**
 * Writes the catalog as `<staging>_ind(id, aggregation, scale)` and fills empty ratio values from their
 * numerator and denominator, so that a file may give only the parts.
 */
async function stageIndicators(conn: Connector, staging: string, ctx: ValidationContext) {
  await createDataTable(conn, `${staging}_ind`, [
    { name: 'id', type: 'VARCHAR', values: ctx.indicators.map((i) => i.id) },
    { name: 'aggregation', type: 'VARCHAR', values: ctx.indicators.map((i) => i.aggregation) },
    { name: 'scale', type: 'DOUBLE', values: ctx.indicators.map((i) => i.scale) },
  ]);
  await conn.exec(`UPDATE ${ident(staging)} AS s SET value = s.numerator / nullif(s.denominator, 0) * i.scale
FROM ${ident(`${staging}_ind`)} i
WHERE i.id = s.indicator AND i.aggregation = 'ratio' AND s.value IS NULL AND ${isMissing(`s.${rawOf('value')}`)}`);
}

async function tableExists(conn: Connector, name: string): Promise<boolean> {
  const rows = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?',
    params: [name],
  });
  return (rows[0]?.n ?? 0) > 0;
}

const fileProblem = (file: string, code: ProblemCode, text: ProblemText): Problem => ({
  file,
  severity: 'error',
  code,
  row: null,
  column: null,
  ...problemTexts(text),
});

/**
 * Stages a file and checks it. Returns the report, the staging table (only when nothing is an error; it
 * stays until commitStaged or discardStaged) and the place mapping commitStaged needs.
 */
export async function stageAndValidate(
  conn: Connector,
  input: StageInput,
  ctx: ValidationContext,
): Promise<StageResult> {
  const { file } = input;
  const names = indicatorNames(ctx.indicators, input.mapping?.indicators);
  const plan = planShape(input.columns, names, input.mapping, input.titles ?? [], input.firstColumn ?? 0);
  const detected = detectKind(plan.headers, { file, indicatorIds: ctx.indicators.map((i) => i.id) });
  const detection = {
    ...detected,
    problems: plan.wide ? wideProblems(detected.problems, plan) : detected.problems,
    columns: detected.columns.flatMap((b) => {
      const index = plan.indexOf[b.index]!;
      return index < 0 ? [] : [{ ...b, index, header: input.columns[index] ?? b.header }];
    }),
  };
  const report: FileReport = {
    file,
    bytes: input.bytes ?? input.ipc.byteLength,
    kind: detection.kind,
    rows: 0,
    problems: [...(input.problems ?? []), ...detection.problems],
  };
  const none = { report, staging: null, mapping: new Map<string, string>() };
  if (!detection.kind) return none;
  const spec = CONTRACT[detection.kind];
  const wide = plan.wide && spec.kind === 'indicator_values' ? plan.wide : null;
  const binding = [
    ...detection.columns.map((b) => ({ name: b.name, index: b.index })),
    ...(wide ? wide.columns.map((c, k) => ({ name: wideName(k), index: c.index })) : []),
  ];
  const renamed = await (input.rename ?? ((ipc, cols) => Promise.resolve(renameColumns(ipc, cols))))(
    input.ipc,
    binding,
  );
  const parts =
    input.parts && input.parts.count > 1 && !wide && spec.kind !== 'indicator_values' ? input.parts : null;
  report.rows = parts ? Math.max(renamed.rows, input.rows ?? 0) : renamed.rows;
  if (renamed.rows === 0) {
    if (report.problems.some((p) => p.code === 'empty-file')) return none;
    report.problems.push(
      fileProblem(file, 'empty-file', {
        found: msg('problems.empty-file.staged.found'),
        expected: msg('problems.empty-file.staged.expected', { kind: spec.kind }),
        fix: msg('problems.common.withRows'),
      }),
    );
    return none;
  }
  const staging = newStagingName(spec.kind);
  const real = detection.columns.map((b) => b.name);
  const bound = new Set(wide ? [...real, ...virtualColumns(plan)] : real);
  const helpers = [`${staging}_in`, `${staging}_map`, `${staging}_ind`, `${staging}_wide`, `${staging}_wmap`];
  let keep = false;
  try {
    try {
      await conn.insertArrowIPC(wide ? `${staging}_wide` : `${staging}_in`, renamed.ipc);
    } catch (e) {
      // A column type DuckDB cannot take from Arrow (rare Parquet types): a problem with the file, not a crash.
      report.problems.push(
        fileProblem(file, 'unknown-format', {
          found: valueMsg(e instanceof Error ? e.message.slice(0, 200) : String(e), null),
          expected: msg('problems.unknown-format.arrow.expected'),
          fix: msg('problems.unknown-format.arrow.fix'),
        }),
      );
      return none;
    }
    if (wide) await unpivotWide(conn, staging, real, plan);
    const values = spec.kind === 'indicator_values';
    if (values && bound.has('indicator')) await mapIndicatorNames(conn, `${staging}_in`, names);
    const inCols = [...bound, ...(wide ? ['__line'] : [])];
    const header = (n: string) => detection.columns.find((b) => b.name === n)?.header ?? n;
    if (values) {
      const categories =
        isDhis2(input.columns) && detected.problems.some((p) => p.code === 'unexpected-column');
      const periods = await aggregatePeriods(
        conn,
        staging,
        inCols,
        ctx.indicators,
        file,
        input.rowOffset,
        header('year'),
        categories,
      );
      report.problems.push(...periods);
      if (periods.length > 0) inCols.push('__line');
    }
    const line = inCols.includes('__line');
    const lines = { line, cell: wide !== null };
    const comma = input.decimalComma ?? false;
    if (parts) {
      const progress = (done: number) => input.onProgress?.('reading', done, report.rows);
      const each = (offset: number) =>
        createStaging(conn, spec, staging, bound, comma, lines, { offset, append: offset > 0 });
      const error = await stageParts(conn, staging, parts, binding, renamed.rows, each, progress);
      if (error) {
        report.problems.push(
          fileProblem(file, 'corrupt-parquet', {
            found: msg('problems.corrupt-parquet.found.damaged', { error }),
            expected: msg('problems.corrupt-parquet.expected'),
            fix: msg('problems.corrupt-parquet.fix.again'),
          }),
        );
        return none;
      }
    } else await createStaging(conn, spec, staging, bound, comma, lines);
    const place = hasPlace(spec);
    if (place) {
      const placeHeader = header(
        detection.columns.some((b) => b.name === 'municipality') ? 'municipality' : 'lau_code',
      );
      report.problems.push(
        ...(await skipNonDataRows(conn, staging, spec, file, input.rowOffset, placeHeader)),
      );
    }
    if (isDhis2(input.columns)) {
      const cols = detection.columns.filter((b) =>
        ['municipality', 'lau_code', 'indicator'].includes(b.name),
      );
      const uids = await uidProblems(conn, staging, file, input.rowOffset, cols);
      if (uids.length > 0) {
        report.problems.push(...uids);
        return none;
      }
    }
    let places: PlaceResolution = { mapping: new Map(), outcomes: new Map() };
    if (place) places = await resolvePlaces(conn, staging, bound, ctx);
    if (values) await stageIndicators(conn, staging, ctx);
    const childPop = spec.kind === 'cases' && (await tableExists(conn, 'indicator_values'));
    const run: CheckRun = {
      conn,
      file,
      rowOffset: input.rowOffset,
      maxListed: ctx.maxListed ?? DEFAULT_MAX_LISTED,
      headers: new Map(detection.columns.map((b) => [b.name, b.header])),
      ...(wide
        ? { cellColumns: new Set(wide.kind === 'years' ? ['value', 'year'] : ['value', 'indicator']) }
        : {}),
      from: `${ident(staging)} s ${placeJoin(staging, place)} ${values ? `LEFT JOIN ${ident(`${staging}_ind`)} i ON i.id = s.indicator` : ''}`,
    };
    const checks: Check[] = [
      ...columnChecks(spec, bound, ctx, input.decimalComma ?? false),
      ...(place ? placeChecks(spec.key.includes('lau_code'), bound, staging, places) : []),
      ...(values ? indicatorChecks(ctx.indicators) : []),
      ...kindChecks(spec.kind, staging, bound, childPop),
    ];
    const dup = duplicateCheck(spec, staging, place, input.rowOffset);
    if (dup) checks.push(dup);
    for (const [k, check] of checks.entries()) {
      input.onProgress?.('checking', k, checks.length);
      report.problems.push(...(await runCheck(run, check)));
    }
    report.problems = limitProblems(report.problems, run.maxListed);
    let preview: StagedPreview | undefined;
    if (values && input.preview)
      preview = await previewStaged(conn, staging, ctx, input.rowOffset, input.preview);
    if (values && place && acceptable(report)) {
      const rates = await rateSummaries(conn, staging, ctx, input.rowOffset, file);
      report.problems.push(...rates.problems);
      if (rates.summaries.length > 0) report.rates = rates.summaries;
    }
    keep = acceptable(report);
    if (keep && parts) await dropRawCells(conn, staging, spec);
    return {
      report,
      staging: keep ? staging : null,
      mapping: places.mapping,
      ...(preview ? { preview } : {}),
    };
  } finally {
    await dropTables(conn, keep ? helpers : [...helpers, staging]);
  }
}

/** Drops a staged file the user decided not to load. */
export async function discardStaged(conn: Connector, staging: string): Promise<void> {
  if (!/^stage_[a-z_]+_\d+$/.test(staging)) throw new Error(`not a staging table: ${staging}`);
  await dropTables(conn, [staging, `${staging}_map`, `${staging}_ind`, `${staging}_in`, `${staging}_rows`]);
}
