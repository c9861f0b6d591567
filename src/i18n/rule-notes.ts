// The validator's notes (SPEC §4 `notes`) and setting errors, Dutch first, English beside it.

import { list, type Lang } from './rule-format.js';

export type SettingExpectation = 'severity' | 'marge' | 'dagen' | 'drempel' | 'janee' | 'regio';

const EXPECTED: Record<SettingExpectation, Record<Lang, string>> = {
  severity: { nl: 'error, warning, info of off', en: 'error, warning, info or off' },
  marge: { nl: 'een aantal uren van 0 tot en met 60 met hoogstens 4 decimalen, zoals 2 of 1,5', en: 'a number of hours from 0 to 60 with at most 4 decimals, such as 2 or 1.5' },
  dagen: { nl: 'een geheel aantal dagen van 1 tot en met 365', en: 'a whole number of days from 1 to 365' },
  drempel: { nl: 'een fractie van 0 tot en met 1, zoals 0,8', en: 'a fraction from 0 to 1, such as 0.8' },
  janee: { nl: 'ja of nee', en: 'ja or nee' },
  regio: { nl: 'noord, midden of zuid', en: 'noord, midden or zuid' },
};

export const settingNote = {
  unknownKey: (key: string, lang: Lang): string =>
    lang === 'nl' ? `Onbekende instelling "${key}".` : `Unknown setting "${key}".`,
  invalid: (key: string, raw: string, expected: SettingExpectation, lang: Lang): string =>
    lang === 'nl'
      ? `Instelling ${key}: "${raw}" is ongeldig; verwacht ${EXPECTED[expected].nl}.`
      : `Setting ${key}: "${raw}" is invalid; expected ${EXPECTED[expected].en}.`,
  ignored: (message: string, lang: Lang): string =>
    lang === 'nl'
      ? `${message} De standaardwaarde is gebruikt; corrigeer met 'bpv config set'.`
      : `${message} The default was used; fix it with 'bpv config set'.`,
};

const MAX_LISTED = 10;

function ids(placements: readonly string[], lang: Lang): string {
  const shown = placements.slice(0, MAX_LISTED);
  const rest = placements.length - shown.length;
  if (rest === 0) return shown.join(', ');
  return `${shown.join(', ')} ${lang === 'nl' ? `en ${rest} meer` : `and ${rest} more`}`;
}

export const ruleNote = {
  regioUnset: (lang: Lang): string =>
    lang === 'nl'
      ? "Regel schoolvakantie is overgeslagen: school.regio is niet ingesteld. Stel de regio in met 'bpv config set school.regio noord|midden|zuid'."
      : "Rule schoolvakantie was skipped: school.regio is not set. Set the region with 'bpv config set school.regio noord|midden|zuid'.",
  noHolidays: (regio: string, lang: Lang): string =>
    lang === 'nl'
      ? `Regel schoolvakantie had geen schoolvakanties voor regio ${regio}; controleer 'bpv holidays list --regio ${regio}'.`
      : `Rule schoolvakantie had no school holidays for region ${regio}; check 'bpv holidays list --regio ${regio}'.`,
  noRecognitions: (lang: Lang): string =>
    lang === 'nl'
      ? "Regel niet-erkend is overgeslagen: er zijn geen erkenningen geïmporteerd. Importeer ze met 'bpv import recognitions BESTAND'."
      : "Rule niet-erkend was skipped: no recognitions were imported. Import them with 'bpv import recognitions FILE'.",
  missingBirthdates: (placements: readonly string[], lang: Lang): string =>
    lang === 'nl'
      ? `${placements.length === 1 ? '1 plaatsing heeft' : `${placements.length} plaatsingen hebben`} geen geboortedatum (${ids(placements, lang)}): de leeftijdsregels behandelen de student als volwassene. Vul de geboortedatum aan met een import van plaatsingen.`
      : `${placements.length === 1 ? '1 placement has' : `${placements.length} placements have`} no date of birth (${ids(placements, lang)}): the age rules treat the student as an adult. Add the date of birth with a placements import.`,
  ruleOff: (codes: readonly string[], lang: Lang): string =>
    lang === 'nl'
      ? `Gevraagde regel ${list(codes, lang)} staat uit (rules.CODE.severity = off) en is niet uitgevoerd.`
      : `Requested rule ${list(codes, lang)} is switched off (rules.CODE.severity = off) and did not run.`,
  unknownRules: (codes: readonly string[], known: readonly string[], lang: Lang): string =>
    lang === 'nl'
      ? `Onbekende regel ${list(codes.map((c) => `"${c}"`), lang)}. Bekende regels: ${known.join(', ')}.`
      : `Unknown rule ${list(codes.map((c) => `"${c}"`), lang)}. Known rules: ${known.join(', ')}.`,
  badStoredDate: (where: string, value: string, lang: Lang): string =>
    lang === 'nl'
      ? `${where}: ongeldige datum "${value}" in de database (verwacht JJJJ-MM-DD); herstel hem met een nieuwe import.`
      : `${where}: invalid date "${value}" in the database (expected YYYY-MM-DD); fix it with a new import.`,
  placementLabel: (id: string, lang: Lang): string => (lang === 'nl' ? `Plaatsing ${id}` : `Placement ${id}`),
  holidaysLabel: (lang: Lang): string => (lang === 'nl' ? 'Schoolvakanties' : 'School holidays'),
  unknownPlacements: (ids: readonly string[], lang: Lang): string =>
    lang === 'nl'
      ? ids.length === 1
        ? `Gevraagde plaatsing ${list(ids, lang)} bestaat niet; controleer het plaatsing_id met 'bpv placements list'.`
        : `Gevraagde plaatsingen ${list(ids, lang)} bestaan niet; controleer de plaatsing_id's met 'bpv placements list'.`
      : ids.length === 1
        ? `Requested placement ${list(ids, lang)} does not exist; check the plaatsing_id with 'bpv placements list'.`
        : `Requested placements ${list(ids, lang)} do not exist; check the plaatsing_ids with 'bpv placements list'.`,
  invalidDate: (what: string, value: string, lang: Lang): string =>
    lang === 'nl'
      ? `${what}: "${value}" is geen geldige datum (verwacht JJJJ-MM-DD).`
      : `${what}: "${value}" is not a valid date (expected YYYY-MM-DD).`,
};
