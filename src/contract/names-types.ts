/** The shapes of municipality names the matcher reads (shared by the matcher and the bundled list). */

/** What the matcher needs to know about a municipality (the lookup CSV / boundary properties). */
export interface MunicipalityName {
  lau_code: string;
  name: string;
  name_ascii?: string | null;
  name_alt?: string | null;
  qark_code?: string | null;
  qark_name?: string | null;
}

/** A municipality with every attribute of the lookup (`name_alt` null when it has none). */
export type MunicipalityRecord = Required<MunicipalityName>;
