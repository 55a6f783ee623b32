/**
 * Every view is a link: the state is written into the query string, and a link (or the back button)
 * restores it. Parsing never trusts the URL: each value is checked and an invalid one is ignored.
 */
import { toLang } from '../i18n';
import { CLASS_METHODS, VIEWS, type AtlasState, type Store } from './store';

const MIN_CLASSES = 3;
const MAX_CLASSES = 9;

/** The query string of a state (all fields, so a link means the same even if defaults change). */
export function toSearch(s: AtlasState): string {
  const p = new URLSearchParams();
  p.set('view', s.view);
  p.set('lang', s.lang);
  p.set('indicator', s.indicator);
  p.set('year', String(s.year));
  p.set('level', s.level);
  if (s.county) p.set('county', s.county);
  if (s.selected) p.set('sel', s.selected);
  p.set('method', s.method);
  p.set('classes', String(s.classes));
  if (s.palette) p.set('palette', s.palette);
  if (s.method === 'manual' && s.manual.length > 0) p.set('breaks', s.manual.join(','));
  if (s.fixed) p.set('fixed', '1');
  if (s.measure !== 'rate') p.set('measure', s.measure);
  if (s.compare !== 'none') {
    p.set('compare', s.compare);
    p.set('year2', String(s.year2));
  }
  p.set('k', String(s.k));
  p.set('catchment', s.catchment);
  if (s.own) p.set('own', '1');
  if (s.hotspots) p.set('hot', s.hotspots);
  if (s.planner) p.set('plan', s.planner);
  if (s.cases) p.set('cases', s.cases);
  return `?${p.toString()}`;
}

function int(v: string | null, min: number, max: number): number | undefined {
  if (v === null || !/^-?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function oneOf<T extends string>(v: string | null, options: readonly T[]): T | undefined {
  return options.find((o) => o === v);
}

/** A catchment code: 'self', 'border', or a radius of 1 to 200 km such as '25km'. */
export function isCatchment(v: string | null): v is string {
  if (v === 'self' || v === 'border') return true;
  const m = /^(\d{1,3})km$/.exec(v ?? '');
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 200;
}

const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** The valid fields of a query string; anything missing or invalid is left out. */
export function fromSearch(search: string): Partial<AtlasState> {
  const p = new URLSearchParams(search);
  const out: Partial<AtlasState> = {};
  const view = oneOf(p.get('view'), VIEWS);
  if (view) out.view = view;
  if (p.has('lang')) out.lang = toLang(p.get('lang'));
  const indicator = p.get('indicator');
  if (indicator && CODE.test(indicator)) out.indicator = indicator;
  const year = int(p.get('year'), 1900, 2100);
  if (year !== undefined) out.year = year;
  const level = oneOf(p.get('level'), ['municipality', 'county'] as const);
  if (level) out.level = level;
  const county = p.get('county');
  out.county = county && CODE.test(county) ? county : null;
  const sel = p.get('sel');
  out.selected = sel && CODE.test(sel) ? sel : null;
  const method = oneOf(p.get('method'), CLASS_METHODS);
  if (method) out.method = method;
  const classes = int(p.get('classes'), MIN_CLASSES, MAX_CLASSES);
  if (classes !== undefined) out.classes = classes;
  const palette = p.get('palette');
  out.palette = palette && CODE.test(palette) ? palette : '';
  const breaks = (p.get('breaks') ?? '').split(',').filter((b) => b !== '');
  const nums = breaks.map(Number);
  out.manual =
    nums.length > 0 && nums.every(Number.isFinite) && nums.every((n, i) => i === 0 || n > nums[i - 1]!)
      ? nums
      : [];
  out.fixed = p.get('fixed') === '1';
  out.measure = oneOf(p.get('measure'), ['count', 'smoothed'] as const) ?? 'rate';
  out.compare = oneOf(p.get('compare'), ['side', 'change'] as const) ?? 'none';
  const year2 = int(p.get('year2'), 1900, 2100);
  if (year2 !== undefined) out.year2 = year2;
  const k = int(p.get('k'), 3, 20);
  if (k !== undefined) out.k = k;
  const catchment = p.get('catchment');
  if (isCatchment(catchment)) out.catchment = catchment;
  out.own = p.get('own') === '1';
  out.hotspots = p.get('hot') ?? '';
  out.planner = p.get('plan') ?? '';
  out.cases = p.get('cases') ?? '';
  return out;
}

/** Changes closer together than this (a slider drag, playback) replace the history entry, not add one. */
const COALESCE_MS = 600;

/**
 * Mirrors the store into the address bar and back: a change pushes a history entry (or replaces it when
 * changes come in quick succession), and the back button restores the state it left.
 */
export function bindUrl(store: Store, win: Window = window): () => void {
  let lastPush = 0;
  let applying = false;
  const onChange = () => {
    if (applying) return;
    const search = toSearch(store.get());
    if (search === win.location.search) return;
    const now = Date.now();
    const url = `${win.location.pathname}${search}${win.location.hash}`;
    if (now - lastPush < COALESCE_MS) win.history.replaceState(null, '', url);
    else win.history.pushState(null, '', url);
    lastPush = now;
  };
  const onPop = () => {
    applying = true;
    try {
      store.set(fromSearch(win.location.search));
    } finally {
      applying = false;
    }
  };
  const unsubscribe = store.subscribe(onChange);
  win.addEventListener('popstate', onPop);
  win.history.replaceState(null, '', `${win.location.pathname}${toSearch(store.get())}${win.location.hash}`);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
