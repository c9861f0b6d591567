// The monthly report's words: actions for the praktijkopleider, the PDF's labels, the command's
// messages. Dutch by default, English with --lang en; keys shared so a missing translation is a
// type error. Dates and numbers come in already formatted for the language.
import { lang, type Lang } from './lang.js';

const q = (v: string) => `"${v}"`;

/** why a file in --out could not be written, for people */
export type WriteRefusal = 'notDir' | 'isDir' | 'denied' | 'readOnly' | 'full';

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "week 45" lists: `2026-W45` → `45`, joined the way the language joins a list. */
function weekList(weeks: readonly string[], and: string): string {
  const n = weeks.map((w) => String(Number(w.slice(6))));
  return n.length <= 1 ? n.join('') : `${n.slice(0, -1).join(', ')} ${and} ${n[n.length - 1]}`;
}

const nl = {
  badMonth: (v: string) => `--month: ${q(v)} is geen geldige maand; schrijf JJJJ-MM (1900-01 tot en met 2199-12), bijvoorbeeld 2026-11`,
  noMonth: () => 'welke maand? geef --month JJJJ-MM, bijvoorbeeld --month 2026-11',
  unknownPo: (emails: readonly string[]) =>
    `${emails.map(q).join(', ')} ${emails.length === 1 ? 'is' : 'zijn'} geen praktijkopleider van een plaatsing; controleer het e-mailadres (bpv placements list toont ze)`,
  monthName: (year: number, month: number) => `${MAANDEN[month - 1]} ${year}`,
  // actions: what the praktijkopleider should do
  actApprove: (weeks: readonly string[]) =>
    `Uren goedkeuren van week ${weekList(weeks, 'en')} (${weeks.join(', ')}): de student heeft ze ingediend en wacht op akkoord`,
  actCorrection: (weeks: readonly string[]) =>
    `Correctie open in week ${weekList(weeks, 'en')} (${weeks.join(', ')}): bespreek de uren met de student en keur ze goed zodra ze zijn aangepast`,
  actFinal: (end: string, past: boolean) => `Eindbeoordeling plannen: de BPV ${past ? 'eindigde' : 'eindigt'} op ${end}`,
  actFinalBroken: (end: string, reden: string) => `Eindbeoordeling plannen: de BPV is voortijdig beëindigd op ${end} (${reden})`,
  // week status as people read it
  status: { correctie: 'correctie', concept: 'concept', 'wacht-op-akkoord': 'wacht op akkoord', goedgekeurd: 'goedgekeurd', leeg: 'geen uren' },
  pok: { ontbreekt: 'ontbreekt', ongetekend: 'nog niet getekend', getekend: 'getekend', verouderd: 'verouderd (opnieuw tekenen)' },
  reden: { overmacht: 'overmacht', functioneren: 'functioneren', anders: 'andere reden' } as Record<string, string>,
  // the command's summary
  written: (n: number, format: string, dir: string) => `${n} maandrapportage(s) (${format}) geschreven in ${dir}, met index.csv voor de mailing`,
  nothing: (month: string, dir: string) => `Geen plaatsingen in ${month}: er is geen rapportage geschreven; index.csv in ${dir} is leeg.`,
  jsonIgnoresOut: (dir: string) => `--out ${dir} geldt niet voor --format json: de JSON gaat naar stdout (schrijf hem met > bestand.json)`,
  cannotWrite: (dir: string, file: string, why: WriteRefusal, code: string) => `--out ${dir}: ${file} ${{
    notDir: 'is een bestand, geen map; kies met --out een map',
    isDir: 'is een map, geen bestand; verplaats of hernoem die map',
    denied: 'mag niet beschreven worden; kies een map waarin u mag schrijven',
    readOnly: 'staat op een schijf die alleen gelezen kan worden',
    full: 'past niet: de schijf is vol',
  }[why]} (${code})`,
  progress: (i: number, n: number) => `rapportage ${i} van ${n}`,
  noPlacementsFor: (email: string, month: string) => `${email} heeft in ${month} geen lopende plaatsingen; de rapportage meldt dat.`,
  // PDF
  pdf: {
    title: 'Maandoverzicht BPV',
    subtitle: (naam: string, bedrijven: string | null) => (bedrijven ? `Voor ${naam} · praktijkopleider bij ${bedrijven}` : `Voor ${naam} · praktijkopleider`),
    month: 'Maand',
    asOf: 'Peildatum',
    students: 'Studenten',
    actionsHeading: 'Te doen deze maand',
    quietMonth: 'Niets te doen: alle uren van deze maand zijn goedgekeurd en er eindigt geen BPV.',
    quietMonthWithFindings: 'Geen weken om goed te keuren en geen BPV die binnenkort eindigt. Lees wel de meldingen bij uw studenten hieronder.',
    noStudents: 'U heeft deze maand geen studenten met een lopende BPV.',
    studentnummer: 'studentnummer',
    continued: (naam: string) => `${naam} (vervolg)`,
    opleiding: 'Opleiding',
    periode: 'Periode',
    pok: 'POK',
    agreed: (h: string) => `${h} uur per week afgesproken`,
    until: 't/m',
    brokenOff: (d: string, reden: string) => `voortijdig beëindigd op ${d} (${reden})`,
    cols: { week: 'Week', dagen: 'Dagen', gewerkt: 'Gewerkt', ziek: 'Ziek', afwezig: 'Afwezig', verlof: 'Verlof', status: 'Status' },
    total: (maand: string) => `Totaal ${maand}`,
    progress: (upto: string) => `Goedgekeurde uren tot en met ${upto}`,
    progressOf: (done: string, total: string, pct: string) => `${done} van ${total} uur (${pct}%)`,
    findings: 'Meldingen uit de controle van de urenregistratie',
    noFindings: 'Geen meldingen.',
    actions: 'Te doen',
    severity: { error: 'fout', warning: 'let op', info: 'info' },
    footer: (maand: string, naam: string) => `Maandoverzicht ${maand} · ${naam}`,
    page: (i: number, n: number) => `pagina ${i} van ${n}`,
    hours: 'uur',
    contact: (wie: string) => `Vragen over dit overzicht? Neem contact op met ${wie}.`,
  },
};

export type ReportMessages = typeof nl;

const en: ReportMessages = {
  badMonth: (v) => `--month: ${q(v)} is not a valid month; write YYYY-MM (1900-01 to 2199-12), for example 2026-11`,
  noMonth: () => 'which month? give --month YYYY-MM, for example --month 2026-11',
  unknownPo: (emails) =>
    `${emails.map(q).join(', ')} ${emails.length === 1 ? 'is' : 'are'} not the praktijkopleider of any placement; check the e-mail address (bpv placements list shows them)`,
  monthName: (year, month) => `${MONTHS[month - 1]} ${year}`,
  actApprove: (weeks) => `Approve the hours of week ${weekList(weeks, 'and')} (${weeks.join(', ')}): submitted by the student, waiting for approval`,
  actCorrection: (weeks) =>
    `Correction open in week ${weekList(weeks, 'and')} (${weeks.join(', ')}): discuss the hours with the student and approve them once corrected`,
  actFinal: (end, past) => `Plan the final assessment: the BPV ${past ? 'ended' : 'ends'} on ${end}`,
  actFinalBroken: (end, reden) => `Plan the final assessment: the BPV was broken off on ${end} (${reden})`,
  status: { correctie: 'correction', concept: 'draft', 'wacht-op-akkoord': 'awaiting approval', goedgekeurd: 'approved', leeg: 'no hours' },
  pok: { ontbreekt: 'missing', ongetekend: 'not signed yet', getekend: 'signed', verouderd: 'outdated (sign again)' },
  reden: { overmacht: 'force majeure', functioneren: 'performance', anders: 'other reason' },
  written: (n, format, dir) => `${n} monthly report(s) (${format}) written to ${dir}, with index.csv for the mail merge`,
  nothing: (month, dir) => `No placements in ${month}: no report written; index.csv in ${dir} is empty.`,
  jsonIgnoresOut: (dir) => `--out ${dir} does not apply to --format json: the JSON goes to stdout (write it with > file.json)`,
  cannotWrite: (dir, file, why, code) => `--out ${dir}: ${file} ${{
    notDir: 'is a file, not a directory; choose a directory with --out',
    isDir: 'is a directory, not a file; move or rename that directory',
    denied: 'may not be written; choose a directory you may write to',
    readOnly: 'is on a read-only disk',
    full: 'does not fit: the disk is full',
  }[why]} (${code})`,
  progress: (i, n) => `report ${i} of ${n}`,
  noPlacementsFor: (email, month) => `${email} has no running placements in ${month}; the report says so.`,
  pdf: {
    title: 'Monthly BPV overview',
    subtitle: (naam, bedrijven) => (bedrijven ? `For ${naam} · praktijkopleider at ${bedrijven}` : `For ${naam} · praktijkopleider`),
    month: 'Month',
    asOf: 'As of',
    students: 'Students',
    actionsHeading: 'To do this month',
    quietMonth: 'Nothing to do: every hour of this month is approved and no BPV ends.',
    quietMonthWithFindings: 'No weeks to approve and no BPV ending soon. Do read the findings for your students below.',
    noStudents: 'You have no students with a running BPV this month.',
    studentnummer: 'student number',
    continued: (naam: string) => `${naam} (continued)`,
    opleiding: 'Programme',
    periode: 'Period',
    pok: 'POK',
    agreed: (h) => `${h} hours a week agreed`,
    until: 'to',
    brokenOff: (d, reden) => `broken off on ${d} (${reden})`,
    cols: { week: 'Week', dagen: 'Days', gewerkt: 'Worked', ziek: 'Sick', afwezig: 'Absent', verlof: 'Leave', status: 'Status' },
    total: (maand) => `Total ${maand}`,
    progress: (upto) => `Approved hours up to ${upto}`,
    progressOf: (done, total, pct) => `${done} of ${total} hours (${pct}%)`,
    findings: 'Findings of the timesheet check',
    noFindings: 'No findings.',
    actions: 'To do',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    footer: (maand, naam) => `Monthly overview ${maand} · ${naam}`,
    page: (i, n) => `page ${i} of ${n}`,
    hours: 'hours',
    contact: (wie) => `Questions about this overview? Contact ${wie}.`,
  },
};

export function reportMsg(l: Lang = lang()): ReportMessages {
  return l === 'en' ? en : nl;
}
