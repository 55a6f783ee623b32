/**
 * Checks a workbook's container before the workbook library opens it: a ZIP (xlsx, xlsm, ods) must be
 * complete, unpack to at most 1 GB as it declares (a decompression bomb is refused here) and hold a
 * workbook; an OLE file (xls) must not be an encrypted OOXML workbook.
 */
import { msg } from '../contract/problem-text';
import type { Problem } from '../contract/problem-types';
import { hasBytes } from './format-sniff';
import { problem } from './read-problems';
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
        found: msg('problems.corrupt-workbook.zip.found'),
        expected: msg('problems.corrupt-workbook.zip.expected'),
        fix: msg('problems.corrupt-workbook.zip.fix'),
      });
    // Workbook XML packs 5 to 20 times; a part packed hundreds of times over is a bomb, not a table.
    const ratio = dir.unpacked / Math.max(1, bytes.length);
    if (dir.unpacked > MAX_UNPACKED || (dir.unpacked > 64 * 1024 * 1024 && ratio > 200))
      return problem(file, {
        code: 'unpacked-too-large',
        found: msg('problems.unpacked-too-large.found', { size: Math.round(dir.unpacked / 1024 / 1024) }),
        expected: msg('problems.unpacked-too-large.expected', { max: MAX_UNPACKED / 1024 / 1024 }),
        fix: msg('problems.unpacked-too-large.fix'),
      });
    const book = dir.names.some((n) => /^xl\/workbook\.(xml|bin)$/i.test(n) || n === 'content.xml');
    if (!book)
      return problem(file, {
        code: 'not-workbook',
        found: msg('problems.not-workbook.zip.found', {
          names: `${dir.names.slice(0, 3).join(', ')}${dir.names.length > 3 ? ', …' : ''}`,
        }),
        expected: msg('problems.not-workbook.zip.expected'),
        fix: msg('problems.not-workbook.zip.fix'),
      });
    return null;
  }
  if (hasBytes(bytes, 0, OLE) && contains(bytes, ENCRYPTION_INFO, 1 << 20)) return encryptedProblem(file);
  return null;
}

/** A workbook protected with a password (found here, or by the workbook library). */
export function encryptedProblem(file: string): Problem {
  return problem(file, {
    code: 'encrypted-file',
    found: msg('problems.encrypted-file.found'),
    expected: msg('problems.encrypted-file.expected'),
    fix: msg('problems.encrypted-file.fix'),
  });
}

/** True when the bytes start as a workbook container does: a ZIP (xlsx, xlsm, ods) or an OLE file (xls). */
export function isWorkbookBytes(bytes: Uint8Array): boolean {
  return hasBytes(bytes, 0, ZIP) || hasBytes(bytes, 0, OLE);
}
