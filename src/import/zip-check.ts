/**
 * What a ZIP archive (xlsx, xlsm, ods) declares before anything is inflated: whether its central directory is
 * there (a truncated download has none), how many entries it has and how many bytes they unpack to, so a
 * decompression bomb is refused before the workbook library inflates it.
 */

/** The archive's own account of itself, or null when it has no end-of-central-directory record. */
export interface ZipDirectory {
  entries: number;
  /** Sum of the entries' declared uncompressed sizes. */
  unpacked: number;
  names: string[];
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

/** Reads the central directory (ZIP64 sizes count as too large: no workbook of ours needs them). */
export function zipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const min = Math.max(0, bytes.length - 22 - 65535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const start = u32(bytes, eocd + 16);
  const names: string[] = [];
  let unpacked = 0;
  let at = start;
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return null;
    const size = u32(bytes, at + 24);
    unpacked += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    const nameLen = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    names.push(dec.decode(bytes.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extra + comment;
  }
  return { entries: count, unpacked, names };
}
