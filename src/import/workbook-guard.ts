/**
 * Checks a workbook's container before the workbook library opens it: a ZIP (xlsx, xlsm, ods) must be
 * complete, unpack to at most 1 GB as it declares (a decompression bomb is refused here) and hold a
 * workbook; an OLE file (xls) must not be an encrypted OOXML workbook.
 */
import type { Problem } from '../contract/problem-types';
import { hasBytes } from './format-sniff';
import { fmt, problem } from './read-problems';
import { zipDirectory } from './zip-check';

/** The most a workbook may unpack to (its XML), as its ZIP directory declares. */
export const MAX_UNPACKED = 1024 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptionInfo" as the OLE directory stores it (UTF-16 LE). */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, sig: readonly number[], limit: number): boolean {
  const end = Math.min(bytes.length, limit) - sig.length;
  for (let i = 0; i <= end; i++) if (bytes[i] === sig[0] && hasBytes(bytes, i, sig)) return true;
  return false;
}

/** A problem that stops the workbook before it is opened, or null. */
export function workbookGuard(file: string, bytes: Uint8Array): Problem | null {
  if (hasBytes(bytes, 0, ZIP)) {
    const dir = zipDirectory(bytes);
    if (!dir)
      return problem(file, {
        code: 'corrupt-workbook',
        found: 'a workbook (ZIP) cut short: its table of contents at the end is missing',
        expected: 'a complete .xlsx, .xlsm or .ods file',
        fix: 'Download or copy the file again; if it was sent by e-mail, ask for it again.',
      });
    // Workbook XML packs 5 to 20 times; a part packed hundreds of times over is a bomb, not a table.
    const ratio = dir.unpacked / Math.max(1, bytes.length);
    if (dir.unpacked > MAX_UNPACKED || (dir.unpacked > 64 * 1024 * 1024 && ratio > 200))
      return problem(file, {
        code: 'unpacked-too-large',
        found: `a workbook that unpacks to ${fmt(Math.round(dir.unpacked / 1024 / 1024))} MB`,
        expected: `at most ${fmt(MAX_UNPACKED / 1024 / 1024)} MB once unpacked`,
        fix: 'Split the workbook (e.g. one file per year) or save the table as CSV or Parquet.',
      });
    const book = dir.names.some((n) => /^xl\/workbook\.(xml|bin)$/i.test(n) || n === 'content.xml');
    if (!book)
      return problem(file, {
        code: 'not-workbook',
        found: `a ZIP archive that is not a workbook (it holds ${dir.names.slice(0, 3).join(', ')}${dir.names.length > 3 ? ', …' : ''})`,
        expected: 'an .xlsx, .xlsm or .ods workbook, or a CSV, Parquet or GeoJSON file',
        fix: 'Unpack the archive and pick the table inside it.',
      });
    return null;
  }
  if (hasBytes(bytes, 0, OLE) && contains(bytes, ENCRYPTION_INFO, 1 << 20))
    return problem(file, {
      code: 'encrypted-file',
      found: 'a workbook protected with a password (encrypted)',
      expected: 'a workbook that opens without a password',
      fix: 'Open it in Excel or LibreOffice, remove the password (File > Info > Protect Workbook, or Save As without a password) and pick the saved copy.',
    });
  return null;
}
