/**
 * A batch of user files from drop to load: read (off the main thread in the browser), stage and validate in
 * DuckDB, report, and only when the user confirms, commit. Until then the loaded data is untouched; a batch
 * with any error cannot be committed, and discarding it drops every staging table.
 */
import type { FeatureCollection } from 'geojson';
import type { Connector } from '../engine/connector';
import type { IndicatorMeta } from '../engine/schema';
import {
  commitStaged,
  discardStaged,
  stageAndValidate,
  stagedIndicators,
  validateBoundaries,
  withIndicators,
} from '../contract';
import type { MunicipalityMapping, StagedPreview, StageInput, ValidationContext } from '../contract/types';
import type { ReadInput, ReadResult, SheetInfo } from './read-types';
import { indicatorNames } from '../contract/wide';
import { acceptable, type FileReport, type TableKind } from '../contract/problem-types';

/** One file staged for commit. */
interface Staged {
  file: string;
  staging: string;
  kind: TableKind;
  mapping: MunicipalityMapping;
}

/** What the checks found; `apply` it or `discard` it. */
export interface CheckedBatch {
  reports: FileReport[];
  /** True when no file has an error: the batch may be loaded (warnings are the user's call). */
  ok: boolean;
  /** Indicators defined by a catalog file in the batch (they join the catalog on commit). */
  indicators: IndicatorMeta[];
  /** A boundary file of the batch, already checked. */
  boundaries: FeatureCollection | null;
  staged: Staged[];
  /** How each file was read (by name), for the sheet chooser and the column-mapping panel. */
  details: Record<string, FileDetail>;
}

/** A file to check, with the indicators the user defined in the app for it (they join the catalog). */
export interface CheckInput extends ReadInput {
  indicators?: IndicatorMeta[];
}

/** What the reader and the stager saw of one file, beyond its report. */
export interface FileDetail {
  format: ReadResult['format'];
  /** The header as read (the names a mapping's `columns` refer to). */
  columns: string[];
  sheets?: SheetInfo[];
  sheet?: string;
  head?: ReadResult['head'];
  titles?: string[];
  /** 0-based sheet column of the table's first column (for "column F"). */
  firstColumn?: number;
  /** The first normalised rows and the unknown indicator names (indicator values, when asked). */
  preview?: StagedPreview;
  /** Ids of the indicators this file added to the batch (a catalog file's, or defined in the app). */
  indicators: string[];
}

/** Commit order: a catalog first (values refer to it), cases last (they need child population). */
const ORDER: TableKind[] = [
  'catalog',
  'indicator_values',
  'facilities',
  'caseload',
  'schools',
  'cases',
  'boundaries',
];

/**
 * A user's boundary features keyed and labelled like the bundled ones: each matched feature gets the known
 * municipality's code, names and county, so tooltips, tables and queries work unchanged.
 */
function withKnownAttributes(
  fc: FeatureCollection,
  codes: (string | null)[],
  ctx: ValidationContext,
): FeatureCollection {
  const known = new Map(ctx.municipalities.map((m) => [m.lau_code, m]));
  const features = fc.features.flatMap((f, i) => {
    const m = known.get(codes[i] ?? '');
    return m ? [{ ...f, properties: { ...m } }] : [];
  });
  return { ...fc, features };
}

/** Catalog files first, so values in the same batch can use their indicators. */
function catalogFirst<T extends ReadInput>(files: readonly T[]): T[] {
  const isCatalog = (f: T) => /catalog|katalog/i.test(f.name);
  return [...files.filter(isCatalog), ...files.filter((f) => !isCatalog(f))];
}

/** What the reader saw of a file, for the panel. */
function detailOf(r: ReadResult): FileDetail {
  return {
    format: r.format,
    columns: r.columns,
    indicators: [],
    ...(r.sheets ? { sheets: r.sheets } : {}),
    ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
    ...(r.head ? { head: r.head } : {}),
    ...(r.titles ? { titles: r.titles } : {}),
    ...(r.firstColumn !== undefined ? { firstColumn: r.firstColumn } : {}),
  };
}

/**
 * Where a file of the batch is: being read (its size; a large file: rows staged of all), its rows being
 * checked in the engine (checks run of all), or loaded into the live tables.
 */
export type FileStage =
  | { stage: 'reading'; bytes: number; done?: number; rows?: number }
  | { stage: 'checking'; rows: number; done?: number; of?: number }
  | { stage: 'committing'; rows: number };

/** Progress of a batch: files done of all, the file at hand and its stage. */
export type Progress = (done: number, total: number, file: string, stage?: FileStage) => void;

/**
 * Reads, stages and checks every file; changes nothing the views can see. `preview` > 0 keeps that many
 * normalised rows of each indicator-values file in its details (the column-mapping panel's preview).
 */
export async function checkFiles(
  conn: Connector,
  read: (file: ReadInput) => Promise<ReadResult>,
  files: readonly CheckInput[],
  context: ValidationContext,
  onProgress: Progress = () => {},
  rename?: StageInput['rename'],
  preview = 0,
): Promise<CheckedBatch> {
  let ctx = context;
  const batch: CheckedBatch = {
    reports: [],
    ok: true,
    indicators: [],
    boundaries: null,
    staged: [],
    details: {},
  };
  const ordered = catalogFirst(files);
  for (const [i, { indicators: defined = [], ...file }] of ordered.entries()) {
    onProgress(i, ordered.length, file.name, { stage: 'reading', bytes: file.bytes.length });
    const m = file.mapping;
    // Indicators the user defined in the app for this file are known while it is read and checked.
    const fileCtx = defined.length > 0 ? withIndicators(ctx, defined) : ctx;
    const r = await read({
      ...file,
      ...(m?.sheet !== undefined && file.sheet === undefined ? { sheet: m.sheet } : {}),
      ...(m?.headerRow !== undefined && file.headerRow === undefined ? { headerRow: m.headerRow } : {}),
      indicatorNames: [...indicatorNames(fileCtx.indicators, m?.indicators)],
    });
    onProgress(i, ordered.length, file.name, { stage: 'checking', rows: r.rows });
    const detail = detailOf(r);
    batch.details[file.name] = detail;
    const base: FileReport = {
      file: file.name,
      bytes: file.bytes.length,
      kind: null,
      rows: r.rows,
      problems: r.problems,
    };
    if (r.format === 'geojson' && r.geojson) {
      const checked = validateBoundaries(file.name, r.geojson, ctx);
      const report: FileReport = {
        ...base,
        kind: 'boundaries',
        problems: [...r.problems, ...checked.problems],
      };
      batch.reports.push(report);
      if (acceptable(report)) batch.boundaries = withKnownAttributes(r.geojson, checked.codes, ctx);
      continue;
    }
    if (!r.ipc) {
      batch.reports.push(base);
      continue;
    }
    const staged = await stageAndValidate(
      conn,
      {
        file: file.name,
        ipc: r.ipc,
        rowOffset: r.rowOffset,
        columns: r.columns,
        bytes: file.bytes.length,
        decimalComma: r.detected?.decimalComma ?? false,
        problems: r.problems,
        ...(rename ? { rename } : {}),
        ...(m ? { mapping: m } : {}),
        ...(r.titles ? { titles: r.titles } : {}),
        ...(r.firstColumn !== undefined ? { firstColumn: r.firstColumn } : {}),
        ...(preview > 0 ? { preview } : {}),
        ...(r.parts ? { parts: r.parts, rows: r.rows } : {}),
        onProgress: (step, done, of) =>
          onProgress(
            i,
            ordered.length,
            file.name,
            step === 'reading'
              ? { stage: 'reading', bytes: file.bytes.length, done, rows: of }
              : { stage: 'checking', rows: r.rows, done, of },
          ),
      },
      fileCtx,
    ).finally(() => r.parts?.release());
    const report = staged.report;
    batch.reports.push(report);
    if (staged.preview) detail.preview = staged.preview;
    if (!staged.staging) continue;
    if (!acceptable(report)) {
      await discardStaged(conn, staged.staging);
      continue;
    }
    const kind = staged.report.kind!;
    const extra = kind === 'catalog' ? await stagedIndicators(conn, staged.staging) : defined;
    if (extra.length > 0) {
      batch.indicators.push(...extra);
      detail.indicators = extra.map((x) => x.id);
      ctx = withIndicators(ctx, extra);
    }
    batch.staged.push({ file: file.name, staging: staged.staging, kind, mapping: staged.mapping });
  }
  onProgress(ordered.length, ordered.length, '');
  batch.ok = batch.reports.every(acceptable);
  return batch;
}

/**
 * Checks one file of a checked batch again (another sheet, header row or mapping) and returns the batch with
 * that file's report, details and staging replaced; the other files' stay as they were checked. The batch
 * passed in must not be used afterwards (its staging tables move to the new one).
 */
export async function recheckFile(
  conn: Connector,
  read: (file: ReadInput) => Promise<ReadResult>,
  batch: CheckedBatch,
  file: CheckInput,
  context: ValidationContext,
  rename?: StageInput['rename'],
  preview = 0,
): Promise<CheckedBatch> {
  const before = batch.details[file.name];
  const own = new Set(before?.indicators ?? []);
  const others = batch.indicators.filter((x) => !own.has(x.id));
  for (const s of batch.staged.filter((x) => x.file === file.name)) await discardStaged(conn, s.staging);
  const one = await checkFiles(
    conn,
    read,
    [file],
    withIndicators(context, others),
    undefined,
    rename,
    preview,
  );
  const report = one.reports[0]!;
  const at = batch.reports.findIndex((r) => r.file === file.name);
  const reports = at < 0 ? [...batch.reports, report] : batch.reports.map((r, i) => (i === at ? report : r));
  const geo = before?.format === 'geojson' || one.details[file.name]?.format === 'geojson';
  return {
    reports,
    ok: reports.every(acceptable),
    indicators: [...others, ...one.indicators],
    boundaries: geo ? one.boundaries : batch.boundaries,
    staged: [...batch.staged.filter((x) => x.file !== file.name), ...one.staged],
    details: { ...batch.details, ...one.details },
  };
}

/** Loads a checked batch into the live tables. */
export async function applyBatch(conn: Connector, batch: CheckedBatch): Promise<void> {
  if (!batch.ok) throw new Error('a batch with errors cannot be loaded');
  const staged = [...batch.staged].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  for (const s of staged) await commitStaged(conn, s.staging, s.kind, s.mapping);
  batch.staged = [];
}

/** Drops the staging tables of a batch the user did not load. */
export async function discardBatch(conn: Connector, batch: CheckedBatch): Promise<void> {
  for (const s of batch.staged) await discardStaged(conn, s.staging);
  batch.staged = [];
}
