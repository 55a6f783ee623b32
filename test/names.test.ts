import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createMunicipalityMatcher,
  isMatched,
  matchMunicipality,
  type MatchResult,
} from '../src/contract/names';
import { ALBANIA_MUNICIPALITIES } from '../src/contract/names-albania';
import { formKeys, nameKey, osaDistance } from '../src/contract/names-text';

const code = (r: MatchResult) =>
  isMatched(r) ? r.lau_code : `${r.reason}:${r.suggestions.map((s) => s.lau_code).join(',')}`;

describe('matchMunicipality: inputs that resolve to one municipality', () => {
  it.each([
    // case, diacritics and spaces
    ['Durrës', 'AL121'],
    ['Durres', 'AL121'],
    ['DURRËS', 'AL121'],
    [' durrës ', 'AL121'],
    ['durrës\u00a0', 'AL121'],
    ['Durre\u0308s', 'AL121'], // decomposed ë (NFD), as some Mac exports write it
    // definite forms (-a for feminine -ë, -i / -u for consonants, dropped ë in -ër / -ëz)
    ['Korça', 'AL343'],
    ['Korca', 'AL343'],
    ['Korce', 'AL343'],
    ['KORÇA', 'AL343'],
    ['Tirana', 'AL224'],
    ['Tiranë', 'AL224'],
    ['Durrësi', 'AL121'],
    ['Vlora', 'AL357'],
    ['Vlorë', 'AL357'],
    ['Shkodra', 'AL154'],
    ['Shkoder', 'AL154'],
    ['Elbasani', 'AL213'],
    ['Gjirokastra', 'AL332'],
    ['Gjirokaster', 'AL332'],
    ['Berati', 'AL311'],
    ['Fieri', 'AL322'],
    ['Lezha', 'AL142'],
    ['Kukësi', 'AL132'],
    ['Dibra', 'AL112'],
    ['Dibër', 'AL112'],
    ['Kamza', 'AL221'],
    ['Cërriku', 'AL212'],
    ['Saranda', 'AL355'],
    ['Pogradeci', 'AL345'],
    ['Malësia e Madhe', 'AL152'],
    ['malesi e madhe', 'AL152'],
    ['Vau i Dejës', 'AL155'],
    ['Fushe-Arrez', 'AL151'],
    ['Fushë Arrëz', 'AL151'],
    // old or alternative names
    ['Ura Vajgurore', 'AL315'],
    ['ura vajgurore', 'AL315'],
    ['Lushnje', 'AL323'],
    ['Lushnja', 'AL323'],
    ['Fushë Arrës', 'AL151'],
    // codes in any case and spacing
    ['al132', 'AL132'],
    ['AL132', 'AL132'],
    ['Al-132', 'AL132'],
    [' al 224 ', 'AL224'],
    // "municipality of" forms, genitive after "Bashkia e"
    ['Bashkia Durrës', 'AL121'],
    ['Bashkia e Tiranës', 'AL224'],
    ['Municipality of Fier', 'AL322'],
    ['Kavajë municipality', 'AL222'],
    // a name with its code, when they agree
    ['Tiranë (AL224)', 'AL224'],
    ['AL224 Tiranë', 'AL224'],
    ['AL224 - Tirana', 'AL224'],
  ])('%j -> %s', (input, expected) => {
    expect(code(matchMunicipality(input))).toBe(expected);
  });
});

describe('matchMunicipality: inputs that are not one municipality', () => {
  it.each([
    // typos: suggestions, never a silent guess
    ['Shkodr', 'unknown:AL154'],
    ['Elbassan', 'unknown:AL213'],
    ['Elbsan', 'unknown:AL213'],
    ['Gjirokstër', 'unknown:AL332'],
    ['Korçëë', 'unknown:AL343'],
    ['Vau Dejes', 'unknown:AL155'],
    ['Librazhdd', 'unknown:AL215'],
    // nothing close
    ['xyz', 'unknown:'],
    ['', 'unknown:'],
    ['Prishtinë', 'unknown:'],
    ['AL999', 'unknown:'],
    // counties written as counties
    ['Qarku Dibër', 'county:AL112,AL111,AL113,AL114'],
    ['Dibër County', 'county:AL112,AL111,AL113,AL114'],
    ['qark Tiranë', 'county:AL224,AL221,AL222,AL223,AL225'],
    ['Qarku i Shkodrës', 'county:AL154,AL151,AL152,AL153,AL155'],
    ['Prefektura e Dibrës', 'county:AL112,AL111,AL113,AL114'],
    ['the Vlora county', 'county:AL357,AL351,AL354,AL352,AL353,AL355,AL356'],
    ['AL-09', 'county:AL112,AL111,AL113,AL114'],
    ['AL012', 'county:AL121,AL122,AL123'],
    // several municipalities in one cell
    ['Tiranë / Kamëz', 'ambiguous:AL224,AL221'],
    ['Durrës, Shijak', 'ambiguous:AL121,AL123'],
    ['Tiranë (AL221)', 'ambiguous:AL224,AL221'],
    ['Kukës dhe Has', 'ambiguous:AL132,AL131'],
    ['AL221 Tiranë', 'ambiguous:AL221,AL224'],
  ])('%j -> %s', (input, expected) => {
    expect(code(matchMunicipality(input))).toBe(expected);
  });

  it('a typo with several close names lists them best first, with scores in [0, 1]', () => {
    const r = matchMunicipality('Kolonj');
    expect(isMatched(r)).toBe(false);
    if (isMatched(r)) return;
    expect(r.suggestions[0]).toMatchObject({ lau_code: 'AL342', name: 'Kolonjë' });
    const scores = r.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
  });

  it('a code typo suggests codes one edit away', () => {
    const r = matchMunicipality('AL358');
    expect(isMatched(r) ? [] : r.suggestions.map((s) => s.lau_code)[0]).toBe('AL357');
  });

  it('a county says so in its message and names the municipality of the same name', () => {
    const r = matchMunicipality('Qarku Dibër');
    expect(isMatched(r)).toBe(false);
    if (isMatched(r)) return;
    expect(r.message).toMatch(/county \(qark\) Dibër/);
    expect(r.message).toMatch(/AL112/);
  });

  it('a plain county name that is also a municipality name is the municipality', () => {
    const qarqe = [...new Set(ALBANIA_MUNICIPALITIES.map((m) => m.qark_name!))];
    expect(qarqe).toHaveLength(12);
    for (const q of qarqe) {
      const r = matchMunicipality(q);
      expect(isMatched(r), q).toBe(true);
      const m = ALBANIA_MUNICIPALITIES.find((x) => x.lau_code === (r as { lau_code: string }).lau_code)!;
      expect(m.name).toBe(q);
    }
  });
});

describe('the bundled list and its forms', () => {
  it('is the lookup CSV', () => {
    const lines = readFileSync('data/geo/albania_municipalities_lookup.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const csv = lines.map((l) => {
      const [lau_code, name, name_ascii, name_alt, , , qark_code, qark_name] = l.split(',');
      return { lau_code, name, name_ascii, name_alt: name_alt || null, qark_code, qark_name };
    });
    expect(ALBANIA_MUNICIPALITIES).toEqual(csv);
  });

  it('every name, ASCII name, alternative name and code matches its own municipality', () => {
    for (const m of ALBANIA_MUNICIPALITIES) {
      for (const n of [m.name, m.name_ascii, m.name_alt, m.lau_code, m.lau_code.toLowerCase()]) {
        if (n) expect(code(matchMunicipality(n)), n).toBe(m.lau_code);
      }
    }
  });

  it('no inflected form of one municipality is a form of another', () => {
    const owner = new Map<string, string>();
    for (const m of ALBANIA_MUNICIPALITIES) {
      for (const n of [m.name, m.name_ascii, m.name_alt]) {
        for (const k of n ? formKeys(n) : []) {
          expect(owner.get(k) ?? m.lau_code, `${k}: ${owner.get(k)} vs ${m.lau_code}`).toBe(m.lau_code);
          owner.set(k, m.lau_code);
        }
      }
    }
  });

  it('a custom list works the same way', () => {
    const match = createMunicipalityMatcher([
      { lau_code: 'X1', name: 'Qendër', qark_name: 'Jug', qark_code: 'X-1' },
      { lau_code: 'X2', name: 'Fushë', qark_name: 'Jug', qark_code: 'X-1' },
    ]);
    expect(code(match('Qendra'))).toBe('X1');
    expect(code(match('Qarku Jug'))).toBe('county:X2,X1');
  });

  it('distance counts an adjacent swap as one edit', () => {
    expect(osaDistance('shkdoer', 'shkoder')).toBe(1);
    expect(osaDistance('elbassan', 'elbasan')).toBe(1);
    expect(osaDistance('', 'abc')).toBe(3);
    expect(nameKey(' Fushë-Arrëz ')).toBe('fushearrez');
  });
});
