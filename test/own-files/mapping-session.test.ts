/**
 * The column-mapping panel's engine side in Node: the preview of the normalised rows (even with errors), one
 * file checked again with a sheet, a header row or a mapping while the rest of the batch stays, and an
 * indicator defined in the app loaded as a catalog file's would be.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerLikeReader } from '../../src/cli/check';
import { openSession, type Session } from '../../src/cli/session';
import type { IndicatorMeta } from '../../src/engine/schema';
import { applyBatch, checkFiles, discardBatch, recheckFile, type CheckInput } from '../../src/import/session';

let session: Session;
beforeAll(async () => {
  session = await openSession();
}, 60_000);
afterAll(async () => {
  await session?.close();
});

const read = () => workerLikeReader(session.parquet, []);
const check = (files: CheckInput[]) =>
  checkFiles(session.conn, read(), files, session.context, undefined, undefined, 20);
const text = (s: string) => new TextEncoder().encode(s);

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Shënime');
  notes.addRow(['Ky libër pune ka të dhënat në fletën e dytë.']);
  const ws = wb.addWorksheet('Të dhëna');
  ws.addRow(['Bashkia', '2024', '2025']);
  ws.addRow(['Tiranë', 470, 480]);
  ws.addRow(['Durrës', 110, 120]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const childLabour: IndicatorMeta = {
  id: 'child_labour',
  label: { en: 'Child labour', sq: 'Punë e fëmijëve' },
  unit: { en: 'children', sq: 'fëmijë' },
  higherIsWorse: true,
  aggregation: 'sum',
  scale: 1,
  sensitive: false,
  source: { en: 'Defined in the app', sq: 'Përcaktuar në aplikacion' },
};

describe('the column mapping, engine side', () => {
  it('lists the sheets, previews the rows once the indicator is named, and keeps the other files', async () => {
    const bytes = await workbook();
    const other = {
      name: 'other.csv',
      bytes: text('lau_code,year,indicator,value\nAL224,2025,street_children,3\n'),
    };
    const first = await check([{ name: 'vite.xlsx', bytes }, other]);
    const d = first.details['vite.xlsx']!;
    expect(d.sheets?.map((s) => [s.number, s.name, s.recognised])).toEqual([
      [1, 'Shënime', false],
      [2, 'Të dhëna', true],
    ]);
    expect(d.sheet).toBe('Të dhëna');
    expect(d.columns).toEqual(['Bashkia', '2024', '2025']);
    expect(d.head?.rows[0]).toEqual(['Bashkia', '2024', '2025']);
    expect(first.reports[0]!.problems.map((p) => p.code)).toContain('missing-column');
    // Staged without an indicator: the preview shows the rows, the indicator empty.
    expect(d.preview?.rows.map((r) => [r.lau_code, r.year, r.indicator, r.value])[0]).toEqual([
      'AL224',
      2024,
      null,
      470,
    ]);
    expect(first.ok).toBe(false);
    const staged = first.staged.map((s) => s.staging);

    const mapped = await recheckFile(
      session.conn,
      read(),
      first,
      { name: 'vite.xlsx', bytes, sheet: 2, mapping: { sheet: 2, indicator: 'dv_reports' } },
      session.context,
      undefined,
      20,
    );
    expect(mapped.reports.map((r) => r.file)).toEqual(['vite.xlsx', 'other.csv']);
    expect(mapped.ok).toBe(true);
    expect(mapped.staged.map((s) => s.staging)).toContain(staged[0]);
    expect(mapped.details['vite.xlsx']!.preview?.rows).toEqual([
      {
        row: 2,
        place: 'Tiranë',
        lau_code: 'AL224',
        municipality: 'Tiranë',
        year: 2024,
        indicator: 'dv_reports',
        value: 470,
      },
      {
        row: 2,
        place: 'Tiranë',
        lau_code: 'AL224',
        municipality: 'Tiranë',
        year: 2025,
        indicator: 'dv_reports',
        value: 480,
      },
      {
        row: 3,
        place: 'Durrës',
        lau_code: 'AL121',
        municipality: 'Durrës',
        year: 2024,
        indicator: 'dv_reports',
        value: 110,
      },
      {
        row: 3,
        place: 'Durrës',
        lau_code: 'AL121',
        municipality: 'Durrës',
        year: 2025,
        indicator: 'dv_reports',
        value: 120,
      },
    ]);
    await discardBatch(session.conn, mapped);
  }, 30_000);

  it('names the indicators the catalog lacks, then loads them under an indicator defined in the app', async () => {
    const csv = text(
      'Bashkia,Viti,Treguesi,Vlera\nTiranë,2025,Fëmijë që punojnë,14\nDurrës,2025,Fëmijë që punojnë,6\n',
    );
    const first = await check([{ name: 'pune.csv', bytes: csv }]);
    expect(first.ok).toBe(false);
    expect(first.details['pune.csv']!.preview?.unknownIndicators).toEqual(['Fëmijë që punojnë']);
    expect(first.details['pune.csv']!.preview?.rows[0]).toMatchObject({
      lau_code: 'AL224',
      indicator: 'Fëmijë që punojnë',
      value: 14,
    });

    const input: CheckInput = {
      name: 'pune.csv',
      bytes: csv,
      mapping: { indicators: { 'Fëmijë që punojnë': 'child_labour' } },
      indicators: [childLabour],
    };
    const again = await recheckFile(session.conn, read(), first, input, session.context, undefined, 20);
    expect(again.reports[0]!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(again.indicators).toEqual([childLabour]);
    expect(again.details['pune.csv']!.indicators).toEqual(['child_labour']);
    await applyBatch(session.conn, again);
    const rows = await session.conn.query<{ lau_code: string; value: number }>({
      sql: `SELECT lau_code, value FROM indicator_values WHERE indicator = ? ORDER BY lau_code`,
      params: ['child_labour'],
    });
    expect(rows).toEqual([
      { lau_code: 'AL121', value: 6 },
      { lau_code: 'AL224', value: 14 },
    ]);
  }, 30_000);

  it('reads a CSV from the header row the user gives', async () => {
    const csv = text(
      'Tabela 1\nShënim: të dhëna provë\nlau_code,year,indicator,value\nAL224,2025,dv_reports,5\n',
    );
    const first = await check([{ name: 't.csv', bytes: csv, headerRow: 2 }]);
    expect(first.details['t.csv']!.columns).toEqual(['Shënim: të dhëna provë']);
    const again = await recheckFile(
      session.conn,
      read(),
      first,
      { name: 't.csv', bytes: csv, headerRow: 3 },
      session.context,
    );
    expect(again.ok).toBe(true);
    expect(again.details['t.csv']!.head?.header).toBe(2);
    await discardBatch(session.conn, again);
  }, 30_000);
});
