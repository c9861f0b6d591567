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
  dbIsDirectory: (f: string) => `database ${f} is een map, geen bestand. Geef met --db of BPV_DB het pad van het databasebestand.`,
  dbEmptyFile: (f: string) => `database ${f} is een leeg bestand (0 bytes), geen bpv-database. Geef het juiste pad met --db of BPV_DB, of maak hem met \`bpv init\`.`,
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
  fromAfterTo: (from: string, to: string) => `--from ${from} ligt na --to ${to}: dat bereik is leeg`,
  endBeforeStart: (v: string, start: string) => `${q(v)} ligt vóór de startdatum ${start}`,
  bornAfterStart: (v: string) => `${q(v)} ligt niet vóór de startdatum`,
  mustBePositive: (v: string) => `${q(v)}: moet groter dan 0 zijn`,
  hoursPerWeekRange: (v: string) => `${q(v)}: moet groter dan 0 en hoogstens 60 zijn`,
  noBirthDate: () => `geen geboortedatum: de regels voor minderjarigen en de handtekening van de ouder kunnen niet worden bepaald`,
  noBirthDateColumn: () => `het bestand heeft geen kolom geboortedatum: voor geen van de plaatsingen kunnen de regels voor minderjarigen en de handtekening van de ouder worden bepaald`,
  labelStudent: (nr: string) => `student ${nr}`,
  labelCompany: (kvk: string) => `leerbedrijf ${kvk}`,
  sharedConflict: (label: string, field: string, a: string, b: string, line: number) =>
    `${label}: ${field} is ${q(b)}, op regel ${line} ${q(a)}; de laatste waarde geldt`,
  // files
  badEncodingFlag: (v: string) => `onbekende tekenset ${q(v)}; kies utf8 of windows-1252`,
  badDelimiterFlag: (v: string) => `onbekend scheidingsteken ${q(v)}; kies , ; of tab`,
  fileMissing: (f: string) => `bestand ${f} bestaat niet`,
  fileIsDir: (f: string) => `${f} is een map, geen bestand`,
  rejectFileIsInput: (f: string) => `--reject-file ${f} is het invoerbestand zelf: de afgekeurde regels zouden het overschrijven. Kies een ander pad.`,
  rejectFileUnwritable: (f: string, why: string) => `--reject-file ${f}: ${why}. Er is niets geïmporteerd.`,
  dirMissing: (d: string) => `map ${d} bestaat niet`,
  notWritable: (f: string) => `${f} is niet schrijfbaar`,
  fileEmpty: (f: string) => `${f} is leeg: geen kopregel en geen gegevens`,
  fileNoRows: (f: string) => `${f} heeft alleen een kopregel en geen gegevensregels`,
  fileNotCsv: (f: string) => `${f} is geen CSV-bestand (het bevat binaire gegevens; is het een .xlsx? Sla het in Excel op als 'CSV (puntkomma gescheiden)')`,
  fileBadUtf8: (f: string) => `${f} is geen geldige UTF-8; geef de tekenset op met --encoding windows-1252`,
  fileMixedEncoding: (f: string, line: number) =>
    `${f} is UTF-8, maar regel ${line} bevat een teken dat geen UTF-8 is (een stuk tekst uit een ander bestand?). Herstel die regel, of sla het bestand opnieuw op als UTF-8; was het hele bestand Windows-1252, geef dan --encoding windows-1252. Er is niets geïmporteerd.`,
  fileMalformed: (f: string, line: number, why: string) => `${f} is geen geldige CSV rond regel ${line}: ${why}`,
  quoteNotClosed: () => 'een veld in dit record begint met een aanhalingsteken (") dat tot het einde van het bestand niet wordt gesloten',
  recordTooLong: (quoted: boolean): string => quoted
    ? 'dit record is na een miljoen tekens nog niet af; meestal begint een veld erin met een aanhalingsteken (") dat niet wordt gesloten'
    : 'deze regel is na een miljoen tekens nog niet af, zonder aanhalingstekens: ontbreken de regeleinden, of is dit een ander soort bestand?',
  mapFlagSyntax: (f: string) => `--map ${q(f)}: gebruik --map kolom=Kopregel, bv. --map email_praktijkopleider="Mail PO"`,
  mapFlagUnknownColumn: (c: string, known: readonly string[]) => `--map: onbekende kolom ${q(c)}; bekende kolommen: ${known.join(', ')}`,
  headerTwice: (column: string, headers: readonly (readonly [string, number])[]) =>
    `kolom ${column} staat er ${headers.length} keer in: ${headers.map(([h, n]) => `"${h}" (kolom ${n})`).join(' en ')}. Laat er één staan of geef de andere een eigen naam.`,
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
  summaryRecordsChanged: (n: number) =>
    `Ook bijgewerkt: ${n} al bekende student(en), leerbedrijf/leerbedrijven of begeleider(s), door regels die als nieuw zijn geteld (oude en nieuwe waarden staan in de audit-log).`,
  summaryDryRun: () => `Proefrun (--dry-run): er is niets opgeslagen.`,
  summaryStrict: (n: number) => `--strict: ${n} regel(s) afgekeurd, daarom is er niets opgeslagen.`,
  summaryUnknownColumns: (cols: readonly string[]) => `Onbekende kolommen genegeerd: ${list(cols)}`,
  summaryRejectFile: (f: string, n: number) => `${n} afgekeurde regel(s) staan in ${f}; verbeter ze en importeer dat bestand opnieuw.`,
  summaryWarnings: (n: number) => `${n} waarschuwing(en):`,
  summaryMoreErrors: (n: number) => `… en nog ${n} fout(en); gebruik --json of --reject-file voor de volledige lijst.`,
  summaryMapUsed: (flags: readonly string[]) => `Volgende keer zonder vragen: ${flags.map((f) => `--map ${f.replace(/=(.*)$/, '="$1"')}`).join(' ')}`,
  askMapping: (column: string) => `Welke kolom in het bestand is ${q(column)}?`,
  askMappingSkip: () => `(geen van deze: stoppen)`,
  or: () => ` of `,
  tsNeedsPlacementOrStudent: () => `plaatsing_id of studentnummer is nodig om de plaatsing te vinden`,
  tsHoursRange: (v: string) => `${q(v)}: uren moeten tussen 0 en 24 liggen`,
  tsApprovedNeedsDate: () => `status goedgekeurd zonder goedgekeurd_op: vul de datum van het akkoord in`,
  tsStudentMismatch: (nr: string, id: string, actual: string) => `student ${nr} hoort niet bij plaatsing ${id} (die is van ${actual})`,
  placementOtherStudent: (id: string, actual: string, nr: string) =>
    `plaatsing ${id} is van student ${actual}, niet van ${nr}; een plaatsing wisselt niet van student (uren en POK horen erbij): controleer plaatsing_id`,
  tsNoPlacement: (nr: string, datum: string, all: readonly string[]) =>
    `student ${nr} heeft op ${datum} geen plaatsing` + (all.length ? `; plaatsingen: ${all.join(', ')}` : ' (geen enkele plaatsing bekend)'),
  tsSeveralPlacements: (nr: string, datum: string, hits: readonly string[]) =>
    `student ${nr} heeft op ${datum} meerdere plaatsingen: ${hits.join(', ')}; geef plaatsing_id op`,
  holidayEndBeforeBegin: (v: string, begin: string) => `${q(v)} ligt vóór begin ${begin}`,
  recognitionEndBeforeStart: (v: string, start: string) => `${q(v)} ligt vóór erkend_vanaf ${start}`,
  importKindUnknown: (k: string) => `onbekende soort import: ${k}`,
  // placements
  placementNotFound: (id: string) => `plaatsing ${q(id)} bestaat niet`,
  noPlacements: () => `Geen plaatsingen gevonden.`,
  badWeek: (w: string) => `${q(w)} is geen geldige ISO-week; schrijf bv. 2026-W47`,
  approvalTooLate: (id: string, end: string, last: string) =>
    `akkoord voor ${id} kan niet meer: de plaatsing eindigde op ${end}, akkoord kon tot en met ${last} (regel akkoord-verlopen)`,
  weekEmpty: (id: string, w: string) => `${id} heeft geen uren in ${w}; er is niets gewijzigd`,
  approved: (id: string, w: string, n: number, already: number) =>
    `${id}, ${w}: ${n} urenregel(s) goedgekeurd${already ? `, ${already} waren al goedgekeurd` : ''}`,
  correctionAsked: (id: string, w: string, n: number, withdrawn: number) =>
    `${id}, ${w}: correctie gevraagd voor ${n} urenregel(s)${withdrawn ? `; ${withdrawn} akkoord(en) daarmee ingetrokken` : ''}`,
  demoNotDir: (dir: string) => `${dir} is een bestand, geen map: geef bpv demo een map (standaard ./bpv-demo)`,
  demoCannotMake: (dir: string, code: string) => `map ${dir} kan niet worden gemaakt (${code}): geef bpv demo een map waarin u mag schrijven`,
  approvalBeforeHours: (on: string, after: string) =>
    `--on ${on} ligt vóór de uren die het goedkeurt (gewerkt of ingediend tot en met ${after}). Een akkoord komt na het werk en na het indienen.`,
  approvalInFuture: (d: string) => `een akkoord kan niet in de toekomst liggen (${d})`,
  pokSignedOutdated: (id: string) =>
    `let op: de gegevens van ${id} zijn gewijzigd sinds deze POK-versie; genereer een nieuwe versie (bpv pok generate ${id}), want handtekeningen op deze versie tellen dan niet meer`,
  singleColumnHeader: (f: string, header: string) =>
    `${f}: de kopregel is één kolom (${q(header.length > 60 ? header.slice(0, 60) + '…' : header)}); klopt het scheidingsteken? Probeer --delimiter ';' of --delimiter ','`,
  summaryMoreWarnings: (n: number) => `… en nog ${n} waarschuwing(en); --json geeft ze allemaal.`,
  valNegative: (v: string) => `${q(v)} is negatief; hier hoort een getal van 0 of meer`,
  endBeforePlacementStart: (d: string, start: string) => `einddatum ${d} ligt vóór de start van de plaatsing (${start})`,
  endAfterPlacementEnd: (d: string, end: string) => `${d} ligt na de afgesproken einddatum ${end}; voortijdig beëindigen kan alleen daarvoor`,
  ended: (id: string, d: string, reason: string) => `${id} beëindigd per ${d} (${reason})`,
  weekOrDay: () => `geef --week JJJJ-Www of --day DATUM (precies één van beide)`,
  studentNotFound: (nr: string) => `student ${q(nr)} bestaat niet`,
  purged: (r: { placements: number; students: number; persons: number; timesheets: number; pok_versions: number }, dry: boolean) =>
    `${dry ? 'Proefrun: zou verwijderen' : 'Verwijderd'}: ${r.placements} plaatsing(en), ${r.students} student(en), ${r.persons} contactperso(o)n(en), ${r.timesheets} urenregel(s), ${r.pok_versions} POK-versie(s).`,
  pokNothingToGenerate: () => `geef plaatsing_id's, of --all voor elke plaatsing waarvan de POK ontbreekt of verouderd is`,
  pokAllOrIds: () => `geef plaatsing_id's of --all, niet beide`,
  pokWritten: (id: string, v: number, same: boolean, files: readonly string[]) =>
    `${id}: versie ${v}${same ? ' (ongewijzigd)' : ''} → ${files.join(', ')}`,
  pokSummary: (c: { generated: number; unchanged: number; refused: number }, out: string) =>
    `POK's: ${c.generated} nieuw of bijgewerkt, ${c.unchanged} ongewijzigd, ${c.refused} niet gemaakt; bestanden in ${out}`,
  pokSigned: (id: string, v: number, party: string, date: string, full: string | null) =>
    `${id}, versie ${v}: handtekening ${party} vastgelegd (${date})${full ? `; volledig getekend sinds ${full}` : ''}`,
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
  interrupted: () => `Afgebroken. Een import die nog niet klaar was, is niet opgeslagen: alles of niets.`,
  pokInterrupted: () => `Afgebroken. De POK's die al geschreven waren, zijn heel; de rest is niet gemaakt.`,
};

export type Messages = typeof nl;

const en: Messages = {
  dbMissing: (f) => `database ${f} does not exist. Create it with \`bpv init\` or give the right path with --db or BPV_DB.`,
  dbDirMissing: (d) => `directory ${d} does not exist; cannot create the database there.`,
  dbOpenFailed: (f, why) => `cannot open database ${f}: ${why}`,
  dbIsDirectory: (f) => `database ${f} is a directory, not a file. Give the path of the database file with --db or BPV_DB.`,
  dbEmptyFile: (f) => `database ${f} is an empty file (0 bytes), not a bpv database. Give the right path with --db or BPV_DB, or create it with \`bpv init\`.`,
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
  fromAfterTo: (from, to) => `--from ${from} is after --to ${to}: that range is empty`,
  endBeforeStart: (v, start) => `${q(v)} is before the start date ${start}`,
  bornAfterStart: (v) => `${q(v)} is not before the start date`,
  mustBePositive: (v) => `${q(v)}: must be greater than 0`,
  hoursPerWeekRange: (v) => `${q(v)}: must be greater than 0 and at most 60`,
  noBirthDate: () => `no date of birth: the rules for minors and the guardian's signature cannot be determined`,
  noBirthDateColumn: () => `the file has no geboortedatum column: for none of the placements can the rules for minors and the guardian's signature be determined`,
  labelStudent: (nr) => `student ${nr}`,
  labelCompany: (kvk) => `company ${kvk}`,
  sharedConflict: (label, field, a, b, line) => `${label}: ${field} is ${q(b)}, on line ${line} ${q(a)}; the last value wins`,
  badEncodingFlag: (v) => `unknown encoding ${q(v)}; choose utf8 or windows-1252`,
  badDelimiterFlag: (v) => `unknown delimiter ${q(v)}; choose , ; or tab`,
  fileMissing: (f) => `file ${f} does not exist`,
  fileIsDir: (f) => `${f} is a directory, not a file`,
  rejectFileIsInput: (f) => `--reject-file ${f} is the input file itself: the rejected rows would overwrite it. Choose another path.`,
  rejectFileUnwritable: (f, why) => `--reject-file ${f}: ${why}. Nothing was imported.`,
  dirMissing: (d) => `directory ${d} does not exist`,
  notWritable: (f) => `${f} is not writable`,
  fileEmpty: (f) => `${f} is empty: no header and no data`,
  fileNoRows: (f) => `${f} has only a header and no data rows`,
  fileNotCsv: (f) => `${f} is not a CSV file (it holds binary data; an .xlsx? Save it from Excel as CSV)`,
  fileBadUtf8: (f) => `${f} is not valid UTF-8; give the encoding with --encoding windows-1252`,
  fileMixedEncoding: (f, line) =>
    `${f} is UTF-8, but line ${line} holds a character that is not UTF-8 (text from another file?). Fix that line, or save the file as UTF-8 again; if the whole file was Windows-1252, give --encoding windows-1252. Nothing was imported.`,
  fileMalformed: (f, line, why) => `${f} is not valid CSV near line ${line}: ${why}`,
  quoteNotClosed: () => 'a field in this record opens a quote (") that is not closed before the end of the file',
  recordTooLong: (quoted) => quoted
    ? 'this record has not ended after a million characters; usually a field in it opens a quote (") that is never closed'
    : 'this line has not ended after a million characters, without quotes: are the line breaks missing, or is this another kind of file?',
  mapFlagSyntax: (f) => `--map ${q(f)}: use --map column=Header, e.g. --map email_praktijkopleider="Mail PO"`,
  mapFlagUnknownColumn: (c, known) => `--map: unknown column ${q(c)}; known columns: ${known.join(', ')}`,
  headerTwice: (column, headers) =>
    `column ${column} is in the file ${headers.length} times: ${headers.map(([h, n]) => `"${h}" (column ${n})`).join(' and ')}. Keep one, or give the others a name of their own.`,
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
  summaryRecordsChanged: (n) => `Also updated: ${n} known student(s), company/companies or supervisor(s), by rows counted as new (old and new values are in the audit log).`,
  summaryDryRun: () => `Dry run (--dry-run): nothing was saved.`,
  summaryStrict: (n) => `--strict: ${n} row(s) rejected, so nothing was saved.`,
  summaryUnknownColumns: (cols) => `Unknown columns ignored: ${list(cols)}`,
  summaryRejectFile: (f, n) => `${n} rejected row(s) written to ${f}; fix them and import that file again.`,
  summaryWarnings: (n) => `${n} warning(s):`,
  summaryMoreErrors: (n) => `… and ${n} more error(s); use --json or --reject-file for the full list.`,
  summaryMapUsed: (flags) => `Next time without questions: ${flags.map((f) => `--map ${f.replace(/=(.*)$/, '="$1"')}`).join(' ')}`,
  askMapping: (column) => `Which column of the file is ${q(column)}?`,
  askMappingSkip: () => `(none of these: stop)`,
  or: () => ` or `,
  tsNeedsPlacementOrStudent: () => `plaatsing_id or studentnummer is needed to find the placement`,
  tsHoursRange: (v) => `${q(v)}: hours must be between 0 and 24`,
  tsApprovedNeedsDate: () => `status goedgekeurd without goedgekeurd_op: fill in the approval date`,
  tsStudentMismatch: (nr, id, actual) => `student ${nr} does not belong to placement ${id} (it is ${actual}'s)`,
  placementOtherStudent: (id, actual, nr) =>
    `placement ${id} belongs to student ${actual}, not ${nr}; a placement does not change students (its hours and POK belong to it): check plaatsing_id`,
  tsNoPlacement: (nr, datum, all) => `student ${nr} has no placement on ${datum}` + (all.length ? `; placements: ${all.join(', ')}` : ' (no placement known at all)'),
  tsSeveralPlacements: (nr, datum, hits) => `student ${nr} has several placements on ${datum}: ${hits.join(', ')}; give plaatsing_id`,
  holidayEndBeforeBegin: (v, begin) => `${q(v)} is before begin ${begin}`,
  recognitionEndBeforeStart: (v, start) => `${q(v)} is before erkend_vanaf ${start}`,
  importKindUnknown: (k) => `unknown kind of import: ${k}`,
  placementNotFound: (id) => `placement ${q(id)} does not exist`,
  noPlacements: () => `No placements found.`,
  badWeek: (w) => `${q(w)} is not a valid ISO week; write e.g. 2026-W47`,
  approvalTooLate: (id, end, last) => `approval for ${id} is no longer possible: the placement ended on ${end}, approval was possible up to ${last} (rule akkoord-verlopen)`,
  weekEmpty: (id, w) => `${id} has no hours in ${w}; nothing changed`,
  approved: (id, w, n, already) => `${id}, ${w}: ${n} entr(y/ies) approved${already ? `, ${already} already were` : ''}`,
  correctionAsked: (id, w, n, withdrawn) => `${id}, ${w}: correction asked for ${n} entr(y/ies)${withdrawn ? `; ${withdrawn} approval(s) withdrawn` : ''}`,
  demoNotDir: (dir) => `${dir} is a file, not a directory: give bpv demo a directory (default ./bpv-demo)`,
  demoCannotMake: (dir, code) => `cannot make directory ${dir} (${code}): give bpv demo a directory you may write in`,
  approvalBeforeHours: (on, after) =>
    `--on ${on} is before the hours it approves (worked or submitted up to ${after}). An approval comes after the work and after its submission.`,
  approvalInFuture: (d) => `an approval cannot lie in the future (${d})`,
  pokSignedOutdated: (id) => `note: ${id}'s data changed since this POK version; generate a new version (bpv pok generate ${id}); signatures on this version will then no longer count`,
  singleColumnHeader: (f, header) => `${f}: the header is a single column (${q(header.length > 60 ? header.slice(0, 60) + '…' : header)}); is the delimiter right? Try --delimiter ';' or --delimiter ','`,
  summaryMoreWarnings: (n) => `… and ${n} more warning(s); --json gives them all.`,
  valNegative: (v) => `${q(v)} is negative; a number of 0 or more belongs here`,
  endBeforePlacementStart: (d, start) => `end date ${d} is before the placement's start (${start})`,
  endAfterPlacementEnd: (d, end) => `${d} is after the agreed end date ${end}; ending early is only possible before it`,
  ended: (id, d, reason) => `${id} ended on ${d} (${reason})`,
  weekOrDay: () => `give --week YYYY-Www or --day DATE (exactly one)`,
  studentNotFound: (nr) => `student ${q(nr)} does not exist`,
  purged: (r, dry) => `${dry ? 'Dry run: would remove' : 'Removed'}: ${r.placements} placement(s), ${r.students} student(s), ${r.persons} contact(s), ${r.timesheets} timesheet entr(y/ies), ${r.pok_versions} POK version(s).`,
  pokNothingToGenerate: () => `give plaatsing_ids, or --all for every placement whose POK is missing or outdated`,
  pokAllOrIds: () => `give plaatsing_ids or --all, not both`,
  pokWritten: (id, v, same, files) => `${id}: version ${v}${same ? ' (unchanged)' : ''} → ${files.join(', ')}`,
  pokSummary: (c, out) => `POKs: ${c.generated} new or updated, ${c.unchanged} unchanged, ${c.refused} not generated; files in ${out}`,
  pokSigned: (id, v, party, date, full) => `${id}, version ${v}: signature of ${party} recorded (${date})${full ? `; fully signed since ${full}` : ''}`,
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
  interrupted: () => `Interrupted. An import that had not finished was not saved: all or nothing.`,
  pokInterrupted: () => `Interrupted. The POKs already written are whole; the rest were not made.`,
};

export function msg(): Messages {
  return lang() === 'en' ? en : nl;
}
