/**
 * The data contract as data: for every table a user can bring, its columns (logical type, whether the header
 * and the values are required, accepted header aliases), its key and what it loads into. docs/data-contract.md
 * is the prose version; test/validate/contract.test.ts checks that the two name the same columns.
 */
import type { TableKind } from './problem-types';
import { LAT, LON, PLACE, PLACE_GROUP, YEAR, count, flag, text, type TableSpec } from './contract-columns';

export type { ColumnSpec, LogicalType, Role, TableSpec } from './contract-columns';

/** The contract, by table kind. */
export const CONTRACT: Readonly<Record<TableKind, TableSpec>> = {
  indicator_values: {
    kind: 'indicator_values',
    table: 'indicator_values',
    key: ['lau_code', 'year', 'indicator'],
    oneOf: PLACE_GROUP,
    columns: [
      ...PLACE,
      YEAR,
      text('indicator', 'indicator id from the catalog', {
        role: 'id',
        aliases: ['indicator_id', 'treguesi', 'tregues', 'data', 'dx', 'data_element', 'dataelement'],
      }),
      {
        name: 'value',
        type: 'number',
        required: true,
        aliases: ['vlera'],
        description: 'the value; empty = no data (for ratios it is filled from numerator/denominator)',
      },
      {
        name: 'numerator',
        type: 'number',
        required: false,
        aliases: ['num', 'numeruesi'],
        description: 'count the ratio is made of (required for ratio indicators)',
      },
      {
        name: 'denominator',
        type: 'number',
        required: false,
        aliases: ['den', 'denom', 'emeruesi'],
        description: 'population the ratio is taken of (required for ratio indicators)',
      },
    ],
  },
  catalog: {
    kind: 'catalog',
    table: 'catalog',
    key: ['id'],
    columns: [
      text('id', 'indicator id, [a-z0-9_]+', { role: 'id', aliases: ['indicator', 'indicator_id'] }),
      text('label_en', 'name in English'),
      text('label_sq', 'name in Albanian'),
      text('unit_en', 'unit in English', { notNull: false }),
      text('unit_sq', 'unit in Albanian', { notNull: false }),
      flag('higher_is_worse', 'true when a higher value means more risk'),
      {
        name: 'aggregation',
        type: 'enum',
        required: true,
        notNull: true,
        values: ['sum', 'ratio'],
        valueAliases: { count: 'sum', rate: 'ratio', share: 'ratio' },
        description: 'sum: a count, added up; ratio: numerator / denominator x scale',
      },
      {
        name: 'scale',
        type: 'number',
        required: true,
        notNull: true,
        min: Number.MIN_VALUE,
        description: '1 for counts, 100 for %, 1000 for per 1,000',
      },
      flag('sensitive', 'true when small counts must be suppressed'),
      text(
        'denominator',
        'for a ratio: the indicator id that is its denominator (weights rates given without counts)',
        { required: false, notNull: false, aliases: ['denominator_indicator', 'denominator_id'] },
      ),
      text('source_en', 'source in English', { required: false, notNull: false }),
      text('source_sq', 'source in Albanian', { required: false, notNull: false }),
      text('notes', 'free text', { required: false, notNull: false }),
    ],
  },
  facilities: {
    kind: 'facilities',
    table: 'facilities',
    key: ['id'],
    oneOf: PLACE_GROUP,
    columns: [
      text('id', 'unit identifier', { aliases: ['facility_id', 'unit_id'] }),
      ...PLACE,
      text('name', 'name of the unit', { aliases: ['facility_name', 'emri'] }),
      LON,
      LAT,
      { ...count('opened', 'year it opened'), role: 'event-year', aliases: ['year_opened', 'hapur'] },
      {
        ...count('closed', 'year it closed; empty while open'),
        role: 'event-year',
        required: false,
        notNull: false,
        aliases: ['year_closed', 'mbyllur'],
      },
      text('supporter', 'who funds it', { required: false, notNull: false, aliases: ['supported_by'] }),
      count('staff', 'staff members', { required: false, notNull: false, aliases: ['stafi'] }),
    ],
  },
  caseload: {
    kind: 'caseload',
    table: 'caseload',
    key: ['facility_id', 'year'],
    columns: [
      text('facility_id', 'id of a unit in facilities', { aliases: ['unit_id'] }),
      YEAR,
      count('children_assisted', 'children assisted in the year', {
        unit: 'children',
        aliases: ['children', 'assisted', 'femije_te_asistuar'],
      }),
    ],
  },
  schools: {
    kind: 'schools',
    table: 'schools',
    key: ['school_id', 'year', 'level'],
    oneOf: PLACE_GROUP,
    columns: [
      text('school_id', 'anonymised school identifier', { aliases: ['shkolla_id', 'school'] }),
      ...PLACE,
      { ...LON, required: false, notNull: false },
      { ...LAT, required: false, notNull: false },
      {
        name: 'level',
        type: 'enum',
        required: true,
        notNull: true,
        values: ['basic', 'upper_secondary'],
        valueAliases: {
          '9-vjecare': 'basic',
          bazik: 'basic',
          'upper secondary': 'upper_secondary',
          mesme: 'upper_secondary',
        },
        aliases: ['niveli'],
        description: 'basic (grades 1-9) or upper_secondary (10-12)',
      },
      YEAR,
      count('enrolled', 'pupils enrolled', { unit: 'pupils', aliases: ['te_regjistruar', 'pupils'] }),
      count('dropouts', 'pupils who dropped out', { unit: 'pupils', aliases: ['braktisje', 'dropout'] }),
    ],
  },
  cases: {
    kind: 'cases',
    table: 'cases',
    key: [],
    oneOf: PLACE_GROUP,
    columns: [
      YEAR,
      {
        name: 'month',
        type: 'integer',
        required: false,
        min: 1,
        max: 12,
        aliases: ['muaji'],
        description: 'month 1-12',
      },
      ...PLACE,
      {
        name: 'age_band',
        type: 'enum',
        required: false,
        values: ['0-5', '6-11', '12-14', '15-17'],
        aliases: ['age_group', 'grupmosha', 'mosha'],
        description: 'age of the child in years',
      },
      {
        name: 'sex',
        type: 'enum',
        required: false,
        values: ['F', 'M', 'X'],
        valueAliases: {
          female: 'F',
          femer: 'F',
          vajze: 'F',
          male: 'M',
          mashkull: 'M',
          djale: 'M',
          unknown: 'X',
        },
        aliases: ['gender', 'gjinia'],
        description: 'F, M, or X (other or not recorded)',
      },
      {
        name: 'case_type',
        type: 'enum',
        required: true,
        notNull: true,
        values: ['trafficking', 'abuse', 'violence', 'exploitation', 'neglect', 'other'],
        aliases: ['type', 'lloji', 'lloji_rastit'],
        description: 'what the case is about',
      },
      {
        name: 'referral_source',
        type: 'enum',
        required: false,
        values: ['school', 'police', 'health', 'social_services', 'ngo', 'family', 'other'],
        valueAliases: { 'social services': 'social_services' },
        aliases: ['referred_by', 'referuar_nga', 'burimi_referimit'],
        description: 'who referred the case',
      },
    ],
  },
  boundaries: {
    kind: 'boundaries',
    table: null,
    key: ['lau_code'],
    oneOf: PLACE_GROUP,
    columns: [
      ...PLACE,
      text('geometry', 'polygon or multipolygon, WGS84', {
        aliases: ['geom', 'the_geom', 'wkt'],
        nullCode: 'null-geometry',
      }),
    ],
  },
};
