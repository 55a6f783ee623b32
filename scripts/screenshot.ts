/**
 * Screenshots of the production build in Debian's headless Chromium, to look at what we build: each view
 * (map, coverage, hotspots, planner, cases) on a phone (390 x 844), a tablet (820 x 1180) and a desktop
 * (1400 x 900), in English and Albanian, into `<out>/<view>-<size>-<lang>.png` (the first screen, once the
 * view is ready) and `<out>/<view>-<size>-<lang>-full.png` (the whole page with every <details> open; a page
 * taller than 4,000 px in parts, `-full-1.png`, `-full-2.png`...).
 * It prints each page's `document.documentElement.scrollWidth` at each size and exits 1 if any page scrolls
 * sideways.
 *
 *   npm run build && npm run screenshots
 *   npx vite build --outDir /tmp/dist-x && npx tsx scripts/screenshot.ts --dist /tmp/dist-x --port 4186
 *
 * Options: --dist <dir> (default dist), --out <dir> (default test-results/screens), --port <n> (default
 * 4199), --views map,coverage, --sizes phone,tablet, --langs en (a subset, to look at one thing quickly).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';

const SIZES = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1400, height: 900 },
} as const;
type Size = keyof typeof SIZES;

const VIEWS = ['map', 'coverage', 'hotspots', 'planner', 'cases'] as const;
type View = (typeof VIEWS)[number];
const LANGS = ['en', 'sq'] as const;
/** The height of one part of a full-page screenshot. */
const PART = 4000;

/** What says a view has drawn (as the e2e tests wait for it: e2e/a11y.spec.ts). */
const READY: Record<View, (page: Page) => Promise<void>> = {
  map: async (page) => {
    await page.waitForFunction(() => performance.getEntriesByName('atlas:data-loaded').length > 0, null, {
      timeout: 60_000,
    });
  },
  coverage: (page) => page.getByTestId('coverage-table').waitFor({ timeout: 120_000 }),
  hotspots: (page) =>
    page.locator('[data-testid="hotspots-view"][data-state="ready"]').waitFor({ timeout: 120_000 }),
  planner: async (page) => {
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="planner-ranking"] tbody tr').length === 61,
      null,
      { timeout: 120_000 },
    );
  },
  cases: async (page) => {
    await page.waitForFunction(() => performance.getEntriesByName('atlas:cases-ready').length > 0, null, {
      timeout: 120_000,
    });
  },
};

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'test-results/screens' },
    port: { type: 'string', default: '4199' },
    views: { type: 'string', default: VIEWS.join(',') },
    sizes: { type: 'string', default: Object.keys(SIZES).join(',') },
    langs: { type: 'string', default: LANGS.join(',') },
  },
});

function pick<T extends string>(list: string, allowed: readonly T[], what: string): T[] {
  return list.split(',').map((x) => {
    const found = allowed.find((a) => a === x);
    if (!found) throw new Error(`unknown ${what} '${x}' (one of ${allowed.join(', ')})`);
    return found;
  });
}
const views = pick(opts.views, VIEWS, 'view');
const sizes = pick(opts.sizes, Object.keys(SIZES) as Size[], 'size');
const langs = pick(opts.langs, LANGS, 'language');

/** `vite preview` of the build in `dist` on 127.0.0.1:port; resolves once it answers. */
async function preview(dist: string, port: number): Promise<{ url: string; stop: () => void }> {
  const url = `http://127.0.0.1:${port}`;
  const answers = () =>
    fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
  if (await answers()) throw new Error(`something already answers on ${url}; stop it first`);
  const child: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const stop = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM'); // npx and the vite it starts, together
    } catch {
      child.kill('SIGTERM');
    }
  };
  process.once('exit', stop);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${log}`);
    if (await answers()) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}:\n${log}`);
}

interface Row {
  view: View;
  size: Size;
  lang: string;
  width: number;
  /** scrollWidth as the view first shows. */
  first: number;
  /** scrollWidth with every <details> open. */
  open: number;
  /** What sticks out past the viewport's right edge (with every <details> open). */
  wide: string[];
}

/** The outermost elements whose right edge passes the viewport's (up to six), to say what overflows. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const found: Element[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= w + 0.5) continue;
      if (found.some((f) => f.contains(el))) continue;
      // Inside a box that scrolls or clips sideways within the screen: that box holds it.
      let held = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= w + 0.5) {
          held = true;
        }
      }
      if (!held) found.push(el);
      if (found.length >= 6) break;
    }
    return found.map((el) => {
      const id = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : cls} (right ${Math.round(el.getBoundingClientRect().right)})`;
    });
  });
}

const out = opts.out;
mkdirSync(out, { recursive: true });
const server = await preview(opts.dist, Number(opts.port));
const rows: Row[] = [];
let failed = false;
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const size of sizes) {
    const touch = size !== 'desktop';
    const context = await browser.newContext({
      viewport: SIZES[size],
      hasTouch: touch,
      isMobile: size === 'phone',
      deviceScaleFactor: 1,
      timezoneId: 'Europe/Tirane',
      locale: 'en-GB',
      // The app's CSP (style-src 'self') would refuse the style tag a full-page shot adds.
      bypassCSP: true,
    });
    for (const view of views) {
      for (const lang of langs) {
        const name = `${view}-${size}-${lang}`;
        const page = await context.newPage();
        page.on('console', (m) => m.type() === 'error' && console.error(`[${name}] console: ${m.text()}`));
        page.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
        try {
          await page.goto(`${server.url}/?view=${view}&lang=${lang}`);
          await page.waitForSelector('html[data-atlas-ready="true"]', { timeout: 60_000 });
          await READY[view](page);
          // Every view's map has taken over from the preview (WebGL); then its basemap and the charts settle.
          await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: 60_000 });
          await page.waitForSelector('.import', { timeout: 60_000 }); // the engine is ready: its import panel
          await page.waitForTimeout(1000);
          await page.screenshot({ path: `${out}/${name}.png` });
          const width = SIZES[size].width;
          const first = await page.evaluate(() => document.documentElement.scrollWidth);
          await page.evaluate(() => {
            for (const d of document.querySelectorAll('details')) d.open = true;
          });
          // Parts below the map skip their paint off screen (content-visibility); a full-page shot wants them.
          await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
          await page.waitForTimeout(300);
          const open = await page.evaluate(() => document.documentElement.scrollWidth);
          const wide = open > width ? await overflowing(page) : [];
          // A very tall page is taken in parts (one capture beyond ~8,000 px repeats the page's top).
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const parts = Math.ceil(height / PART);
          for (let i = 0; i < parts; i++) {
            const clip = { x: 0, y: i * PART, width, height: Math.min(PART, height - i * PART) };
            const file = parts === 1 ? `${name}-full.png` : `${name}-full-${i + 1}.png`;
            await page.screenshot({ path: `${out}/${file}`, fullPage: true, clip });
          }
          rows.push({ view, size, lang, width, first, open, wide });
        } catch (err) {
          failed = true;
          console.error(`[${name}] failed: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          await page.close();
        }
      }
    }
    await context.close();
  }
  await browser.close();
} finally {
  server.stop();
}

console.log(
  '\nscrollWidth (document.documentElement) per view and size: first screen / every <details> open',
);
console.log(
  `${'view'.padEnd(10)}${'size'.padEnd(9)}${'lang'.padEnd(6)}${'width'.padStart(6)}  first   open  ok`,
);
for (const r of rows) {
  const ok = r.first <= r.width && r.open <= r.width;
  if (!ok) failed = true;
  console.log(
    `${r.view.padEnd(10)}${r.size.padEnd(9)}${r.lang.padEnd(6)}${String(r.width).padStart(6)}` +
      `${String(r.first).padStart(7)}${String(r.open).padStart(7)}  ${ok ? 'yes' : 'NO'}` +
      (r.wide.length ? `  ${r.wide.join(', ')}` : ''),
  );
}
console.log(`\n${rows.length} pages in ${out}/`);
if (failed) process.exitCode = 1;
