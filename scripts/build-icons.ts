/**
 * The app's icons, drawn in code: a white shield holding a net (the "safety net") on the app's accent blue
 * (`--color-accent` in src/index.css). `npx tsx scripts/build-icons.ts` writes public/icons/: 192 and 512 px
 * with rounded corners (purpose "any") and a 512 px maskable one (full bleed, the shield inside the central
 * 80 % safe zone). test/pwa-icons.test.ts checks the committed files equal what this draws, pixel for pixel.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** --color-accent and white, as RGB. */
const ACCENT = [0x0b, 0x5c, 0xad] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** One icon file of public/icons. */
export interface IconSpec {
  file: string;
  size: number;
  maskable: boolean;
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

type Point = readonly [number, number];

/** A quadratic Bézier from a to b with control c, as `n` points (b included, a not). */
function quad(a: Point, c: Point, b: Point, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const t = (i + 1) / n;
    const u = 1 - t;
    return [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]];
  });
}

/** The shield's outline in the unit square: a flat top, straight sides, curving down to a point. */
const SHIELD: Point[] = [
  [0.22, 0.2],
  [0.5, 0.13],
  [0.78, 0.2],
  [0.78, 0.48],
  ...quad([0.78, 0.48], [0.78, 0.74], [0.5, 0.88], 16),
  ...quad([0.5, 0.88], [0.22, 0.74], [0.22, 0.48], 16),
];

function inside(poly: readonly Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function edgeDistance(poly: readonly Point[], x: number, y: number): number {
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j]!;
    const [bx, by] = poly[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

/** Distance of v to the nearest multiple of `step`. */
const offGrid = (v: number, step: number) => Math.abs(v - step * Math.round(v / step));

/** The colour at a point of the unit square, or null for transparent. */
function colourAt(x: number, y: number, maskable: boolean): readonly number[] | null {
  if (!maskable) {
    // Rounded square, corner radius 18 % of the side.
    const r = 0.18;
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    if (Math.hypot(x - cx, y - cy) > r) return null;
  }
  // The maskable icon keeps the shield inside the central 80 %: scale it about the centre.
  const s = maskable ? 1 / 0.8 : 1;
  const u = 0.5 + (x - 0.5) * s;
  const v = 0.5 + (y - 0.5) * s;
  if (!inside(SHIELD, u, v)) return ACCENT;
  if (edgeDistance(SHIELD, u, v) < 0.045) return WHITE;
  // The net: two families of diagonal strands.
  const strand = 0.016;
  if (offGrid(u + v, 0.1) < strand || offGrid(u - v, 0.1) < strand) return ACCENT;
  return WHITE;
}

/**
 * Draws one icon; returns the RGBA bytes (row-major). A pixel whose four corners have one colour is that
 * colour (every shape is wider than a pixel); a pixel on an edge averages 4 x 4 samples.
 */
export function drawIcon(size: number, maskable: boolean): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  const at = (x: number, y: number) => colourAt(x / size, y / size, maskable);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const o = (py * size + px) * 4;
      const corner = at(px, py);
      if (corner === at(px + 1, py) && corner === at(px, py + 1) && corner === at(px + 1, py + 1)) {
        if (corner) out.set([...corner, 255], o);
        continue;
      }
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = at(px + (sx + 0.5) / n, py + (sy + 0.5) / n);
          if (!c) continue;
          r += c[0]!;
          g += c[1]!;
          b += c[2]!;
          a += 1;
        }
      }
      // Colour averaged over the covered samples (straight alpha), alpha the covered share.
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return out;
}

/** One icon as PNG bytes. */
export function iconPng(spec: IconSpec): Buffer {
  const png = new PNG({ width: spec.size, height: spec.size });
  png.data = Buffer.from(drawIcon(spec.size, spec.maskable));
  return PNG.sync.write(png, { colorType: 6 });
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = join(root, 'public/icons');
  mkdirSync(dir, { recursive: true });
  for (const spec of ICONS) {
    const bytes = iconPng(spec);
    writeFileSync(join(dir, spec.file), bytes);
    console.log(`public/icons/${spec.file}: ${spec.size} x ${spec.size}, ${bytes.length} bytes`);
  }
}
