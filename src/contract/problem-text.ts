/**
 * The words of every problem, in English and Albanian, from one source: the problem catalogs
 * (src/i18n/problems.en.json, problems.sq.json). Problem creators build messages with {@link msg}
 * (a catalog key and the variable parts) and {@link problemTexts} turns them into the Problem's English
 * `found`, `expected` and `fix` plus the messages themselves, which the app and the CLI render in the
 * reader's language with {@link renderMsg}. Runs the same in the read worker, the app and Node.
 */
import i18next, { type i18n } from 'i18next';
import { formatNumber, type Lang } from '../i18n/numbers';
import problemsEn from '../i18n/problems.en.json';
import problemsSq from '../i18n/problems.sq.json';
import type { Msg, MsgParam, ProblemCode, ProblemText } from './problem-types';

/** "a.b.c" for every text of a catalog object (plural forms `x_one`, `x_other` are the key `x`). */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the problem catalogs: a misspelt key does not compile. */
export type MsgKey = Leaves<typeof problemsEn>;

/** A message: a catalog key and the parts that vary (values from the file, numbers, other messages). */
export function msg(key: MsgKey, params?: Record<string, MsgParam>): Msg {
  return params ? { key, params } : { key };
}

/** A value from the file as found: shown as it is, cut to `max` characters (default 60); null is "(empty)". */
export function valueMsg(value: string | null, max: number | null = 60): Msg {
  if (value === null) return msg('problems.common.empty');
  const m = msg('problems.common.value', { value });
  return max === null ? m : { ...m, max };
}

/** A key built from data the code controls (a column spec, a code): typed as a key, checked by the tests. */
export function dynamicKey(key: string): MsgKey {
  return key as MsgKey;
}

let instance: i18n | null = null;

function translator(): i18n {
  if (instance) return instance;
  const i = i18next.createInstance();
  void i.init({
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: problemsEn }, sq: { translation: problemsSq } },
    // Rendered as text only (React text nodes, the CLI's inert()); values are never parsed as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // {{n, num}}: "3,456" in English (as the texts always had it), "3 456" in Albanian.
  i.services.formatter?.add('num', (value: unknown, lng: string | undefined) =>
    typeof value === 'number'
      ? lng === 'sq'
        ? formatNumber(value, 'sq', 3)
        : value.toLocaleString('en-US')
      : String(value),
  );
  instance = i;
  return i;
}

/** Cuts a rendered text to `max` characters, the last being "…". */
function cut(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function renderParam(v: MsgParam, lang: Lang): string | number {
  if (typeof v !== 'object') return v;
  if (isList(v)) return v.map((x) => renderParam(x, lang)).join(', ');
  return renderMsg(v, lang);
}

function isList(v: MsgParam): v is readonly MsgParam[] {
  return Array.isArray(v);
}

/** A message in a language. Params that are messages are rendered first; numbers stay numbers ({{n, num}}). */
export function renderMsg(m: Msg, lang: Lang): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) values[k] = renderParam(v, lang);
  return cut(String(translator().t(m.key, { ...values, lng: lang })), m.max);
}

/** "a or b or c" in the language (one item: the item itself). */
export function orList(items: readonly MsgParam[]): MsgParam {
  return items.length === 0 ? '' : items.reduce((a, b) => msg('problems.common.or', { a, b }));
}

/** The short title of a problem code ("Unknown municipality"). */
export function problemTitle(code: ProblemCode, lang: Lang): string {
  return renderMsg({ key: `problems.${code}.title` }, lang);
}

/** The Problem fields for its three messages: English texts, and the messages to render in any language. */
export function problemTexts(text: ProblemText): {
  found: string;
  expected: string;
  fix: string;
  text: ProblemText;
} {
  return {
    found: renderMsg(text.found, 'en'),
    expected: renderMsg(text.expected, 'en'),
    fix: renderMsg(text.fix, 'en'),
    text,
  };
}

/** A problem's found, expected and fix in a language (its English fields when it carries no messages). */
export function localProblem(
  p: { found: string; expected: string; fix: string; text?: ProblemText },
  lang: Lang,
): { found: string; expected: string; fix: string } {
  if (!p.text || lang === 'en') return { found: p.found, expected: p.expected, fix: p.fix };
  return {
    found: renderMsg(p.text.found, lang),
    expected: renderMsg(p.text.expected, lang),
    fix: renderMsg(p.text.fix, lang),
  };
}
