/**
 * The 61 municipalities (bashki) of the 2015 reform with the spellings a user's file may carry, copied from
 * data/geo/albania_municipalities_lookup.csv (test/names.test.ts checks the copy). They are bundled as code so
 * that name matching works before any file or the engine has loaded, e.g. while a user picks a file.
 */
import type { MunicipalityRecord } from './names-types';

type Row = [
  lau_code: string,
  name: string,
  name_ascii: string,
  name_alt: string | null,
  qark_code: string,
  qark_name: string,
];

// prettier-ignore
const ROWS: Row[] = [
  ['AL111', 'Bulqizë', 'Bulqize', null, 'AL-09', 'Dibër'],
  ['AL112', 'Dibër', 'Diber', null, 'AL-09', 'Dibër'],
  ['AL113', 'Klos', 'Klos', null, 'AL-09', 'Dibër'],
  ['AL114', 'Mat', 'Mat', null, 'AL-09', 'Dibër'],
  ['AL121', 'Durrës', 'Durres', null, 'AL-02', 'Durrës'],
  ['AL122', 'Krujë', 'Kruje', null, 'AL-02', 'Durrës'],
  ['AL123', 'Shijak', 'Shijak', null, 'AL-02', 'Durrës'],
  ['AL131', 'Has', 'Has', null, 'AL-07', 'Kukës'],
  ['AL132', 'Kukës', 'Kukes', null, 'AL-07', 'Kukës'],
  ['AL133', 'Tropojë', 'Tropoje', null, 'AL-07', 'Kukës'],
  ['AL141', 'Kurbin', 'Kurbin', null, 'AL-08', 'Lezhë'],
  ['AL142', 'Lezhë', 'Lezhe', null, 'AL-08', 'Lezhë'],
  ['AL143', 'Mirditë', 'Mirdite', null, 'AL-08', 'Lezhë'],
  ['AL151', 'Fushë-Arrëz', 'Fushe-Arrez', 'Fushë Arrës', 'AL-10', 'Shkodër'],
  ['AL152', 'Malësi e Madhe', 'Malesi e Madhe', 'Malësia e Madhe', 'AL-10', 'Shkodër'],
  ['AL153', 'Pukë', 'Puke', null, 'AL-10', 'Shkodër'],
  ['AL154', 'Shkodër', 'Shkoder', null, 'AL-10', 'Shkodër'],
  ['AL155', 'Vau i Dejës', 'Vau i Dejes', null, 'AL-10', 'Shkodër'],
  ['AL211', 'Belsh', 'Belsh', null, 'AL-03', 'Elbasan'],
  ['AL212', 'Cërrik', 'Cerrik', null, 'AL-03', 'Elbasan'],
  ['AL213', 'Elbasan', 'Elbasan', null, 'AL-03', 'Elbasan'],
  ['AL214', 'Gramsh', 'Gramsh', null, 'AL-03', 'Elbasan'],
  ['AL215', 'Librazhd', 'Librazhd', null, 'AL-03', 'Elbasan'],
  ['AL216', 'Peqin', 'Peqin', null, 'AL-03', 'Elbasan'],
  ['AL217', 'Prrenjas', 'Prrenjas', null, 'AL-03', 'Elbasan'],
  ['AL221', 'Kamëz', 'Kamez', null, 'AL-11', 'Tiranë'],
  ['AL222', 'Kavajë', 'Kavaje', null, 'AL-11', 'Tiranë'],
  ['AL223', 'Rrogozhinë', 'Rrogozhine', null, 'AL-11', 'Tiranë'],
  ['AL224', 'Tiranë', 'Tirane', null, 'AL-11', 'Tiranë'],
  ['AL225', 'Vorë', 'Vore', null, 'AL-11', 'Tiranë'],
  ['AL311', 'Berat', 'Berat', null, 'AL-01', 'Berat'],
  ['AL312', 'Kuçovë', 'Kucove', null, 'AL-01', 'Berat'],
  ['AL313', 'Poliçan', 'Polican', null, 'AL-01', 'Berat'],
  ['AL314', 'Skrapar', 'Skrapar', null, 'AL-01', 'Berat'],
  ['AL315', 'Dimal', 'Dimal', 'Ura Vajgurore', 'AL-01', 'Berat'],
  ['AL321', 'Divjakë', 'Divjake', null, 'AL-04', 'Fier'],
  ['AL322', 'Fier', 'Fier', null, 'AL-04', 'Fier'],
  ['AL323', 'Lushnjë', 'Lushnje', 'Lushnje', 'AL-04', 'Fier'],
  ['AL324', 'Mallakastër', 'Mallakaster', null, 'AL-04', 'Fier'],
  ['AL325', 'Roskovec', 'Roskovec', null, 'AL-04', 'Fier'],
  ['AL326', 'Patos', 'Patos', null, 'AL-04', 'Fier'],
  ['AL331', 'Dropull', 'Dropull', null, 'AL-05', 'Gjirokastër'],
  ['AL332', 'Gjirokastër', 'Gjirokaster', null, 'AL-05', 'Gjirokastër'],
  ['AL333', 'Këlcyrë', 'Kelcyre', null, 'AL-05', 'Gjirokastër'],
  ['AL334', 'Libohovë', 'Libohove', null, 'AL-05', 'Gjirokastër'],
  ['AL335', 'Përmet', 'Permet', null, 'AL-05', 'Gjirokastër'],
  ['AL336', 'Tepelenë', 'Tepelene', null, 'AL-05', 'Gjirokastër'],
  ['AL337', 'Memaliaj', 'Memaliaj', null, 'AL-05', 'Gjirokastër'],
  ['AL341', 'Devoll', 'Devoll', null, 'AL-06', 'Korçë'],
  ['AL342', 'Kolonjë', 'Kolonje', null, 'AL-06', 'Korçë'],
  ['AL343', 'Korçë', 'Korce', null, 'AL-06', 'Korçë'],
  ['AL344', 'Maliq', 'Maliq', null, 'AL-06', 'Korçë'],
  ['AL345', 'Pogradec', 'Pogradec', null, 'AL-06', 'Korçë'],
  ['AL346', 'Pustec', 'Pustec', null, 'AL-06', 'Korçë'],
  ['AL351', 'Delvinë', 'Delvine', null, 'AL-12', 'Vlorë'],
  ['AL352', 'Himarë', 'Himare', null, 'AL-12', 'Vlorë'],
  ['AL353', 'Konispol', 'Konispol', null, 'AL-12', 'Vlorë'],
  ['AL354', 'Finiq', 'Finiq', null, 'AL-12', 'Vlorë'],
  ['AL355', 'Sarandë', 'Sarande', null, 'AL-12', 'Vlorë'],
  ['AL356', 'Selenicë', 'Selenice', null, 'AL-12', 'Vlorë'],
  ['AL357', 'Vlorë', 'Vlore', null, 'AL-12', 'Vlorë'],
];

/** The 61 municipalities with their names, old or alternative names and counties. */
export const ALBANIA_MUNICIPALITIES: readonly MunicipalityRecord[] = ROWS.map(
  ([lau_code, name, name_ascii, name_alt, qark_code, qark_name]) => ({
    lau_code,
    name,
    name_ascii,
    name_alt,
    qark_code,
    qark_name,
  }),
);
