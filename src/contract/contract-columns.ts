/**
 * The vocabulary of the data contract (column and table specs) and the columns several tables share: the
 * place columns, the year, coordinates, and shorthands for text, counts and flags.
 */
import type { ProblemCode, TableKind } from './problem-types';
import type { TableName } from '../engine/tables';

/** The logical type a cell is read as (CSV cells are text; Parquet columns may already be typed). */
export type LogicalType = 'text' | 'integer' | 'number' | 'boolean' | 'enum';

/** What a value means beyond its type: drives the checks run on the column. */
export type Role =
  | 'place' // a LAU code or a municipality name, resolved with the name matcher
  | 'year' // a data year: must lie in the accepted range, warned outside the catalog's years
  | 'event-year' // a year something happened (a unit opened): plausible range only
  | 'count' // a number of children, cases, pupils: never negative
  | 'lon'
  | 'lat'
  | 'id'; // an identifier made of [a-z0-9_] (indicator ids)

/** One column of the contract. `name` is an SQL identifier ([a-z_]+): the only column names SQL ever sees. */
export interface ColumnSpec {
  name: string;
  type: LogicalType;
  /** The header must be present (for place columns: one of the table's `oneOf` group is enough). */
  required: boolean;
  /** Every row needs a value (keys always do). */
  notNull?: boolean;
  /** The code of an empty required cell, when not null-key (key) or invalid-value (other columns). */
  nullCode?: ProblemCode;
  role?: Role;
  /** Enum values (canonical spelling) and other spellings accepted for them, lower case. */
  values?: readonly string[];
  valueAliases?: Readonly<Record<string, string>>;
  /** Inclusive bounds for a number (months 1..12). */
  min?: number;
  max?: number;
  /** Header spellings accepted besides `name`, already normalised (see normaliseHeader). */
  aliases?: readonly string[];
  unit?: string;
  description: string;
}

/** One table of the contract. */
export interface TableSpec {
  kind: TableKind;
  columns: readonly ColumnSpec[];
  /** Columns that identify a row (checked for nulls and duplicates); empty when rows are records. */
  key: readonly string[];
  /** Groups of which at least one column must be present (a code column or a name column). */
  oneOf?: readonly (readonly string[])[];
  /** The live table it is committed into, or null when it is not a DuckDB table (boundaries). */
  table: TableName | null;
}

/** The place columns: a LAU code, or a municipality name instead. */
export const PLACE: ColumnSpec[] = [
  {
    name: 'lau_code',
    type: 'text',
    required: false,
    role: 'place',
    aliases: ['lau', 'lau_id', 'laucode', 'municipality_code', 'kodi_bashkise', 'kodi_lau'],
    description: 'Eurostat LAU code of the municipality, AL111..AL357 (any case)',
  },
  {
    name: 'municipality',
    type: 'text',
    required: false,
    role: 'place',
    aliases: [
      'municipality_name',
      'bashkia',
      'bashki',
      'emri_bashkise',
      'emri_i_bashkise',
      // DHIS2 exports
      'organisation_unit',
      'organization_unit',
      'org_unit',
      'orgunit',
      'ou',
      'organisationunit',
    ],
    description:
      'municipality name, instead of lau_code (matched with diacritics, definite forms, old names)',
  },
];
/** At least one place column is required. */
export const PLACE_GROUP = [['lau_code', 'municipality']] as const;
/** The calendar year of a figure. */
export const YEAR: ColumnSpec = {
  name: 'year',
  type: 'integer',
  required: true,
  notNull: true,
  role: 'year',
  aliases: ['viti', 'vit', 'yr', 'period', 'pe', 'periudha'],
  description: 'calendar year',
};
/** Longitude, WGS84. */
export const LON: ColumnSpec = {
  name: 'lon',
  type: 'number',
  required: true,
  notNull: true,
  role: 'lon',
  aliases: ['lng', 'long', 'longitude', 'x'],
  unit: 'degrees east, WGS84',
  description: 'longitude',
};
/** Latitude, WGS84. */
export const LAT: ColumnSpec = {
  name: 'lat',
  type: 'number',
  required: true,
  notNull: true,
  role: 'lat',
  aliases: ['latitude', 'y'],
  unit: 'degrees north, WGS84',
  description: 'latitude',
};
/** A required text column (override with `more`). */
export const text = (name: string, description: string, more: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type: 'text',
  required: true,
  notNull: true,
  description,
  ...more,
});
/** A required count: a whole number, never negative. */
export const count = (name: string, description: string, more: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type: 'integer',
  required: true,
  notNull: true,
  role: 'count',
  description,
  ...more,
});
/** A required true/false column. */
export const flag = (name: string, description: string): ColumnSpec => ({
  name,
  type: 'boolean',
  required: true,
  notNull: true,
  description,
});
