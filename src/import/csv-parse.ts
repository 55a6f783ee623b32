/**
 * An RFC 4180 CSV scanner over UTF-8 bytes. It never builds a string per cell: fields are handed to a
 * sink as byte ranges of the input, which the Arrow column builders copy straight into their buffers.
 * Separators, quotes and line ends are ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte
 * character, so scanning bytes is safe for any text.
 *
 * Lenient where spreadsheets are sloppy: CR, LF and CRLF all end a record; a quote inside an unquoted
 * field is kept as a character; text after a closing quote is kept. A quote that is never closed is
 * reported (it swallows the rest of the file, so the user must hear about it).
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Receives the fields of records as they are scanned. */
export interface FieldSink {
  /** Bytes [start, end) of `src` belong to field `col` of the current record (may be called several times). */
  part(col: number, src: Uint8Array, start: number, end: number): void;
  /** Field `col` is complete. */
  field(col: number): void;
  /** The record is complete; `blank` when its line was empty. Return false to stop scanning. */
  record(fields: number, blank: boolean): boolean;
}

/** Where scanning stopped and what went wrong on the way. */
export interface ScanOutcome {
  /** Byte position after the last record scanned. */
  end: number;
  /** Records scanned (blank lines included). */
  records: number;
  /** Index of the record in which a quote was opened and never closed, or -1. */
  unclosedQuote: number;
}

/** Scans records from `start`, each ending at CR, LF, CRLF or the end of the bytes. */
export function scanCsv(bytes: Uint8Array, start: number, delim: number, sink: FieldSink): ScanOutcome {
  const n = bytes.length;
  let i = start;
  let col = 0;
  let records = 0;
  let lineStart = i;
  let unclosedQuote = -1;
  while (i < n) {
    let b = bytes[i]!;
    if (b === QUOTE) {
      let s = ++i;
      for (;;) {
        while (i < n && bytes[i] !== QUOTE) i++;
        if (i >= n) {
          if (i > s) sink.part(col, bytes, s, i);
          unclosedQuote = records;
          break;
        }
        // Write through the first quote of a doubled pair: "" inside quotes is one quote.
        if (bytes[i + 1] === QUOTE) {
          sink.part(col, bytes, s, i + 1);
          i += 2;
          s = i;
          continue;
        }
        if (i > s) sink.part(col, bytes, s, i);
        i++;
        break;
      }
      s = i;
      while (i < n && (b = bytes[i]!) !== delim && b !== LF && b !== CR) i++;
      if (i > s) sink.part(col, bytes, s, i);
    } else {
      const s = i;
      while (i < n && (b = bytes[i]!) !== delim && b !== LF && b !== CR) i++;
      if (i > s) sink.part(col, bytes, s, i);
    }
    sink.field(col++);
    if (i >= n) break;
    b = bytes[i]!;
    if (b === delim) {
      i++;
      // A separator at the very end still opens one last (empty) field.
      if (i >= n) sink.field(col++);
      continue;
    }
    const blank = col === 1 && i === lineStart;
    i += b === CR && bytes[i + 1] === LF ? 2 : 1;
    records++;
    const more = sink.record(col, blank);
    col = 0;
    lineStart = i;
    if (!more) return { end: i, records, unclosedQuote };
  }
  if (col > 0) {
    records++;
    sink.record(col, false);
  }
  return { end: i, records, unclosedQuote };
}

/** A sink that only counts fields per record (for choosing the separator). */
export class CountingSink implements FieldSink {
  readonly counts: number[] = [];

  constructor(private readonly maxRecords: number) {}

  part(): void {}

  field(): void {}

  record(fields: number, blank: boolean): boolean {
    if (!blank) this.counts.push(fields);
    return this.counts.length < this.maxRecords;
  }
}

/** A sink that keeps the first record's fields as strings (the header). */
export class FirstRecordSink implements FieldSink {
  readonly fields: string[] = [];
  private readonly parts: Uint8Array[] = [];
  private readonly dec = new TextDecoder();

  part(_col: number, src: Uint8Array, start: number, end: number): void {
    this.parts.push(src.subarray(start, end));
  }

  field(): void {
    this.fields.push(this.parts.map((p) => this.dec.decode(p)).join(''));
    this.parts.length = 0;
  }

  record(_fields: number, blank: boolean): boolean {
    // Blank lines before the header are skipped; the caller counts them for row numbers.
    if (blank) this.fields.length = 0;
    return blank;
  }
}
