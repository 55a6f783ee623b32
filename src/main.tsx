/** Entry: i18n, state, and the app. Heavy parts (DuckDB-WASM, MapLibre, deck.gl, recharts) load lazily. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_K } from './analysis/suppression';
import { initI18n, toLang, type Lang } from './i18n';
import { createStore } from './state/store';
import { App } from './ui/App';
import './index.css';

const params = new URLSearchParams(location.search);
const lang = toLang(params.get('lang') ?? navigator.language.slice(0, 2));
const i18n = initI18n(lang);
document.documentElement.lang = lang;

// The catalog (and so the default indicator and year) arrives with the first data; until then these hold.
const store = createStore({ indicator: 'cp_cases_rate', year: 2025, selected: null, lang, k: DEFAULT_K });

function setLang(next: Lang) {
  void i18n.changeLanguage(next);
  document.documentElement.lang = next;
  store.set({ lang: next });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} onLang={setLang} />
  </StrictMode>,
);
