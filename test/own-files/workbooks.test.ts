/**
 * Workbooks as ministries have them, written with exceljs (another writer than the reader, SheetJS), through
 * the app's reader and batch pipeline on the CLI's engine: the values loaded are the sheet's own cells.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBatch } from '../../src/cli/check';
import { openSession, type Session } from '../../src/cli/session';
import { applyBatch, discardBatch } from '../../src/import/session';
import type { ReadInput } from '../../src/import/read-types';
import { readInput } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { tableFromIPC } from 'apache-arrow';

let session: Session;
beforeAll(async () => {
  session = await openSession();
}, 60_000);
afterAll(async () => {
  await session?.close();
});

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Checks and loads the files; returns the reports and the loaded rows of the indicator. */
async function load(files: ReadInput[], indicator: string) {
  const { batch } = await checkBatch(session, files);
  const reports = batch.reports;
  if (!batch.ok) {
    await discardBatch(session.conn, batch);
    return { reports, rows: [] };
  }
  await applyBatch(session.conn, batch);
  // The rows the user's files brought (they win over the demo's, whose other rows stay loaded).
  const rows = await session.conn.query<{ lau_code: string; year: number; value: number }>({
    sql: `SELECT lau_code, year, value FROM user_values WHERE indicator = ? AND year >= 2019 ORDER BY lau_code, year`,
    params: [indicator],
  });
  return { reports, rows };
}

describe('workbooks', () => {
  it('years as columns under a title, a merged caption, a hidden sheet, totals and subtotals', async () => {
    const bytes = await xlsx((wb) => {
      const notes = wb.addWorksheet('Shënime');
      notes.state = 'hidden';
      notes.addRow(['Bashkia', 'Viti', 'Treguesi', 'Vlera']);
      notes.addRow(['Tiranë', 2019, 'dv_reports', 99]);
      const ws = wb.addWorksheet('Braktisja');
      ws.addRow(['Tabela 3. Denoncime për dhunë në familje sipas bashkive, 2019-2021']);
      ws.addRow([]);
      ws.addRow(['Bashkia', 'Qarku', 'Numri i denoncimeve', null, null]);
      ws.mergeCells('C3:E3');
      ws.addRow([null, null, 2019, 2020, 'Viti 2021']);
      ws.addRow(['Tiranë', 'Tiranë', 15, { formula: 'C5*2', result: 30 }, 22]);
      ws.addRow(['Bulqizë', 'Dibër', 40, 45, null]);
      ws.addRow(['Qarku Dibër', null, 400, 405, 500]);
      ws.addRow(['Shkodër', 'Shkodër', 20, { formula: 'C8*1' }, 25]);
      ws.addRow(['Gjithsej', null, 2100, 2200, 2300]);
      ws.addRow([]);
      ws.addRow(['Burimi: Ministria e Arsimit, 2022']);
    });
    const { reports, rows } = await load([{ name: 'denoncime.xlsx', bytes }], 'dv_reports');
    const problems = reports[0]!.problems;
    expect(reports[0]!.kind).toBe('indicator_values');
    expect(
      problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row, p.column, p.found]),
    ).toEqual([]);
    const skipped = problems.filter((p) => p.code === 'skipped-row').map((p) => [p.row, p.found]);
    expect(skipped).toEqual([
      [7, 'a county subtotal ("Qarku Dibër")'],
      [9, 'a total row ("Gjithsej")'],
    ]);
    // The source line has no cell under a year: the unpivot gives it no row at all.
    expect(problems.find((p) => p.code === 'formula-no-value')?.found).toContain('D8');
    const tirana = rows.filter((r) => r.lau_code === 'AL224');
    expect(tirana.map((r) => [r.year, r.value])).toEqual([
      [2019, 15],
      [2020, 30],
      [2021, 22],
    ]);
    expect(rows).toHaveLength(7);
  }, 30_000);

  it('one column per indicator, named by id or label; a bad cell named by its row and column', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Të dhëna');
      ws.addRow(['Bashkia', 'Viti', 'Denoncime për dhunë në familje', 'street_children']);
      ws.addRow(['Tiranë', 2022, 120, 14]);
      ws.addRow(['Durrës', 2022, 60, 'shumë']);
    });
    const { reports } = await load([{ name: 'tregues.xlsx', bytes }], 'dv_reports');
    const bad = reports[0]!.problems.filter((p) => p.severity === 'error');
    expect(bad.map((p) => [p.code, p.row, p.column, p.found])).toEqual([
      ['wrong-type', 3, 'D (street_children)', 'shumë'],
    ]);
    const fixed = await xlsx((wb) => {
      const ws = wb.addWorksheet('Të dhëna');
      ws.addRow(['Bashkia', 'Viti', 'Denoncime për dhunë në familje', 'street_children']);
      ws.addRow(['Tiranë', 2022, 120, 14]);
      ws.addRow(['Durrës', 2022, 60, 8]);
    });
    const { rows } = await load([{ name: 'tregues.xlsx', bytes: fixed }], 'street_children');
    expect(rows.filter((r) => r.year === 2022).map((r) => [r.lau_code, r.value])).toEqual(
      [
        ['AL224', 14],
        ['AL121', 8],
      ].sort(),
    );
  }, 30_000);

  it('a DHIS2 analytics export: names as DHIS2 writes them, quarters added up to years', async () => {
    const lines = ['Data,Organisation unit,Period,Value'];
    for (const q of [1, 2, 3, 4]) lines.push(`Domestic-violence reports,Bashkia Tiranë,2023Q${q},${10 * q}`);
    for (const q of [1, 2]) lines.push(`Domestic-violence reports,Bashkia e Shkodrës,2023Q${q},${q}`);
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const { reports, rows } = await load([{ name: 'dhis2.csv', bytes }], 'dv_reports');
    const problems = reports[0]!.problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.find((p) => p.code === 'sub-year-period')?.found).toContain('2023 is incomplete');
    expect(rows.filter((r) => r.year === 2023).map((r) => [r.lau_code, r.value])).toEqual(
      [
        ['AL224', 100],
        ['AL154', 3],
      ].sort(),
    );
  }, 30_000);

  it('years as columns without a word on the indicator: an error that says how to map it, then loaded with the mapping', async () => {
    const csv = new TextEncoder().encode('Bashkia,2020,2021\nTiranë,5,6\nDurrës,7,8\n');
    const first = await load([{ name: 'vite.csv', bytes: csv }], 'trafficking_referrals');
    const missing = first.reports[0]!.problems.find((p) => p.code === 'missing-column');
    expect(missing?.found).toContain('years as columns (2020, 2021)');
    expect(missing?.fix).toContain('"indicator"');
    const mapped = await load(
      [{ name: 'vite.csv', bytes: csv, mapping: { indicator: 'trafficking_referrals' } }],
      'trafficking_referrals',
    );
    expect(mapped.rows.filter((r) => r.year >= 2020).map((r) => [r.lau_code, r.year, r.value])).toEqual([
      ['AL121', 2020, 7],
      ['AL121', 2021, 8],
      ['AL224', 2020, 5],
      ['AL224', 2021, 6],
    ]);
  }, 30_000);

  it('bad workbooks: each its own problem, nothing loaded', async () => {
    const good = await xlsx((wb) => wb.addWorksheet('A').addRow(['Bashkia', 'Viti', 'Treguesi', 'Vlera']));
    const empty = await xlsx((wb) => {
      wb.addWorksheet('Fleta1');
      wb.addWorksheet('Fleta2');
    });
    const files: ReadInput[] = [
      { name: 'cut.xlsx', bytes: good.subarray(0, Math.floor(good.length / 2)) },
      {
        name: 'csv.xlsx',
        bytes: new TextEncoder().encode('Bashkia,Viti,Treguesi,Vlera\nTiranë,2020,dv_reports,1\n'),
      },
      { name: 'empty.xlsx', bytes: empty },
      { name: 'sheet.xlsx', bytes: good, sheet: 'Nuk ekziston' },
    ];
    const { batch } = await checkBatch(session, files);
    await discardBatch(session.conn, batch);
    expect(batch.ok).toBe(false);
    expect(batch.reports.map((r) => r.problems.map((p) => p.code))).toEqual([
      ['corrupt-workbook'],
      ['not-workbook'],
      ['empty-workbook'],
      ['unknown-sheet'],
    ]);
  }, 30_000);

  it('DHIS2 JSON: analytics with identifiers resolved through metaData, a data value set of identifiers refused', async () => {
    const analytics = {
      headers: [
        { name: 'dx', column: 'Data', valueType: 'TEXT' },
        { name: 'ou', column: 'Organisation unit', valueType: 'TEXT' },
        { name: 'pe', column: 'Period', valueType: 'TEXT' },
        { name: 'value', column: 'Value', valueType: 'NUMBER' },
      ],
      metaData: {
        items: {
          Xk3dvRep01a: { name: 'Denoncime për dhunë në familje' },
          Ou7Tirana1b: { name: 'Bashkia Tiranë' },
          Ou8Durres2c: { name: 'Tirana Municipality' },
          '2024': { name: '2024' },
        },
        dimensions: { dx: ['Xk3dvRep01a'], ou: ['Ou7Tirana1b'], pe: ['2024'] },
      },
      rows: [
        ['Xk3dvRep01a', 'Ou7Tirana1b', '2024', '41'],
        ['Xk3dvRep01a', 'Ou9Unknown3', '2024', '3'],
      ],
      height: 2,
      width: 4,
    };
    const json = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    const { reports } = await load([{ name: 'analytics.json', bytes: json(analytics) }], 'dv_reports');
    // The second org unit has no name in metaData: its identifier is reported, nothing loads.
    expect(reports[0]!.problems.map((p) => [p.code, p.row])).toEqual([['uid-not-name', 2]]);
    analytics.rows.pop();
    const ok = await load([{ name: 'analytics.json', bytes: json(analytics) }], 'dv_reports');
    expect(ok.reports[0]!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ok.rows.filter((r) => r.year === 2024).map((r) => [r.lau_code, r.value])).toEqual([['AL224', 41]]);
    const set = {
      dataValues: [
        {
          dataElement: 'Xk3dvRep01a',
          period: '202401',
          orgUnit: 'Ou7Tirana1b',
          categoryOptionCombo: 'HllvX50cXC0',
          value: '4',
        },
        {
          dataElement: 'Xk3dvRep01a',
          period: '202402',
          orgUnit: 'Ou7Tirana1b',
          categoryOptionCombo: 'HllvX50cXC0',
          value: '5',
        },
      ],
    };
    const refused = await load([{ name: 'dataValueSet.json', bytes: json(set) }], 'dv_reports');
    const uid = refused.reports[0]!.problems.filter((p) => p.code === 'uid-not-name');
    expect(uid.map((p) => p.column).sort()).toEqual(['dataElement', 'orgUnit']);
    expect(uid[0]!.fix).toContain('Export from DHIS2 with names');
  }, 30_000);

  it('cells as the sheet shows them: a date where a year is meant, a percentage, a date, text', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('A');
      ws.addRow(['Bashkia', 'Viti', 'Treguesi', 'Vlera', 'Data']);
      const row = ws.addRow([
        'Tiranë',
        new Date(Date.UTC(2021, 0, 1)),
        'dropout_rate',
        0.015,
        new Date(Date.UTC(2022, 4, 17)),
      ]);
      row.getCell(2).numFmt = 'yyyy';
      row.getCell(4).numFmt = '0.0%';
      row.getCell(5).numFmt = 'dd/mm/yyyy';
    });
    const r = readInput({ name: 'a.xlsx', bytes }, loadParquetModuleNode());
    const table = tableFromIPC(r.ipc!);
    expect(r.columns).toEqual(['Bashkia', 'Viti', 'Treguesi', 'Vlera', 'Data']);
    expect(table.get(0)?.toJSON()).toEqual({
      Bashkia: 'Tiranë',
      Viti: '2021',
      Treguesi: 'dropout_rate',
      Vlera: '1.5',
      Data: '2022-05-17',
    });
  });
});
