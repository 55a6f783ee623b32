/** Entry: i18n, state, and the app. Heavy parts (DuckDB-WASM, MapLibre, deck.gl, recharts) load lazily. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_CATCHMENT } from './analysis/catchment';
import { DEFAULT_K } from './analysis/suppression';
import { bootEngine } from './engine/duckdb-boot';
import { initI18n, toLang, type Lang } from './i18n';
import { createStore, type AtlasState } from './state/store';
import { fromSearch } from './state/url';
import { App } from './ui/App';
import './index.css';

// First of all: DuckDB's worker starts downloading and compiling its 34 MB module while the first map draws.
bootEngine();

const fromUrl = fromSearch(location.search);
// A published site names its first language (`atlas publish --lang`): after the URL's, before the browser's.
const published = document.documentElement.dataset['atlasLang'];
const lang = fromUrl.lang ?? toLang(published ?? navigator.language.slice(0, 2));
const i18n = initI18n(lang);
document.documentElement.lang = lang;

// The catalog (and so the default indicator and year) arrives with the first data; until then these hold.
const defaults: AtlasState = {
  view: 'map',
  indicator: 'cp_cases_rate',
  year: 2025,
  selected: null,
  lang,
  k: DEFAULT_K,
  level: 'municipality',
  county: null,
  method: 'quantile',
  classes: 5,
  palette: '',
  manual: [],
  fixed: false,
  measure: 'rate',
  compare: 'none',
  year2: 2015,
  catchment: DEFAULT_CATCHMENT,
  own: false,
  hotspots: '',
  planner: '',
  cases: '',
};
const store = createStore({ ...defaults, ...fromUrl, lang });

// The language follows the state, whether a button, a link or the back button changed it.
store.subscribe(() => {
  const next = store.get().lang;
  if (i18n.language === next) return;
  void i18n.changeLanguage(next);
  document.documentElement.lang = next;
});

function setLang(next: Lang) {
  store.set({ lang: next });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} onLang={setLang} fromUrl={fromUrl} />
  </StrictMode>,
);
