/**
 * Readers for checking the own-files corpus (test/fixtures/own-files) with other code than the app's
 * (SheetJS): exceljs for xlsx/xlsm, the ODF content.xml for .ods, a small CSV split, the zip central
 * directory for sizes without inflating anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const DIR = fileURLToPath(new URL('../fixtures/own-files', import.meta.url));

/** A cell as the file stores it: a number, a text, a date, or nothing; and its formula when it has one. */
export interface Cell {
  value: number | string | Date | null;
  formula?: string;
}
export interface Sheet {
  name: string;
  hidden: boolean;
  /** by A1 reference */
  cells: Map<string, Cell>;
}

export function colLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function fromExcel(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || v instanceof Date) return { value: v };
  if (typeof v === 'object' && 'formula' in v) {
    const r = v.result;
    const value = typeof r === 'number' || typeof r === 'string' || r instanceof Date ? r : null;
    return { value, formula: v.formula };
  }
  if (typeof v === 'object' && 'richText' in v) return { value: v.richText.map((t) => t.text).join('') };
  return { value: String(v as unknown as string) };
}

/** An xlsx or xlsm read with exceljs. */
export async function readExcel(file: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(DIR, file)) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells = new Map<string, Cell>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (!cell.isMerged || cell.master === cell) cells.set(`${colLetter(c)}${r}`, fromExcel(cell.value));
      });
    });
    return { name: ws.name, hidden: ws.state !== 'visible', cells };
  });
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** An .ods read from its content.xml (values as ODF stores them: office:value, office:date-value, text). */
export async function readOds(file: string): Promise<Sheet[]> {
  const zip = await JSZip.loadAsync(readFileSync(join(DIR, file)));
  const xml = await zip.file('content.xml')!.async('string');
  const sheets: Sheet[] = [];
  for (const t of xml.matchAll(/<table:table ([^>]*)>([\s\S]*?)<\/table:table>/g)) {
    const cells = new Map<string, Cell>();
    let r = 0;
    for (const row of t[2]!.matchAll(/<table:table-row([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
      const rowsRepeated = Number(attr(row[1]!, 'table:number-rows-repeated') ?? 1);
      r += 1;
      let c = 0;
      const body = row[2] ?? '';
      for (const m of body.matchAll(
        /<table:(?:covered-)?table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
      )) {
        const tag = m[1]!;
        const repeated = Number(attr(tag, 'table:number-columns-repeated') ?? 1);
        const type = attr(tag, 'office:value-type');
        const text = [...(m[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
          .map((p) => unescape(p[1]!))
          .join('\n');
        let value: Cell['value'] = null;
        if (type === 'float' || type === 'percentage') value = Number(attr(tag, 'office:value'));
        else if (type === 'date')
          value = new Date(`${attr(tag, 'office:date-value')!.slice(0, 10)}T00:00:00Z`);
        else if (type === 'string') value = text;
        const formula = attr(tag, 'table:formula');
        for (let k = 0; k < repeated && type; k++) {
          cells.set(
            `${colLetter(c + 1 + k)}${r}`,
            formula ? { value, formula: unescape(formula) } : { value },
          );
        }
        c += repeated;
      }
      r += rowsRepeated - 1;
    }
    const name = unescape(attr(t[1]!, 'table:name') ?? '');
    sheets.push({ name, hidden: false, cells });
  }
  return sheets;
}

/** A CSV split into rows of fields (RFC 4180 quotes; \r\n or \n). Row 1 is the header. */
export function readCsv(file: string): string[][] {
  const text = readFileSync(join(DIR, file), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  return rows;
}

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The entries of a zip's central directory, with their stated sizes (nothing is inflated). */
export function zipDirectory(file: string): ZipEntry[] {
  const b = readFileSync(join(DIR, file));
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: no end of central directory`);
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const nameLen = b.readUInt16LE(p + 28);
    const extra = b.readUInt16LE(p + 30);
    const comment = b.readUInt16LE(p + 32);
    out.push({
      name: b.toString('utf8', p + 46, p + 46 + nameLen),
      compressed: b.readUInt32LE(p + 20),
      uncompressed: b.readUInt32LE(p + 24),
    });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}
