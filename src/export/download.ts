/** Saving a Blob as a file from the browser: an object URL behind an <a download>, revoked afterwards. */

/** Saves `blob` under `fileName` (the browser's download; nothing leaves the machine). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The download has taken its copy once click() returns, but give slow browsers a moment before revoking.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Saves CSV text (already with its BOM when wanted) as a UTF-8 .csv file. */
export function downloadCsv(csv: string, fileName: string): void {
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** A file-name-safe slug: letters, digits and dashes ("Ç" -> "c", spaces -> "-"). */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'export'
  );
}
