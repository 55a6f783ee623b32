/**
 * The column-mapping panel's choices (a draft) and the mapping they make: pure functions, so the panel's
 * parts only render and the rules are tested without a browser.
 */
import type { ColumnMapping, ColumnRole } from '../../contract/mapping';
import type { IndicatorMeta } from '../../engine/schema';
import type { CheckInput } from '../../import/session';

/** A select's value for "let the Atlas read it" (no entry in the mapping). */
export const AUTO = '';
/** A select's value for "define a new indicator" (ids are [a-z0-9_], so it is never one). */
export const NEW_INDICATOR = ':new';

/** What the user chose in the panel. */
export interface MappingDraft {
  /** The 1-based header row, when the user set one. */
  headerRow?: number;
  /** Roles the user chose, by header; AUTO = as the Atlas reads it. */
  roles: Record<string, ColumnRole | typeof AUTO>;
  /** The indicator of a table with years as columns (AUTO = not chosen). */
  indicator: string;
  /** Names the file uses for indicators -> catalog ids (AUTO = not mapped). */
  names: Record<string, string>;
  /** Indicators defined in the panel. */
  defined: IndicatorMeta[];
}

/** The draft a file starts from: its mapping as last checked, else nothing chosen. */
export function draftOf(file: CheckInput): MappingDraft {
  const m = file.mapping ?? {};
  const headerRow = file.headerRow ?? m.headerRow;
  return {
    ...(headerRow !== undefined ? { headerRow } : {}),
    roles: { ...(m.columns ?? {}) },
    indicator: m.indicator ?? AUTO,
    names: { ...(m.indicators ?? {}) },
    defined: [...(file.indicators ?? [])],
  };
}

/** Each column's role as the panel shows it: the user's choice, else what the Atlas recognised. */
export function effectiveRoles(
  columns: readonly string[],
  recognised: readonly (ColumnRole | null)[],
  draft: MappingDraft,
): (ColumnRole | typeof AUTO)[] {
  return columns.map((h, i) => {
    const own = Object.hasOwn(draft.roles, h) ? draft.roles[h] : undefined;
    return own !== undefined && own !== AUTO ? own : (recognised[i] ?? AUTO);
  });
}

/** True when the roles make a table with years as columns and no indicator column. */
export function needsIndicator(roles: readonly (ColumnRole | typeof AUTO)[]): boolean {
  return roles.includes('years') && !roles.includes('indicator');
}

/**
 * The mapping the draft makes. Column roles are written only when the user changed one, and then all of
 * them: a role given for one column stops the Atlas guessing the shape from the others (years as columns).
 */
export function buildMapping(
  columns: readonly string[],
  recognised: readonly (ColumnRole | null)[],
  draft: MappingDraft,
  sheet?: string | number,
): ColumnMapping {
  const roles = effectiveRoles(columns, recognised, draft);
  const changed = roles.some((r, i) => r !== (recognised[i] ?? AUTO));
  const m: ColumnMapping = {};
  if (sheet !== undefined) m.sheet = sheet;
  if (draft.headerRow !== undefined) m.headerRow = draft.headerRow;
  if (changed) {
    const cols: Record<string, ColumnRole> = {};
    columns.forEach((h, i) => {
      const r = roles[i]!;
      if (r !== AUTO && h !== '') cols[h] = r;
    });
    m.columns = cols;
  }
  if (needsIndicator(roles) && draft.indicator !== AUTO) m.indicator = draft.indicator;
  const names = Object.entries(draft.names).filter(([, id]) => id !== AUTO && id !== NEW_INDICATOR);
  if (names.length > 0) m.indicators = Object.fromEntries(names);
  return m;
}

/** The file to check with the mapping: sheet and header row from it, and the defined indicators it uses. */
export function inputWith(file: CheckInput, mapping: ColumnMapping, defined: readonly IndicatorMeta[]) {
  const used = new Set([mapping.indicator, ...Object.values(mapping.indicators ?? {})]);
  const indicators = defined.filter((d) => used.has(d.id));
  const input: CheckInput = { name: file.name, bytes: file.bytes };
  if (mapping.sheet !== undefined) input.sheet = mapping.sheet;
  if (mapping.headerRow !== undefined) input.headerRow = mapping.headerRow;
  if (Object.keys(mapping).length > 0) input.mapping = mapping;
  if (indicators.length > 0) input.indicators = indicators;
  return input;
}

/** True when two inputs would be read and checked alike (the panel's "changed since the preview"). */
export function sameInput(a: CheckInput, b: CheckInput): boolean {
  const key = (f: CheckInput) =>
    JSON.stringify([f.sheet ?? null, f.headerRow ?? null, f.mapping ?? {}, f.indicators ?? []]);
  return key(a) === key(b);
}

/** The mapping as the JSON file `--mapping` and parseMapping read. */
export function mappingJson(mapping: ColumnMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

/** An id for a new indicator from a name: "Fëmijë që punojnë" -> "femije_qe_punojne". */
export function idFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

/** The fields of the new-indicator form. */
export interface IndicatorForm {
  id: string;
  labelEn: string;
  labelSq: string;
  unitEn: string;
  unitSq: string;
  aggregation: 'sum' | 'ratio';
  scale: 1 | 100 | 1000;
  higherIsWorse: boolean;
  sensitive: boolean;
  show: boolean;
}

/** What is wrong with the form (i18n keys under mapping.new), none when it can be added. */
export function formErrors(form: IndicatorForm, taken: ReadonlySet<string>): { id?: string; label?: string } {
  const errors: { id?: string; label?: string } = {};
  if (!/^[a-z0-9_]+$/.test(form.id)) errors.id = 'idFormat';
  else if (taken.has(form.id)) errors.id = 'idTaken';
  if (form.labelEn.trim() === '' || form.labelSq.trim() === '') errors.label = 'labelMissing';
  return errors;
}

/** The catalog entry the form defines; `source` says where it comes from in both languages. */
export function indicatorOfForm(form: IndicatorForm, source: { en: string; sq: string }): IndicatorMeta {
  return {
    id: form.id,
    label: { en: form.labelEn.trim(), sq: form.labelSq.trim() },
    unit: { en: form.unitEn.trim(), sq: form.unitSq.trim() },
    higherIsWorse: form.higherIsWorse,
    aggregation: form.aggregation,
    scale: form.aggregation === 'sum' ? 1 : form.scale,
    sensitive: form.sensitive,
    source,
  };
}
