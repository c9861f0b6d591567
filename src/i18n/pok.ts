// Messages of the POK domain for people, Dutch first (SPEC §8); English with --lang en.
// Each message is a function of named parameters, so an error object can carry its code and
// parameters and be shown again in the other language by the CLI's error handler.

import { fmtNumber, lang, type Lang } from './lang.js';

export type PokLang = Lang;

export interface PokMessageParams {
  placement?: string;
  party?: string;
  date?: string;
  generated?: string;
  version?: number;
  file?: string;
  line?: number;
  field?: string;
  suggestion?: string;
  detail?: string;
  /** for template-syntax: the message key of the problem */
  problem?: string;
  reason?: string;
  fields?: string[];
  bedrijf?: string;
  kvk?: string;
  crebo?: string;
  start?: string;
  /** agreed hours a week, and the legal maximum for the student's age */
  hours?: number;
  limit?: number;
}

type Msg = (p: PokMessageParams) => string;

/** Dates in Dutch messages as people write them (SPEC §8): 2026-09-01 → 01-09-2026. */
function nlDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}-${m[2]}-${m[1]}` : (iso ?? '');
}


const nl = {
  'placement-unknown': (p) => `Plaatsing ${p.placement} bestaat niet.`,
  'no-pok': (p) =>
    `Voor plaatsing ${p.placement} is nog geen POK gemaakt; maak die eerst met "bpv pok generate ${p.placement}".`,
  'party-unknown': (p) => `Onbekende partij "${p.party}"; kies uit student, ouder, leerbedrijf of school.`,
  'party-not-required': (p) =>
    `De student van plaatsing ${p.placement} is op de begindatum (${nlDate(p.start)}) 18 jaar of ouder: ` +
    `bij deze POK hoort geen handtekening van een ouder/wettelijk vertegenwoordiger.`,
  'date-invalid': (p) => `"${p.date}" is geen geldige datum (gebruik JJJJ-MM-DD).`,
  'sign-before-generation': (p) =>
    `De datum van ondertekening (${nlDate(p.date)}) ligt vóór de dag waarop versie ${p.version} van de POK ` +
    `van ${p.placement} is gemaakt (${nlDate(p.generated)}).`,
  'sign-in-future': (p) => `De datum van ondertekening (${nlDate(p.date)}) ligt in de toekomst.`,
  'template-not-found': (p) => `Het POK-sjabloon ${p.file} bestaat niet.`,
  'template-unreadable': (p) => `Het POK-sjabloon ${p.file} is niet te lezen: ${p.reason}.`,
  'template-unknown-field': (p) =>
    `${p.file}, regel ${p.line}: het POK-sjabloon noemt het onbekende veld "${p.field}"` +
    (p.suggestion ? ` (bedoelt u "${p.suggestion}"?)` : '') +
    `. De bekende velden staan bovenaan templates/pok.md.`,
  'template-syntax': (p): string => `${p.file}, regel ${p.line}: ${messageByName(p.problem, p, 'nl')}`,
  'syntax-unclosed-braces': () => `"{{" zonder bijbehorende "}}".`,
  'syntax-unknown-instruction': (p) =>
    `onbekende opdracht "{{${p.detail}}}"; bedoeld is een veld, {{als veld}}, {{als veld = waarde}}, {{anders}} of {{/als}}.`,
  'syntax-else-without-if': () => `{{anders}} zonder voorafgaande {{als …}}.`,
  'syntax-double-else': () => `tweede {{anders}} binnen dezelfde {{als …}}.`,
  'syntax-end-without-if': () => `{{/als}} zonder voorafgaande {{als …}}.`,
  'syntax-unclosed-if': () => `{{als …}} wordt niet gesloten met {{/als}}.`,
  'syntax-no-articles': () => `het sjabloon bevat geen enkel artikel (een regel die begint met "## ").`,
  'data-missing': (p) =>
    `POK voor ${p.placement} niet gemaakt; ontbrekende gegevens: ${describeMissing(p.fields, 'nl')}.`,
  'not-recognised': (p) =>
    `POK voor ${p.placement} niet gemaakt: ${p.bedrijf} (KvK ${p.kvk}) is op ${nlDate(p.start)} niet erkend ` +
    `voor crebo ${p.crebo}. Gebruik --force om de POK toch te maken.`,
  'forced-not-recognised': (p) =>
    `POK voor ${p.placement} toch gemaakt (--force), hoewel ${p.bedrijf} (KvK ${p.kvk}) op ${nlDate(p.start)} ` +
    `niet erkend is voor crebo ${p.crebo}.`,
  'hours-over-limit': (p) =>
    `Let op: in de POK voor ${p.placement} staat gemiddeld ${fmtNumber(p.hours ?? 0, 'nl')} uur per week, meer dan de ${p.limit} ` +
    `die de Arbeidstijdenwet de student op de begindatum toestaat; pas uren_per_week aan en maak de POK opnieuw.`,
  'version-conflict': (p) =>
    `De POK van ${p.placement} werd tegelijk door een ander proces gemaakt of ondertekend; probeer het opnieuw.`,
  'sha-mismatch': (p) =>
    `De POK van ${p.placement}, versie ${p.version}, is opnieuw gemaakt met ongewijzigde gegevens, maar het ` +
    `bestand wijkt af van het vastgelegde (SHA-256 ${(p.detail ?? '').slice(0, 12)}…); waarschijnlijk is het programma bijgewerkt. ` +
    `De versie blijft dezelfde.`,
  'worker-failed': (p) => `Het maken van de PDF voor ${p.placement} is mislukt: ${p.reason}`,
  // how to supply a missing field, one per field kind
  'fix-setting': (p) => `${p.field} (bpv config set ${p.field} …)`,
  'fix-company': (p) => `${p.field} (kolom ${p.detail} bij de import van plaatsingen)`,
  'fix-praktijkopleider': (p) => `${p.field} (kolom praktijkopleider bij de import van plaatsingen)`,
  'fix-geboortedatum': (p) =>
    `${p.field} (kolom geboortedatum bij de import van plaatsingen; nodig om te weten of een ouder mee tekent)`,
} satisfies Record<string, Msg>;

export type PokMessageKey = keyof typeof nl;

const en: Record<PokMessageKey, Msg> = {
  'placement-unknown': (p) => `Placement ${p.placement} does not exist.`,
  'no-pok': (p) => `No POK has been generated for placement ${p.placement}; run "bpv pok generate ${p.placement}" first.`,
  'party-unknown': (p) => `Unknown party "${p.party}"; choose student, ouder, leerbedrijf or school.`,
  'party-not-required': (p) =>
    `The student of placement ${p.placement} is 18 or older on the start date (${p.start}): ` +
    `this POK has no signature of a parent/legal guardian.`,
  'date-invalid': (p) => `"${p.date}" is not a valid date (use YYYY-MM-DD).`,
  'sign-before-generation': (p) =>
    `The signing date (${p.date}) is before the day version ${p.version} of the POK of ${p.placement} ` +
    `was generated (${p.generated}).`,
  'sign-in-future': (p) => `The signing date (${p.date}) is in the future.`,
  'template-not-found': (p) => `The POK template ${p.file} does not exist.`,
  'template-unreadable': (p) => `The POK template ${p.file} cannot be read: ${p.reason}.`,
  'template-unknown-field': (p) =>
    `${p.file}, line ${p.line}: the POK template names the unknown field "${p.field}"` +
    (p.suggestion ? ` (did you mean "${p.suggestion}"?)` : '') +
    `. The known fields are listed at the top of templates/pok.md.`,
  'template-syntax': (p): string => `${p.file}, line ${p.line}: ${messageByName(p.problem, p, 'en')}`,
  'syntax-unclosed-braces': () => `"{{" without a matching "}}".`,
  'syntax-unknown-instruction': (p) =>
    `unknown instruction "{{${p.detail}}}"; expected a field, {{als field}}, {{als field = value}}, {{anders}} or {{/als}}.`,
  'syntax-else-without-if': () => `{{anders}} without a preceding {{als …}}.`,
  'syntax-double-else': () => `a second {{anders}} inside the same {{als …}}.`,
  'syntax-end-without-if': () => `{{/als}} without a preceding {{als …}}.`,
  'syntax-unclosed-if': () => `{{als …}} is never closed with {{/als}}.`,
  'syntax-no-articles': () => `the template holds no article (a line starting with "## ").`,
  'data-missing': (p) => `POK for ${p.placement} not generated; missing data: ${describeMissing(p.fields, 'en')}.`,
  'not-recognised': (p) =>
    `POK for ${p.placement} not generated: ${p.bedrijf} (KvK ${p.kvk}) is not recognised for crebo ${p.crebo} ` +
    `on ${p.start}. Use --force to generate it anyway.`,
  'forced-not-recognised': (p) =>
    `POK for ${p.placement} generated anyway (--force), although ${p.bedrijf} (KvK ${p.kvk}) is not ` +
    `recognised for crebo ${p.crebo} on ${p.start}.`,
  'hours-over-limit': (p) =>
    `Note: the POK for ${p.placement} states ${fmtNumber(p.hours ?? 0, 'en')} hours a week on average, more than the ${p.limit} ` +
    `the Arbeidstijdenwet allows the student on the start date; correct uren_per_week and generate the POK again.`,
  'version-conflict': (p) =>
    `The POK of ${p.placement} was generated or signed by another process at the same time; try again.`,
  'sha-mismatch': (p) =>
    `The POK of ${p.placement}, version ${p.version}, was rendered again from unchanged data, but the file ` +
    `differs from the recorded one (SHA-256 ${(p.detail ?? '').slice(0, 12)}…); the program was probably updated. The version stays.`,
  'worker-failed': (p) => `Rendering the PDF for ${p.placement} failed: ${p.reason}`,
  'fix-setting': (p) => `${p.field} (bpv config set ${p.field} …)`,
  'fix-company': (p) => `${p.field} (column ${p.detail} of the placements import)`,
  'fix-praktijkopleider': (p) => `${p.field} (column praktijkopleider of the placements import)`,
  'fix-geboortedatum': (p) =>
    `${p.field} (column geboortedatum of the placements import; needed to know whether a parent signs)`,
};

const TABLE: Record<PokLang, Record<PokMessageKey, Msg>> = { nl, en };

/** The message in `l`, by default the language of this run (--lang, BPV_LANG). */
export function pokMessage(key: PokMessageKey, params: PokMessageParams = {}, l: PokLang = lang()): string {
  return TABLE[l][key](params);
}

function messageByName(key: string | undefined, params: PokMessageParams, lang: PokLang): string {
  const table = TABLE[lang] as Record<string, Msg | undefined>;
  const msg = key === undefined ? undefined : table[key];
  return msg ? msg(params) : String(key);
}

/** Each missing POK field with where to supply it: a setting, or a column of the import. */
function describeMissing(fields: string[] | undefined, lang: PokLang): string {
  return (fields ?? [])
    .map((field) => {
      if (field.startsWith('school.')) return pokMessage('fix-setting', { field }, lang);
      if (field.startsWith('leerbedrijf.')) {
        return pokMessage('fix-company', { field, detail: field.slice('leerbedrijf.'.length) }, lang);
      }
      if (field.startsWith('praktijkopleider.')) return pokMessage('fix-praktijkopleider', { field }, lang);
      if (field === 'student.geboortedatum') return pokMessage('fix-geboortedatum', { field }, lang);
      return field;
    })
    .join('; ');
}
