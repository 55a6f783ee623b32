/**
 * i18next with the English and Albanian catalogs bundled (they are small, and the app must work offline).
 * Every user-facing string goes through these catalogs; number formats follow the language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS } from './catalogs';
import type { Lang } from './numbers';

export {
  LANGUAGES,
  LOCALES,
  albanianFallback,
  compareNames,
  formatNumber,
  toLang,
  type Lang,
} from './numbers';

/** Initialises i18next once; `lang` is the starting language. */
export function initI18n(lang: Lang): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: CATALOGS.en }, sq: { translation: CATALOGS.sq } },
    interpolation: { escapeValue: false }, // React escapes; labels from data render as text, never HTML.
    initAsync: false,
  });
  return i18next;
}
