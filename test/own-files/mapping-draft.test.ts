/** The column-mapping panel's rules without a browser: what the Atlas recognises, signatures, the mapping. */
import { describe, expect, it } from 'vitest';
import { headerSignature, recognisedRoles } from '../../src/contract/mapping-roles';
import { parseMapping } from '../../src/contract/mapping';
import { indicatorNames } from '../../src/contract/wide';
import {
  AUTO,
  NEW_INDICATOR,
  buildMapping,
  draftOf,
  effectiveRoles,
  formErrors,
  idFrom,
  indicatorOfForm,
  inputWith,
  mappingJson,
  needsIndicator,
  sameInput,
  type IndicatorForm,
  type MappingDraft,
} from '../../src/ui/import/mapping-draft';

const catalog = [
  { id: 'dv_reports', label: { en: 'Domestic-violence reports', sq: 'Denoncime për dhunë në familje' } },
  { id: 'street_children', label: { en: 'Children in street situations', sq: 'Fëmijë në situatë rruge' } },
];
const names = indicatorNames(catalog);
const empty: MappingDraft = { roles: {}, indicator: AUTO, names: {}, defined: [] };

describe('recognisedRoles', () => {
  it('reads years as columns, the place and what it does not know', () => {
    const r = recognisedRoles(['Bashkia', 'Qarku', '2020', 'Viti 2021'], names);
    expect(r.roles).toEqual(['municipality', null, 'years', 'years']);
    expect(r.indicator).toBeNull();
  });

  it('reads a long table by names and aliases, and indicators as columns by label', () => {
    expect(recognisedRoles(['LAU code', 'Viti', 'Treguesi', 'Vlera', 'num'], names).roles).toEqual([
      'lau_code',
      'year',
      'indicator',
      'value',
      'numerator',
    ]);
    expect(recognisedRoles(['Bashkia', 'Viti', 'Fëmijë në situatë rruge'], names).roles).toEqual([
      'municipality',
      'year',
      'indicators',
    ]);
  });

  it('takes the indicator of a years table from a title', () => {
    const r = recognisedRoles(['Bashkia', '2020', '2021'], names, ['Denoncime për dhunë në familje']);
    expect(r.indicator).toBe('dv_reports');
  });
});

describe('headerSignature', () => {
  it('ignores case, accents, spacing and trailing empty cells, not order or content', () => {
    const a = headerSignature(['Bashkia', 'Viti 2021', '2022']);
    expect(headerSignature([' BASHKIA ', 'viti_2021', '2022', ''])).toBe(a);
    expect(headerSignature(['Bashkïa', 'Viti-2021', '2022'])).toBe(a);
    expect(headerSignature(['Viti 2021', 'Bashkia', '2022'])).not.toBe(a);
    expect(headerSignature(['Bashkia', 'Viti 2021', '2023'])).not.toBe(a);
    expect(a).toMatch(/^h3-[0-9a-f]{8}$/);
  });
});

describe('buildMapping', () => {
  const columns = ['Bashkia', 'Qarku', '2020', '2021'];
  const rec = recognisedRoles(columns, names).roles;

  it('is empty when nothing was chosen, and names the indicator of a years table', () => {
    expect(buildMapping(columns, rec, empty)).toEqual({});
    expect(needsIndicator(effectiveRoles(columns, rec, empty))).toBe(true);
    const m = buildMapping(columns, rec, { ...empty, indicator: 'dv_reports' }, 2);
    expect(m).toEqual({ sheet: 2, indicator: 'dv_reports' });
    expect(parseMapping(JSON.parse(mappingJson(m)))).toEqual({ mapping: m });
  });

  it('writes every role once one is changed, so the shape is not guessed from the rest', () => {
    const draft = { ...empty, roles: { Qarku: 'ignore' as const }, headerRow: 3 };
    expect(buildMapping(columns, rec, draft)).toEqual({
      headerRow: 3,
      columns: { Bashkia: 'municipality', Qarku: 'ignore', '2020': 'years', '2021': 'years' },
    });
    // Back to automatic: nothing changed.
    expect(buildMapping(columns, rec, { ...empty, roles: { Qarku: AUTO } })).toEqual({});
  });

  it('maps the names the catalog does not know, and leaves out those not mapped', () => {
    const draft = {
      ...empty,
      names: { 'Fëmijë që punojnë': 'child_labour', Tjetër: AUTO, X: NEW_INDICATOR },
    };
    const long = ['Bashkia', 'Viti', 'Treguesi', 'Vlera'];
    const m = buildMapping(long, recognisedRoles(long, names).roles, draft);
    expect(m).toEqual({ indicators: { 'Fëmijë që punojnë': 'child_labour' } });
    expect(needsIndicator(effectiveRoles(long, recognisedRoles(long, names).roles, draft))).toBe(false);
  });
});

describe('the input checked', () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const meta = indicatorOfForm(
    {
      id: 'child_labour',
      labelEn: ' Child labour ',
      labelSq: 'Punë e fëmijëve',
      unitEn: 'children',
      unitSq: 'fëmijë',
      aggregation: 'sum',
      scale: 100,
      higherIsWorse: true,
      sensitive: true,
      show: true,
    },
    { en: 'Defined in the app', sq: 'Përcaktuar në aplikacion' },
  );

  it('carries the sheet, header row and the defined indicators the mapping uses', () => {
    const unused = { ...meta, id: 'other' };
    const input = inputWith(
      { name: 'a.xlsx', bytes },
      { sheet: 2, headerRow: 4, indicator: 'child_labour' },
      [meta, unused],
    );
    expect(input).toEqual({
      name: 'a.xlsx',
      bytes,
      sheet: 2,
      headerRow: 4,
      mapping: { sheet: 2, headerRow: 4, indicator: 'child_labour' },
      indicators: [meta],
    });
    expect(meta.label.en).toBe('Child labour');
    expect(meta.scale).toBe(1); // a count has no scale
    expect(inputWith({ name: 'a.csv', bytes }, {}, [meta])).toEqual({ name: 'a.csv', bytes });
    expect(sameInput(input, { ...input, bytes: new Uint8Array() })).toBe(true);
    expect(sameInput(input, { name: 'a.xlsx', bytes })).toBe(false);
    expect(draftOf(input)).toEqual({
      headerRow: 4,
      roles: {},
      indicator: 'child_labour',
      names: {},
      defined: [meta],
    });
  });

  it('checks the new-indicator form', () => {
    const form: IndicatorForm = {
      id: 'Child labour',
      labelEn: 'Child labour',
      labelSq: '',
      unitEn: '',
      unitSq: '',
      aggregation: 'ratio',
      scale: 100,
      higherIsWorse: true,
      sensitive: false,
      show: false,
    };
    expect(formErrors(form, new Set())).toEqual({ id: 'idFormat', label: 'labelMissing' });
    expect(formErrors({ ...form, id: 'dv_reports', labelSq: 'x' }, new Set(['dv_reports']))).toEqual({
      id: 'idTaken',
    });
    expect(formErrors({ ...form, id: idFrom('Fëmijë që punojnë'), labelSq: 'x' }, new Set())).toEqual({});
    expect(idFrom('Fëmijë që punojnë (%)')).toBe('femije_qe_punojne');
  });
});
