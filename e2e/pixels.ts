/** Reads pixels from a screenshot, and what colour the legend says a municipality should have. */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { screenPoint } from './probes';

/** "rgb(r, g, b)" of each page point, read from one full-page screenshot. */
export async function pixelsAt(page: Page, points: [number, number][]): Promise<string[]> {
  const png = PNG.sync.read(await page.screenshot());
  const scale = png.width / page.viewportSize()!.width;
  return points.map(([x, y]) => {
    const i = (Math.round(y * scale) * png.width + Math.round(x * scale)) * 4;
    return `rgb(${png.data[i]}, ${png.data[i + 1]}, ${png.data[i + 2]})`;
  });
}

/** Screen points of municipalities on the map. */
export async function probePoints(page: Page, laus: string[]): Promise<[number, number][]> {
  // The map may start below the fold once options are open: bring it into view first.
  await page
    .locator('.map')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
  const box = await page.locator('.map').first().boundingBox();
  if (!box) throw new Error('map not laid out');
  return laus.map((lau) => screenPoint(lau, box));
}

/**
 * The colour the legend gives a municipality: its value is read from the table (data-value), and the class
 * is the last legend row whose lower bound is at most the value; "<k" cells take the suppressed row.
 */
export async function legendColours(page: Page, laus: string[]): Promise<string[]> {
  return page.evaluate((codes) => {
    const rows = [...document.querySelectorAll<HTMLElement>('.legend li[data-from]')];
    return codes.map((lau) => {
      const cell = document.querySelector<HTMLElement>(`.values-table tr[data-lau="${lau}"] td[data-value]`);
      const raw = cell?.dataset.value ?? '';
      if (raw === '') {
        const kind = cell?.textContent?.startsWith('<') ? 'suppressed' : 'no-data';
        return (
          document.querySelector<HTMLElement>(`.legend li[data-kind="${kind}"]`)?.dataset.color ?? 'none'
        );
      }
      const v = Number(raw);
      const row = rows.filter((r) => Number(r.dataset.from) <= v).pop();
      return row?.dataset.color ?? 'none';
    });
  }, laus);
}
