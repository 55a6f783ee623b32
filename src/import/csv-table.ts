/** The data rows of a CSV file into Utf8 columns, noting rows whose cell count does not fit the header. */
import { Field, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8 } from 'apache-arrow';
import { Utf8Column } from './csv-columns';
import type { FieldSink } from './csv-parse';

/** A row with the wrong number of cells (index into the data rows, 0-based). */
export interface RaggedRow {
  index: number;
  cells: number;
}

/** Fills one Utf8Column per header column; short rows are padded with nulls, extra cells dropped. */
export class TableSink implements FieldSink {
  readonly columns: Utf8Column[];
  /** Data rows scanned so far. */
  rows = 0;
  /** The last row with any text in it (trailing blank or all-empty rows are dropped at the end). */
  lastFilled = -1;
  readonly ragged: RaggedRow[] = [];
  raggedCount = 0;
  /** Ragged rows by their number of cells. */
  readonly raggedWidths = new Map<number, number>();
  private filled = false;
  private extra = false;

  constructor(
    width: number,
    expectedBytes: number,
    private readonly maxRagged = 5,
  ) {
    this.columns = Array.from({ length: width }, () => new Utf8Column(Math.ceil(expectedBytes / width)));
  }

  part(col: number, src: Uint8Array, start: number, end: number): void {
    const c = this.columns[col];
    if (c) c.add(src, start, end);
    else this.extra = true;
    this.filled = true;
  }

  field(col: number): void {
    this.columns[col]?.commit();
  }

  record(fields: number): boolean {
    const width = this.columns.length;
    for (let c = fields; c < width; c++) this.columns[c]!.commit();
    if (this.filled) {
      this.lastFilled = this.rows;
      // Extra cells that are empty (a separator at the end of the line) are harmless; rows with no
      // text at all (",,,,") are kept as empty rows so that row numbers stay right.
      if (fields < width || this.extra) {
        this.raggedCount++;
        this.raggedWidths.set(fields, (this.raggedWidths.get(fields) ?? 0) + 1);
        if (this.ragged.length < this.maxRagged) this.ragged.push({ index: this.rows, cells: fields });
      }
    }
    this.rows++;
    this.filled = false;
    this.extra = false;
    return true;
  }

  /**
   * The cell count shared by most rows when most rows disagree with the header in the same way (title
   * lines above the header, or a header with extra names), else null.
   */
  commonRaggedWidth(): number | null {
    if (this.rows < 2 || this.raggedCount * 2 <= this.rows) return null;
    for (const [width, n] of this.raggedWidths) if (n >= this.raggedCount * 0.8) return width;
    return null;
  }

  /** Drops blank rows at the end of the file (spreadsheets often leave a few). */
  trimTrailingBlankRows(): void {
    this.rows = this.lastFilled + 1;
    for (const c of this.columns) c.truncate(this.rows);
  }
}

/** An Arrow IPC stream of Utf8 columns with the given (unique) names. */
export function utf8TableIPC(
  names: readonly string[],
  columns: readonly Utf8Column[],
  rows: number,
): Uint8Array {
  const fields = names.map((n) => new Field(n, new Utf8(), true));
  const children = columns.map((c) => c.finish());
  const struct = makeData({ type: new Struct(fields), length: rows, nullCount: 0, children });
  const batch = new RecordBatch(new Schema(fields), struct);
  return tableToIPC(new Table([batch]), 'stream');
}
