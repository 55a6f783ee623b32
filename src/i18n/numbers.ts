/**
 * The languages and their number formats, without i18next or React, so that layers that only need to format
 * a number or name a language (problem texts in the read worker, the command line) do not pull them in.
 */

/** The languages the app speaks. */
export const LANGUAGES = ['en', 'sq'] as const;
/** One of {@link LANGUAGES}. */
export type Lang = (typeof LANGUAGES)[number];

/** The BCP 47 locale used for numbers in each language. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', sq: 'sq-AL' };

/** Narrows any string to a supported language, defaulting to English. */
export function toLang(value: string | null | undefined): Lang {
  return value === 'sq' ? 'sq' : 'en';
}

type Format = (value: number) => string;
const formatters = new Map<string, Format>();

/**
 * Albanian number format by the CLDR rules (decimal comma; no-break space between thousands from five
 * digits up), for browsers whose ICU data has no Albanian: Debian's Chromium, for one, formats "sq" as English.
 */
export function albanianFallback(digits: number): Format {
  const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: false });
  return (value) => {
    const [int = '', frac] = plain.format(value).split('.');
    const sign = int.startsWith('-') ? '-' : '';
    const abs = sign ? int.slice(1) : int;
    const grouped = abs.length >= 5 ? abs.replace(/\B(?=(\d{3})+$)/g, '\u00a0') : abs;
    return `${sign}${grouped}${frac === undefined ? '' : `,${frac}`}`;
  };
}

function makeFormat(lang: Lang, digits: number): Format {
  const locale = LOCALES[lang];
  if (lang === 'sq' && Intl.NumberFormat.supportedLocalesOf([locale]).length === 0)
    return albanianFallback(digits);
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  return (value) => f.format(value);
}

/**
 * Compares two names in Albanian alphabetical order (ç after c, ë after e, dh/gj/... where the browser knows
 * them); one collator for all, as `localeCompare(b, 'sq')` builds a new one on every call.
 */
export const compareNames: (a: string, b: string) => number = new Intl.Collator('sq').compare;

/** Formats a number for a language with at most `digits` decimals (formatters are cached). */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = makeFormat(lang, digits);
    formatters.set(key, f);
  }
  return f(value);
}
