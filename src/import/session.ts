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
import type { MunicipalityMapping, StageInput, ValidationContext } from '../contract/types';
import type { ReadInput, ReadResult } from './read-types';
import { indicatorNames } from '../contract/wide';
import { acceptable, type FileReport, type TableKind } from '../contract/problem-types';

/** One file staged for commit. */
interface Staged {
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
function catalogFirst(files: readonly ReadInput[]): ReadInput[] {
  const isCatalog = (f: ReadInput) => /catalog|katalog/i.test(f.name);
  return [...files.filter(isCatalog), ...files.filter((f) => !isCatalog(f))];
}

/** Reads, stages and checks every file; changes nothing the views can see. */
export async function checkFiles(
  conn: Connector,
  read: (file: ReadInput) => Promise<ReadResult>,
  files: readonly ReadInput[],
  context: ValidationContext,
  onProgress: (done: number, total: number, file: string) => void = () => {},
  rename?: StageInput['rename'],
): Promise<CheckedBatch> {
  let ctx = context;
  const batch: CheckedBatch = { reports: [], ok: true, indicators: [], boundaries: null, staged: [] };
  const ordered = catalogFirst(files);
  for (const [i, file] of ordered.entries()) {
    onProgress(i, ordered.length, file.name);
    const m = file.mapping;
    const r = await read({
      ...file,
      ...(m?.sheet !== undefined && file.sheet === undefined ? { sheet: m.sheet } : {}),
      ...(m?.headerRow !== undefined && file.headerRow === undefined ? { headerRow: m.headerRow } : {}),
      indicatorNames: [...indicatorNames(ctx.indicators, m?.indicators)],
    });
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
      },
      ctx,
    );
    const report = staged.report;
    batch.reports.push(report);
    if (!staged.staging) continue;
    if (!acceptable(report)) {
      await discardStaged(conn, staged.staging);
      continue;
    }
    const kind = staged.report.kind!;
    if (kind === 'catalog') {
      const extra = await stagedIndicators(conn, staged.staging);
      batch.indicators.push(...extra);
      ctx = withIndicators(ctx, extra);
    }
    batch.staged.push({ staging: staged.staging, kind, mapping: staged.mapping });
  }
  onProgress(ordered.length, ordered.length, '');
  batch.ok = batch.reports.every(acceptable);
  return batch;
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
