/**
 * The installed app's identity: the committed icons (public/icons) are exactly what scripts/build-icons.ts
 * draws, at the sizes the manifest states, the maskable one opaque to its edges; the manifest's URLs are
 * relative (a published site may live in a sub-folder), its names come from the catalogs in both languages
 * and its colours are the app's CSS tokens.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICONS } from '../scripts/build-icons';
import { BACKGROUND_COLOR, MANIFEST_ICONS, THEME_COLOR, webManifest } from '../src/common/web-manifest';
import { CATALOGS } from '../src/i18n/catalogs';

const css = readFileSync('src/index.css', 'utf8');
const token = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`).exec(css)?.[1];

describe('icons', () => {
  for (const spec of ICONS) {
    it(`public/icons/${spec.file} is what the script draws`, () => {
      const png = PNG.sync.read(readFileSync(`public/icons/${spec.file}`));
      expect([png.width, png.height]).toEqual([spec.size, spec.size]);
      expect(Buffer.from(drawIcon(spec.size, spec.maskable)).equals(png.data)).toBe(true);
      if (spec.maskable) {
        // Full bleed: every pixel opaque (the platform's mask cuts the shape).
        expect(png.data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
      }
      // Drawing a 512 px icon pixel by pixel takes seconds on a loaded machine.
    }, 30_000);
  }

  it('the manifest lists each icon with its size and purpose', () => {
    expect(MANIFEST_ICONS.map((i) => [i.src, i.sizes, i.purpose])).toEqual(
      ICONS.map((s) => [`icons/${s.file}`, `${s.size}x${s.size}`, s.maskable ? 'maskable' : 'any']),
    );
  });
});

describe('web manifest', () => {
  it('is relative, standalone, in the app’s colours, with both languages’ names', () => {
    const m = webManifest('en');
    expect([m.start_url, m.scope, m.display, m.lang]).toEqual(['.', '.', 'standalone', 'en']);
    expect(m.icons.every((i) => !i.src.startsWith('/') && !/^\w+:/.test(i.src))).toBe(true);
    expect(THEME_COLOR).toBe(token('color-accent'));
    expect(BACKGROUND_COLOR).toBe(token('color-bg'));
    const app = (lang: 'en' | 'sq') => CATALOGS[lang].app as { title: string };
    const pwa = (lang: 'en' | 'sq') => CATALOGS[lang].pwa as { shortName: string };
    expect(m.name).toBe(app('en').title);
    expect(m.short_name).toBe(pwa('en').shortName);
    expect(m.name_localized).toEqual({ sq: 'Atlasi i Rrjetit të Sigurisë' });
    expect(m.short_name_localized).toEqual({ sq: pwa('sq').shortName });
    const sq = webManifest('sq');
    expect([sq.lang, sq.name, sq.name_localized]).toEqual(['sq', app('sq').title, { en: app('en').title }]);
    for (const short of [m.short_name, sq.short_name]) expect(short.length).toBeLessThanOrEqual(12);
  });

  it('a published site’s title names it in both languages', () => {
    const m = webManifest('sq', 'Atlasi i Tiranës');
    expect([m.name, m.name_localized.en, m.short_name]).toEqual([
      'Atlasi i Tiranës',
      'Atlasi i Tiranës',
      'Atlasi',
    ]);
  });
});
