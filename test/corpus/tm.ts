/** A map projection for the corpus's projected boundary files, written from the book, not from the app. */

/** Transverse Mercator on GRS80 (Snyder 1987, eq. 8-9 to 8-10): lon/lat degrees to metres. */
export function tm(lon: number, lat: number, lon0: number, k0: number, fe: number): [number, number] {
  const a = 6378137;
  const e2 = 0.0066943800229;
  const ep2 = e2 / (1 - e2);
  const phi = (lat * Math.PI) / 180;
  const n = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const t = Math.tan(phi) ** 2;
  const c = ep2 * Math.cos(phi) ** 2;
  const A = (((lon - lon0) * Math.PI) / 180) * Math.cos(phi);
  const m =
    a *
    ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi -
      ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
  const x =
    k0 * n * (A + ((1 - t + c) * A ** 3) / 6 + ((5 - 18 * t + t * t + 72 * c - 58 * ep2) * A ** 5) / 120);
  const y =
    k0 *
    (m +
      n *
        Math.tan(phi) *
        ((A * A) / 2 +
          ((5 - t + 9 * c + 4 * c * c) * A ** 4) / 24 +
          ((61 - 58 * t + t * t + 600 * c - 330 * ep2) * A ** 6) / 720));
  return [Math.round((fe + x) * 100) / 100, Math.round(y * 100) / 100];
}
