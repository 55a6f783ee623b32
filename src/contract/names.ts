/**
 * Municipality name matching for user files: "Durres", "DURRËS", "Durrësi", "al121" all mean AL121, old names
 * ("Ura Vajgurore" -> Dimal) still work, county names written as counties ("Qarku Dibër") are told apart from
 * the municipality of the same name, and typos get ranked suggestions instead of a silent guess: a row put in
 * the wrong municipality is worse than a row the user has to fix. Pure and browser-safe.
 */
import { ALBANIA_MUNICIPALITIES } from './names-albania';
import {
  COUNTY_WORDS,
  LAU,
  MUNI_WORDS,
  NUTS3,
  QARK_ISO,
  digitsApart,
  splitPlaces,
  stripMarkers,
} from './names-markers';
import { foldWords, formKeys, nameKey, similarity } from './names-text';
import type { MunicipalityName } from './names-types';
import { msg, orList, renderMsg } from './problem-text';
import type { Msg } from './problem-types';

export type { MunicipalityName, MunicipalityRecord } from './names-types';

/** A municipality the input may have meant; `score` is a similarity in [0, 1], best first. */
export interface Suggestion {
  lau_code: string;
  name: string;
  score: number;
}

/** Why an input was not matched: no municipality is close, it names a county, or it names several. */
export type MatchReason = 'unknown' | 'county' | 'ambiguous';

/** A match (`lau_code`), or suggestions with the reason and a message for the user (`message` in English). */
export type MatchResult =
  { lau_code: string } | { suggestions: Suggestion[]; reason: MatchReason; message: string; text: Msg };

/** An unmatched result with its message, in English and as a message of the catalogs. */
function unmatched(suggestions: Suggestion[], reason: MatchReason, text: Msg): MatchResult {
  return { suggestions, reason, message: renderMsg(text, 'en'), text };
}

/** Resolves one cell of a file to a municipality. */
export type MunicipalityMatcher = (input: string) => MatchResult;

/** True when the input was resolved to one municipality. */
export function isMatched(r: MatchResult): r is { lau_code: string } {
  return 'lau_code' in r;
}

// Suggestions: at most three, and only names at least this similar (1 - edits / length).
const SUGGEST_MIN = 0.6;
const SUGGEST_MAX = 3;

/** Builds a matcher over the given municipalities (the 61 of the lookup, or a test list). */
export function createMunicipalityMatcher(list: readonly MunicipalityName[]): MunicipalityMatcher {
  const byCode = new Map(list.map((m) => [m.lau_code.toUpperCase(), m]));
  const byKey = new Map<string, Set<string>>();
  const keysOf = new Map<string, string[]>();
  for (const m of list) {
    const keys = [m.name, m.name_ascii, m.name_alt].flatMap((n) => (n ? formKeys(n) : []));
    keysOf.set(m.lau_code, keys);
    for (const k of keys) byKey.set(k, (byKey.get(k) ?? new Set()).add(m.lau_code));
  }
  type County = { name: string; members: MunicipalityName[] };
  const counties = new Map<string, County>();
  for (const m of list) {
    if (!m.qark_name) continue;
    for (const k of formKeys(m.qark_name)) {
      const c: County = counties.get(k) ?? { name: m.qark_name, members: [] };
      if (!c.members.includes(m)) c.members.push(m);
      counties.set(k, c);
    }
  }

  const suggest = (key: string): Suggestion[] =>
    list
      .map((m) => ({
        lau_code: m.lau_code,
        name: m.name,
        score: Math.max(0, ...keysOf.get(m.lau_code)!.map((k) => similarity(key, k))),
      }))
      .filter((s) => s.score >= SUGGEST_MIN)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, SUGGEST_MAX)
      .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));

  const suggestCode = (code: string): Suggestion[] =>
    list
      .map((m) => ({ lau_code: m.lau_code, name: m.name, score: similarity(code, m.lau_code.toLowerCase()) }))
      .filter((s) => s.score >= 0.8)
      .sort((a, b) => b.score - a.score || digitsApart(code, a.lau_code) - digitsApart(code, b.lau_code))
      .slice(0, SUGGEST_MAX);

  const unknown = (input: string, key: string, county = false): MatchResult => {
    const suggestions = /^al\d+$/.test(key) ? suggestCode(key) : key.length > 0 ? suggest(key) : [];
    const names = orList(suggestions.map((s) => s.name));
    const hint = suggestions.length > 0 ? msg('problems.unknown-municipality.match.hint', { names }) : '';
    const text = county
      ? msg('problems.unknown-municipality.match.notCounty', { input: input.trim(), hint })
      : msg('problems.unknown-municipality.match.notMunicipality', {
          input: input.trim(),
          n: list.length,
          hint,
        });
    return unmatched(suggestions, 'unknown', text);
  };

  const county = (input: string, name: string, members: MunicipalityName[]): MatchResult => {
    const seat = members.find((m) => nameKey(m.name) === nameKey(name));
    const others = members.filter((m) => m !== seat).sort((a, b) => a.name.localeCompare(b.name));
    const suggestions = [...(seat ? [seat] : []), ...others].map((m) => ({
      lau_code: m.lau_code,
      name: m.name,
      score: m === seat ? 1 : 0,
    }));
    const same = seat
      ? msg('problems.county-not-municipality.match.same', { name: seat.name, code: seat.lau_code })
      : '';
    const text = msg('problems.county-not-municipality.match.county', {
      input: input.trim(),
      name,
      n: members.length,
      same,
    });
    return unmatched(suggestions, 'county', text);
  };

  const ambiguous = (input: string, codes: string[]): MatchResult => {
    const ms = codes.map((c) => byCode.get(c.toUpperCase())!);
    const text = msg('problems.unknown-municipality.match.ambiguous', {
      input: input.trim(),
      names: ms.map((m) => m.name).join(', '),
    });
    return unmatched(
      ms.map((m) => ({ lau_code: m.lau_code, name: m.name, score: 1 })),
      'ambiguous',
      text,
    );
  };

  const byName = (words: string[]): string[] => [...(byKey.get(words.join('')) ?? [])];

  const matchOne = (input: string): MatchResult => {
    const words = foldWords(input);
    const compact = words.join('');
    const iso = QARK_ISO.exec(compact);
    const nuts = NUTS3.exec(compact);
    if (iso || nuts) {
      const members = list.filter((m) =>
        iso
          ? m.qark_code?.toLowerCase() === `al-${iso[1]}`
          : m.lau_code.startsWith(`AL${nuts![1]}${nuts![2]}`),
      );
      if (members.length > 0 && members[0]!.qark_name) return county(input, members[0]!.qark_name, members);
      return unknown(input, '');
    }
    const code = LAU.exec(compact);
    if (code) {
      const m = byCode.get(`AL${code[1]}`);
      return m ? { lau_code: m.lau_code } : unknown(input, compact);
    }
    const asCounty = stripMarkers(words, COUNTY_WORDS);
    if (asCounty.marked) {
      const c = counties.get(asCounty.rest.join(''));
      const key = asCounty.rest.join('');
      return c ? county(input, c.name, c.members) : unknown(input, key, true);
    }
    const rest = stripMarkers(words, MUNI_WORDS).rest;
    const found = byName(rest);
    if (found.length === 1) return { lau_code: found[0]! };
    if (found.length > 1) return ambiguous(input, found);
    return unknown(input, rest.join(''));
  };

  return (input: string) => {
    const whole = matchOne(input);
    if (isMatched(whole) || whole.reason === 'county') return whole;
    // Several parts that each name a municipality: one municipality if they agree, else ambiguous.
    const parts = splitPlaces(input);
    if (parts.length < 2) return whole;
    const matched = parts.map(matchOne);
    if (!matched.every(isMatched)) return whole;
    const codes = [...new Set(matched.map((r) => r.lau_code))];
    return codes.length === 1 ? { lau_code: codes[0]! } : ambiguous(input, codes);
  };
}

let albania: MunicipalityMatcher | null = null;

/** Matches one input against Albania's 61 municipalities (the bundled list, built on first use). */
export function matchMunicipality(input: string): MatchResult {
  albania ??= createMunicipalityMatcher(ALBANIA_MUNICIPALITIES);
  return albania(input);
}
