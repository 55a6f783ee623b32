/**
 * Arrow Utf8 columns built straight from CSV bytes: offsets, data and validity buffers grow by doubling
 * and are handed to Arrow as they are. This avoids one JS string per cell (a million-row file has
 * millions of cells), which is what makes vectorFromArray or tableFromArrays slow on big files.
 */
import { makeData, Utf8, type Data } from 'apache-arrow';

/** One column of text cells; an empty cell is null. */
export class Utf8Column {
  private data: Uint8Array;
  private pos = 0;
  private offsets = new Int32Array(1024);
  private valid = new Uint8Array(128);
  length = 0;

  constructor(expectedBytes: number) {
    this.data = new Uint8Array(Math.max(1024, expectedBytes));
  }

  /** Appends bytes [start, end) of `src` to the cell being built. */
  add(src: Uint8Array, start: number, end: number): void {
    const len = end - start;
    if (this.pos + len > this.data.length) this.growData(this.pos + len);
    // Short cells are the norm: a plain loop beats creating a subarray for set().
    if (len < 24) for (let k = start; k < end; k++) this.data[this.pos++] = src[k]!;
    else {
      this.data.set(src.subarray(start, end), this.pos);
      this.pos += len;
    }
  }

  /** Ends the cell being built: null when nothing was added. */
  commit(): void {
    const row = this.length;
    if (row + 2 > this.offsets.length) this.growRows();
    if (this.pos > this.offsets[row]!) this.valid[row >> 3]! |= 1 << (row & 7);
    this.offsets[row + 1] = this.pos;
    this.length = row + 1;
  }

  /** Drops cells from `length` on (trailing blank rows). */
  truncate(length: number): void {
    for (let r = length; r < this.length; r++) this.valid[r >> 3]! &= ~(1 << (r & 7));
    this.length = length;
    this.pos = this.offsets[length]!;
  }

  /** True when row `r` holds text. */
  has(r: number): boolean {
    return ((this.valid[r >> 3]! >> (r & 7)) & 1) === 1;
  }

  /** The bytes of row `r` (empty for null). */
  bytesAt(r: number): Uint8Array {
    return this.data.subarray(this.offsets[r]!, this.offsets[r + 1]!);
  }

  /** The row holding byte `at` of the data buffer. */
  rowOfByte(at: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** All the column's text bytes, cell after cell. */
  allBytes(): Uint8Array {
    return this.data.subarray(0, this.pos);
  }

  /** True when no row holds text. */
  allNull(): boolean {
    return this.pos === 0;
  }

  /** The Arrow data of the column. */
  finish(): Data<Utf8> {
    const n = this.length;
    let nulls = 0;
    for (let r = 0; r < n; r++) if (!this.has(r)) nulls++;
    return makeData({
      type: new Utf8(),
      length: n,
      nullCount: nulls,
      // Arrow treats a missing bitmap as "all valid", which saves a buffer for complete columns.
      nullBitmap: nulls > 0 ? this.valid.subarray(0, (n + 7) >> 3) : null,
      valueOffsets: this.offsets.subarray(0, n + 1),
      data: this.data.subarray(0, this.pos),
    });
  }

  private growData(need: number): void {
    let size = this.data.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.data.subarray(0, this.pos));
    this.data = next;
  }

  private growRows(): void {
    const offsets = new Int32Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const valid = new Uint8Array(offsets.length >> 3);
    valid.set(this.valid);
    this.valid = valid;
  }
}
