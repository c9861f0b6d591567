// Every message a person reads, in Dutch and English. Keys are shared so a missing
// translation is a type error. Rule and POK texts live beside this file in their own tables.
import { lang } from './lang.js';

const q = (v: string) => `"${v}"`;
const list = (xs: readonly string[]) => xs.map(q).join(', ');

const nl = {
  // database
  dbMissing: (f: string) => `database ${f} bestaat niet. Maak hem met \`bpv init\` of geef het juiste pad met --db of BPV_DB.`,
  dbDirMissing: (d: string) => `map ${d} bestaat niet; de database kan daar niet worden aangemaakt.`,
  dbOpenFailed: (f: string, why: string) => `database ${f} kan niet worden geopend: ${why}`,
  dbTooNew: (f: string, v: number, known: number) =>
    `database ${f} heeft schemaversie ${v}, deze bpv kent versie ${known}. Werk bpv bij; het bestand is niet aangeraakt.`,
  dbBusy: (f: string) => `database ${f} is bezet door een ander proces (time-out verstreken). Probeer het zo opnieuw.`,
  dbCorrupt: (f: string, why: string) => `${f} is geen bruikbare bpv-database (${why}). Zet een back-up terug (\`bpv db backup\` maakt er een).`,
  // settings
  settingUnknown: (k: string, known: readonly string[]) => `onbekende instelling ${q(k)}. Bekende instellingen: ${known.join(', ')}`,
  settingInvalid: (k: string, v: string, expected: string) => `${q(v)} is geen geldige waarde voor ${k} (verwacht: ${expected})`,
  // values
  valRequired: () => `verplicht, maar leeg`,
  valDate: (v: string) => `${q(v)} is geen geldige datum (gebruik DD-MM-JJJJ of JJJJ-MM-DD)`,
  valHoursAmbiguous: (v: string) => `${q(v)} is dubbelzinnig: bedoel je ${v.replace(/\./g, '')} of ${v.replace('.', ',')}? Schrijf het zonder punt, of met een komma als decimaalteken`,
  valNumber: (v: string) => `${q(v)} is geen getal (gebruik bv. 7,5 of 7.5)`,
  valDigits: (v: string, n: number, what: string, short: boolean) =>
    `${q(v)} is geen geldig ${what === 'kvk' ? 'KvK-nummer' : 'vestigingsnummer'}: dat zijn precies ${n} cijfers` +
    (short ? ` (Excel laat voorloopnullen weg: zet de kolom op 'Tekst' en voer het nummer opnieuw in)` : ''),
  valCrebo: (v: string) => `${q(v)} is geen geldige crebo-code: dat zijn 5 cijfers, bv. 25491`,
  valNiveau: (v: string) => `${q(v)} is geen geldig niveau: kies 1, 2, 3 of 4`,
  valLeerweg: (v: string) => `${q(v)} is geen geldige leerweg: kies BOL of BBL`,
  valPostcode: (v: string) => `${q(v)} is geen geldige postcode (verwacht 1234 AB)`,
  valEmail: (v: string) => `${q(v)} is geen geldig e-mailadres`,
  valJaNee: (v: string) => `${q(v)} is geen ja/nee-waarde (gebruik ja of nee)`,
  valOneOf: (v: string, options: readonly string[]) => `${q(v)} is niet toegestaan; kies uit ${options.join(', ')}`,
  personNeedsEmail: (naam: string) => `${q(naam)} heeft geen e-mailadres; het e-mailadres identificeert de persoon`,
  personNeedsName: (email: string) => `${q(email)} heeft geen naam`,
  endBeforeStart: (start: string) => `ligt vóór de startdatum ${start}`,
  bornAfterStart: () => `geboortedatum ligt niet vóór de startdatum`,
  mustBePositive: () => `moet groter dan 0 zijn`,
  hoursPerWeekRange: () => `moet groter dan 0 en hoogstens 60 zijn`,
  noBirthDate: () => `geen geboortedatum: de regels voor minderjarigen en de handtekening van de ouder kunnen niet worden bepaald`,
  labelStudent: (nr: string) => `student ${nr}`,
  labelCompany: (kvk: string) => `leerbedrijf ${kvk}`,
  sharedConflict: (label: string, field: string, a: string, b: string, line: number) =>
    `${label}: ${field} is ${q(b)}, op regel ${line} ${q(a)}; de laatste waarde geldt`,
  // files
  badEncodingFlag: (v: string) => `onbekende tekenset ${q(v)}; kies utf8 of windows-1252`,
  badDelimiterFlag: (v: string) => `onbekend scheidingsteken ${q(v)}; kies , ; of tab`,
  fileMissing: (f: string) => `bestand ${f} bestaat niet`,
  fileIsDir: (f: string) => `${f} is een map, geen bestand`,
  fileEmpty: (f: string) => `${f} is leeg: geen kopregel en geen gegevens`,
  fileNoRows: (f: string) => `${f} heeft alleen een kopregel en geen gegevensregels`,
  fileNotCsv: (f: string) => `${f} is geen CSV-bestand (het bevat binaire gegevens; is het een .xlsx? Sla het in Excel op als 'CSV (puntkomma gescheiden)')`,
  fileBadUtf8: (f: string) => `${f} is geen geldige UTF-8; geef de tekenset op met --encoding windows-1252`,
  fileMalformed: (f: string, line: number, why: string) => `${f} is geen geldige CSV rond regel ${line}: ${why}`,
  mapFlagSyntax: (f: string) => `--map ${q(f)}: gebruik --map kolom=Kopregel, bv. --map email_praktijkopleider="Mail PO"`,
  mapFlagUnknownColumn: (c: string, known: readonly string[]) => `--map: onbekende kolom ${q(c)}; bekende kolommen: ${known.join(', ')}`,
  mapFlagHeaderNotFound: (h: string, found: readonly string[]) => `--map: kopregel ${q(h)} staat niet in het bestand; gevonden: ${list(found)}`,
  missingColumns: (f: string, missing: readonly { column: string; suggestion?: string | undefined }[], found: readonly string[]) =>
    `${f} mist verplichte kolommen: ${missing.map((m) => m.column + (m.suggestion ? ` (bedoel je ${q(m.suggestion)}? gebruik --map ${m.column}=${q(m.suggestion)})` : '')).join(', ')}.\n` +
    `Gevonden kopregels: ${list(found)}.\nKoppel een andere kopregel met --map kolom=Kopregel.`,
  wholeRow: () => `(regel)`,
  tooManyFields: (n: number, expected: number, d: string) =>
    `${n} velden, de kopregel heeft er ${expected}; staat er een ${d === '\t' ? 'tab' : d} in een waarde zonder aanhalingstekens?`,
  duplicateKey: (earlier: number) => `komt al voor op regel ${earlier}; deze regel is overgeslagen`,
  rowError: (line: number, column: string, message: string) => `regel ${line}, kolom ${column}: ${message}`,
  rowWarning: (line: number, column: string, message: string) => `regel ${line}, kolom ${column}: ${message}`,
  // import summary
  summaryLine: (s: { read: number; inserted: number; updated: number; unchanged: number; rejected: number }) =>
    `${s.read} regels gelezen: ${s.inserted} nieuw, ${s.updated} gewijzigd, ${s.unchanged} ongewijzigd, ${s.rejected} afgekeurd`,
  summaryNothingChanged: () => `Niets gewijzigd: de database bevatte dit al.`,
  summaryDryRun: () => `Proefrun (--dry-run): er is niets opgeslagen.`,
  summaryStrict: (n: number) => `--strict: ${n} regel(s) afgekeurd, daarom is er niets opgeslagen.`,
  summaryUnknownColumns: (cols: readonly string[]) => `Onbekende kolommen genegeerd: ${list(cols)}`,
  summaryRejectFile: (f: string, n: number) => `${n} afgekeurde regel(s) staan in ${f}; verbeter ze en importeer dat bestand opnieuw.`,
  summaryWarnings: (n: number) => `${n} waarschuwing(en):`,
  summaryMoreErrors: (n: number) => `… en nog ${n} fout(en); gebruik --json of --reject-file voor de volledige lijst.`,
  summaryMapUsed: (flags: readonly string[]) => `Volgende keer zonder vragen: ${flags.map((f) => `--map ${f.replace(/=(.*)$/, '="$1"')}`).join(' ')}`,
  askMapping: (column: string) => `Welke kolom in het bestand is ${q(column)}?`,
  askMappingSkip: () => `(geen van deze: stoppen)`,
  importKindUnknown: (k: string) => `onbekende soort import: ${k}`,
  // placements
  placementNotFound: (id: string) => `plaatsing ${q(id)} bestaat niet`,
  noPlacements: () => `Geen plaatsingen gevonden.`,
  // init / status
  initCreated: (f: string) => `Database ${f} is klaar (schemaversie bijgewerkt).`,
  initExists: (f: string) => `Database ${f} bestaat al en is bijgewerkt.`,
  configSet: (k: string, old: string | null, v: string) => `${k} = ${v}${old !== null && old !== v ? ` (was ${old})` : ''}`,
  configNotSet: (k: string) => `${k} is niet ingesteld`,
  backupWritten: (f: string) => `Back-up geschreven naar ${f}`,
  backupExists: (f: string) => `${f} bestaat al; kies een ander pad`,
  checkOk: () => `Database in orde: integriteit en verwijzingen gecontroleerd.`,
  checkFailed: (problems: readonly string[]) => `Database heeft problemen:\n${problems.join('\n')}`,
  usage: (why: string) => `${why}\nGebruik --help voor hulp.`,
  unexpected: (why: string) => `Onverwachte fout: ${why}\nZet BPV_DEBUG=1 voor details en meld dit.`,
  interrupted: () => `Afgebroken; de database is ongewijzigd.`,
};

export type Messages = typeof nl;

const en: Messages = {
  dbMissing: (f) => `database ${f} does not exist. Create it with \`bpv init\` or give the right path with --db or BPV_DB.`,
  dbDirMissing: (d) => `directory ${d} does not exist; cannot create the database there.`,
  dbOpenFailed: (f, why) => `cannot open database ${f}: ${why}`,
  dbTooNew: (f, v, known) => `database ${f} has schema version ${v}; this bpv knows version ${known}. Upgrade bpv; the file was not touched.`,
  dbBusy: (f) => `database ${f} is locked by another process (timeout expired). Try again shortly.`,
  dbCorrupt: (f, why) => `${f} is not a usable bpv database (${why}). Restore a backup (\`bpv db backup\` makes one).`,
  settingUnknown: (k, known) => `unknown setting ${q(k)}. Known settings: ${known.join(', ')}`,
  settingInvalid: (k, v, expected) => `${q(v)} is not a valid value for ${k} (expected: ${expected})`,
  valRequired: () => `required, but empty`,
  valDate: (v) => `${q(v)} is not a valid date (use DD-MM-YYYY or YYYY-MM-DD)`,
  valHoursAmbiguous: (v) => `${q(v)} is ambiguous: ${v.replace(/\./g, '')} or ${v.replace('.', ',')}? Write it without the dot, or with a decimal comma`,
  valNumber: (v) => `${q(v)} is not a number (use e.g. 7,5 or 7.5)`,
  valDigits: (v, n, what, short) =>
    `${q(v)} is not a valid ${what === 'kvk' ? 'KvK number' : 'vestigingsnummer'}: exactly ${n} digits` +
    (short ? ` (Excel drops leading zeros: format the column as Text and enter it again)` : ''),
  valCrebo: (v) => `${q(v)} is not a valid crebo code: 5 digits, e.g. 25491`,
  valNiveau: (v) => `${q(v)} is not a valid level: choose 1, 2, 3 or 4`,
  valLeerweg: (v) => `${q(v)} is not a valid leerweg: choose BOL or BBL`,
  valPostcode: (v) => `${q(v)} is not a valid postcode (expected 1234 AB)`,
  valEmail: (v) => `${q(v)} is not a valid e-mail address`,
  valJaNee: (v) => `${q(v)} is not a yes/no value (use ja or nee)`,
  valOneOf: (v, options) => `${q(v)} is not allowed; choose from ${options.join(', ')}`,
  personNeedsEmail: (naam) => `${q(naam)} has no e-mail address; the address identifies the person`,
  personNeedsName: (email) => `${q(email)} has no name`,
  endBeforeStart: (start) => `is before the start date ${start}`,
  bornAfterStart: () => `date of birth is not before the start date`,
  mustBePositive: () => `must be greater than 0`,
  hoursPerWeekRange: () => `must be greater than 0 and at most 60`,
  noBirthDate: () => `no date of birth: the rules for minors and the guardian's signature cannot be determined`,
  labelStudent: (nr) => `student ${nr}`,
  labelCompany: (kvk) => `company ${kvk}`,
  sharedConflict: (label, field, a, b, line) => `${label}: ${field} is ${q(b)}, on line ${line} ${q(a)}; the last value wins`,
  badEncodingFlag: (v) => `unknown encoding ${q(v)}; choose utf8 or windows-1252`,
  badDelimiterFlag: (v) => `unknown delimiter ${q(v)}; choose , ; or tab`,
  fileMissing: (f) => `file ${f} does not exist`,
  fileIsDir: (f) => `${f} is a directory, not a file`,
  fileEmpty: (f) => `${f} is empty: no header and no data`,
  fileNoRows: (f) => `${f} has only a header and no data rows`,
  fileNotCsv: (f) => `${f} is not a CSV file (it holds binary data; an .xlsx? Save it from Excel as CSV)`,
  fileBadUtf8: (f) => `${f} is not valid UTF-8; give the encoding with --encoding windows-1252`,
  fileMalformed: (f, line, why) => `${f} is not valid CSV near line ${line}: ${why}`,
  mapFlagSyntax: (f) => `--map ${q(f)}: use --map column=Header, e.g. --map email_praktijkopleider="Mail PO"`,
  mapFlagUnknownColumn: (c, known) => `--map: unknown column ${q(c)}; known columns: ${known.join(', ')}`,
  mapFlagHeaderNotFound: (h, found) => `--map: header ${q(h)} is not in the file; found: ${list(found)}`,
  missingColumns: (f, missing, found) =>
    `${f} lacks required columns: ${missing.map((m) => m.column + (m.suggestion ? ` (did you mean ${q(m.suggestion)}? use --map ${m.column}=${q(m.suggestion)})` : '')).join(', ')}.\n` +
    `Headers found: ${list(found)}.\nMap another header with --map column=Header.`,
  wholeRow: () => `(row)`,
  tooManyFields: (n, expected, d) => `${n} fields, the header has ${expected}; is there an unquoted ${d === '\t' ? 'tab' : d} in a value?`,
  duplicateKey: (earlier) => `already occurs on line ${earlier}; this row was skipped`,
  rowError: (line, column, message) => `line ${line}, column ${column}: ${message}`,
  rowWarning: (line, column, message) => `line ${line}, column ${column}: ${message}`,
  summaryLine: (s) => `${s.read} rows read: ${s.inserted} new, ${s.updated} changed, ${s.unchanged} unchanged, ${s.rejected} rejected`,
  summaryNothingChanged: () => `Nothing changed: the database already held this.`,
  summaryDryRun: () => `Dry run (--dry-run): nothing was saved.`,
  summaryStrict: (n) => `--strict: ${n} row(s) rejected, so nothing was saved.`,
  summaryUnknownColumns: (cols) => `Unknown columns ignored: ${list(cols)}`,
  summaryRejectFile: (f, n) => `${n} rejected row(s) written to ${f}; fix them and import that file again.`,
  summaryWarnings: (n) => `${n} warning(s):`,
  summaryMoreErrors: (n) => `… and ${n} more error(s); use --json or --reject-file for the full list.`,
  summaryMapUsed: (flags) => `Next time without questions: ${flags.map((f) => `--map ${f.replace(/=(.*)$/, '="$1"')}`).join(' ')}`,
  askMapping: (column) => `Which column of the file is ${q(column)}?`,
  askMappingSkip: () => `(none of these: stop)`,
  importKindUnknown: (k) => `unknown kind of import: ${k}`,
  placementNotFound: (id) => `placement ${q(id)} does not exist`,
  noPlacements: () => `No placements found.`,
  initCreated: (f) => `Database ${f} is ready (schema up to date).`,
  initExists: (f) => `Database ${f} already exists and is up to date.`,
  configSet: (k, old, v) => `${k} = ${v}${old !== null && old !== v ? ` (was ${old})` : ''}`,
  configNotSet: (k) => `${k} is not set`,
  backupWritten: (f) => `Backup written to ${f}`,
  backupExists: (f) => `${f} already exists; choose another path`,
  checkOk: () => `Database OK: integrity and foreign keys checked.`,
  checkFailed: (problems) => `Database has problems:\n${problems.join('\n')}`,
  usage: (why) => `${why}\nUse --help for help.`,
  unexpected: (why) => `Unexpected error: ${why}\nSet BPV_DEBUG=1 for details and report this.`,
  interrupted: () => `Interrupted; the database is unchanged.`,
};

export function msg(): Messages {
  return lang() === 'en' ? en : nl;
}
