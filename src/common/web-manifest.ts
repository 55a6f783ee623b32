/**
 * The web app manifest (manifest.webmanifest), built by vite.config.ts for the default build and callable by
 * `atlas publish` for a site in another language or under another title. Names come from the i18n catalogs.
 *
 * A manifest has one `name`: it is in the site's language (`lang`), and the other language is given in the
 * W3C manifest's localized members (`name_localized`, `short_name_localized`, `description_localized`;
 * https://w3c.github.io/manifest/#localized-members, MDN "Localize an app manifest"). These, not a
 * `translations` member, are what the specification has and what Chromium is implementing (blink-dev intent
 * "Web app manifest localization", issue 380491647); a browser that does not know a member ignores it, so
 * until they ship an Albanian user installs the default build under its English name. Naming both
 * languages in one `name` would put a 45-character name under the icon of every install; `atlas publish
 * --lang sq` can write an Albanian-first manifest with `webManifest('sq')`.
 *
 * Every URL is relative (start_url, scope, icons resolve against the manifest's own URL), so a site works
 * from a sub-folder of its host. Colours are the app's: --color-accent and --color-bg in src/index.css.
 */
import en from '../i18n/en.json' with { type: 'json' };
import pwaEn from '../i18n/pwa.en.json' with { type: 'json' };
import pwaSq from '../i18n/pwa.sq.json' with { type: 'json' };
import sq from '../i18n/sq.json' with { type: 'json' };

/** --color-accent: the installed app's title bar (also `<meta name="theme-color">` in index.html). */
export const THEME_COLOR = '#0b5cad';
/** --color-bg: the splash screen behind the icon while the app starts. */
export const BACKGROUND_COLOR = '#f3f5f7';

/** The icons of public/icons (drawn by scripts/build-icons.ts). */
export const MANIFEST_ICONS = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

type ManifestLang = 'en' | 'sq';

const TEXTS = {
  en: { name: en.app.title, short: pwaEn.pwa.shortName, description: en.app.subtitle },
  sq: { name: sq.app.title, short: pwaSq.pwa.shortName, description: sq.app.subtitle },
} as const;

/** The manifest's members, `lang` first; `title` (a published site's) replaces the name in both languages. */
export function webManifest(lang: ManifestLang = 'en', title?: string) {
  const other: ManifestLang = lang === 'en' ? 'sq' : 'en';
  const text = TEXTS[lang];
  const alt = TEXTS[other];
  return {
    name: title ?? text.name,
    short_name: title && title.length <= 12 ? title : text.short,
    description: text.description,
    lang,
    dir: 'ltr' as const,
    start_url: '.',
    scope: '.',
    display: 'standalone' as const,
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: MANIFEST_ICONS,
    name_localized: { [other]: title ?? alt.name },
    short_name_localized: { [other]: title && title.length <= 12 ? title : alt.short },
    description_localized: { [other]: alt.description },
  };
}
