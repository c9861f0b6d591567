// bpv report monthly without the CLI (SPEC §6): per praktijkopleider, their placements whose
// period overlaps the month, with the month's hours per ISO week, the approved hours so far,
// the validator's findings and what the praktijkopleider should do. Returns data; printing and
// files are the renderers' business.

import type { Db } from '../db/open.js';
import { SOORTEN, type Finding, type IsoDate } from '../domain/types.js';
import { fmtDate, lang, type Lang } from '../i18n/lang.js';
import { reportMsg } from '../i18n/report.js';
import { isoWeek, isoWeekOfMonday, mondayOf, toDay, toIso } from '../rules/dates.js';
import { UNITS_PER_HOUR, toUnits } from '../rules/hours.js';
import { APPROVAL_DAYS } from '../rules/akkoord-verlopen.js';
import type { ReportMonth } from './month.js';
import { WEEK_STATUSES, type Hours, type PoReport, type ReportPlacement, type ReportWeek, type WeekStatus } from './model.js';
import { pokLookup as defaultPokLookup, type PokLookup } from './pok.js';
import { MONTH_ROW, companyNames, personNames, readHours, readOpenOutside, readPlacements, type PlacementRow, type ReportHours } from './queries.js';

export interface MonthlyOptions {
  month: ReportMonth;
  /** --praktijkopleider (e-mail addresses); omitted: everyone with a placement in the month */
  praktijkopleiders?: readonly string[];
  /** every rule that depends on "now" and the actions' tense use this date */
  asOf: IsoDate;
  /**
   * The validator's findings for these placements (any order of placements; the report keeps
   * the validator's order within one). Omitted: the report has no findings (the CSV has none).
   */
  findings?: (plaatsingIds: string[]) => readonly Finding[];
  /**
   * The POK state of the placements: omitted, the POK module's; `false`, none (the CSV, which
   * has no POK column, skips the POK module's pass over every placement's data).
   */
  pok?: ((db: Db, plaatsingIds: string[]) => PokLookup) | false;
  /**
   * Every placement's hours read elsewhere (the report's second thread, with its own
   * connection), or null when that failed. Used only for all praktijkopleiders.
   */
  hours?: (month: ReportMonth) => Promise<ReportHours | null>;
  /** whose reports will come (by e-mail, in their order), told while the hours are read elsewhere */
  announce?: (emails: readonly string[]) => void;
  /** the language of the actions; default the run's (--lang) */
  lang?: Lang;
  /**
   * Whether the actions name weeks outside the month still waiting for approval or a correction
   * (default true): a week submitted in October and never approved is still to do in November,
   * and the week of 30 November has a correction open when its 2 December entry was sent back.
   * The CSV, which has no actions, skips reading them.
   */
  openOutside?: boolean;
}

/** per placement row id: weeks with entries outside the month still open, by what they wait for */
type OpenWeeks = Map<number, { waiting: Set<string>; corrections: Set<string> }>;


/** How many days after the month's last day an ending BPV asks for the final assessment. */
const FINAL_ASSESSMENT_DAYS = 30;

// Exact: hours are kept to 1/10000 (7,3333). Rounded to hundredths, a week of three days of
// 0,3333 showed 1 and the month's total of 1,0099 showed 1,01: not the sum of its weeks, nor
// what `hours list` gives. One division of an integer gives the double nearest that decimal,
// which prints as it.
const hours = (units: number): number => units / UNITS_PER_HOUR;

/** placement row id → position in `rows` */
function positions(rows: readonly PlacementRow[]): Map<number, number> {
  const rowOf = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) rowOf.set(rows[i]!.id, i);
  return rowOf;
}

/** A month touches at most six weeks (31 days from a Sunday: one day, four weeks, two days). */
const WEEKS = 6;

/**
 * Each placement's hours, by its position in the report's rows: typed arrays rather than an
 * object and an array for each of 50,000 placements, made just when the building starts and
 * all of it for the garbage collector to carry through it.
 */
class HoursIndex {
  /** approved worked hours (units) from startdatum up to the month's end or the effective end */
  private readonly approvedUnits: Float64Array;
  /** per row and week (WEEKS slots a row, by week index in the month: 0 = the week of its first day), the units of each soort */
  private readonly units: Float64Array;
  /** per row and week, the lowest status rank of its entries; -1: no entries that week */
  private readonly ranks: Int8Array;
  /** per row and week, 1 when an entry waits for approval (`ingediend`) */
  private readonly waiting: Uint8Array;

  /** `rowOf`: placement row id → position in the report's rows */
  constructor(rowOf: ReadonlyMap<number, number>, { month, before }: ReportHours) {
    this.approvedUnits = new Float64Array(rowOf.size);
    this.units = new Float64Array(rowOf.size * WEEKS * SOORTEN.length);
    this.ranks = new Int8Array(rowOf.size * WEEKS).fill(-1);
    this.waiting = new Uint8Array(rowOf.size * WEEKS);
    for (let i = 0; i < before.length; i += 2) {
      const row = rowOf.get(before[i]!);
      if (row !== undefined) this.approvedUnits[row] += before[i + 1]!;
    }
    // MonthRow: placement id, week, soort, units, rank, approved units, waiting
    for (let at = 0; at < month.length; at += MONTH_ROW) {
      const row = rowOf.get(month[at]!);
      const wk = month[at + 1]!;
      if (row === undefined || wk < 0 || wk >= WEEKS) continue;
      const slot = row * WEEKS + wk;
      const soort = month[at + 2]!;
      this.units[slot * SOORTEN.length + soort] += month[at + 3]!;
      const rank = month[at + 4]!;
      if (this.ranks[slot]! < 0 || rank < this.ranks[slot]!) this.ranks[slot] = rank;
      if (month[at + 6] === 1) this.waiting[slot] = 1;
      if (soort === 0) this.approvedUnits[row] += month[at + 5]!;
    }
  }

  approved(row: number): number {
    return this.approvedUnits[row]!;
  }

  /** this row's slot for week `wk`, or -1 when it has no entries then */
  week(row: number, wk: number): number {
    if (wk < 0 || wk >= WEEKS) return -1;
    const slot = row * WEEKS + wk;
    return this.ranks[slot]! < 0 ? -1 : slot;
  }

  /** units of the soort at SOORTEN[i] in a week's slot */
  weekUnits(slot: number, i: number): number {
    return this.units[slot * SOORTEN.length + i]!;
  }

  /** the week's status: the least advanced of its entries */
  status(slot: number): WeekStatus {
    return WEEK_STATUSES[this.ranks[slot]!]!;
  }

  /** whether an entry of the week waits for approval, whatever the others */
  isWaiting(slot: number): boolean {
    return this.waiting[slot] === 1;
  }
}

// A month has at most 31 days: format each once, not twice for every placement-week.
const isoCache = new Map<number, string>();
function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = toIso(day)));
  return s;
}

/** `waiting`: the weeks with an entry to approve (a week with one still `concept` too) */
function weeksOf(p: PlacementRow, row: number, month: ReportMonth, index: HoursIndex): { weeks: ReportWeek[]; totals: Hours; waiting: string[] } {
  const lo = Math.max(month.first, toDay(p.startdatum));
  const hi = Math.min(month.last, toDay(p.eind));
  const weeks: ReportWeek[] = [];
  const waiting: string[] = [];
  const units = [0, 0, 0, 0];
  for (let monday = mondayOf(lo); monday <= hi; monday += 7) {
    const slot = index.week(row, (monday - month.firstMonday) / 7);
    // gewerkt, ziek, afwezig, verlof: SOORTEN's order
    const v = (i: number) => (slot < 0 ? 0 : index.weekUnits(slot, i));
    for (let i = 0; i < 4; i++) units[i] += v(i);
    const week = isoWeekOfMonday(monday);
    if (slot >= 0 && index.isWaiting(slot)) waiting.push(week);
    weeks.push({
      week,
      van: iso(Math.max(monday, lo)),
      tot: iso(Math.min(monday + 6, hi)),
      gewerkt: hours(v(0)),
      ziek: hours(v(1)),
      afwezig: hours(v(2)),
      verlof: hours(v(3)),
      status: slot < 0 ? 'leeg' : index.status(slot),
    });
  }
  return { weeks, waiting, totals: { gewerkt: hours(units[0]), ziek: hours(units[1]), afwezig: hours(units[2]), verlof: hours(units[3]) } };
}

function actionsFor(p: PlacementRow, weeks: readonly ReportWeek[], waitingWeeks: readonly string[], month: ReportMonth, asOf: IsoDate, l: Lang, open: OpenWeeks): string[] {
  const m = reportMsg(l);
  const actions: string[] = [];
  // Only while the hours can still be approved: after that the report would send the
  // praktijkopleider to do what `hours approve` refuses (the akkoord-verlopen finding says so).
  // Earlier weeks too; a week across the month's start or end is named once: its days inside
  // the month are in `weeks`, the others come from `open`.
  const approvable = toDay(asOf) <= toDay(p.eind) + APPROVAL_DAYS;
  const outside = open.get(p.id);
  const all = (elsewhere: Set<string> | undefined, inMonth: readonly string[]) =>
    approvable ? [...new Set([...(elsewhere ?? []), ...inMonth])].sort() : [];
  const corrections = all(outside?.corrections, weeks.filter((w) => w.status === 'correctie').map((w) => w.week));
  // a week with a correction open is not also to approve; one with an entry still `concept` is:
  // what was submitted waits for the praktijkopleider, as akkoord-te-laat says
  const waiting = all(outside?.waiting, waitingWeeks).filter((w) => !corrections.includes(w));
  if (waiting.length) actions.push(m.actApprove(waiting));
  if (corrections.length) actions.push(m.actCorrection(corrections));
  // the period overlaps the month, so the end is never before its first day
  if (toDay(p.eind) <= month.last + FINAL_ASSESSMENT_DAYS) {
    actions.push(p.beeindigd_reden
      ? m.actFinalBroken(fmtDate(p.eind, l), m.reden[p.beeindigd_reden] ?? p.beeindigd_reden)
      : m.actFinal(fmtDate(p.eind, l), p.eind < asOf));
  }
  return actions;
}

function percentage(approvedUnits: number, urenTotaal: number): number {
  // integers until the one division: 512/1336 is 38.3, never 38.29999
  return Math.round((approvedUnits * 1000) / toUnits(urenTotaal)) / 10;
}

function placementReport(
  p: PlacementRow,
  row: number,
  leerbedrijf: string,
  month: ReportMonth,
  asOf: IsoDate,
  index: HoursIndex,
  pok: PokLookup | null,
  findings: readonly Finding[],
  l: Lang,
  open: OpenWeeks,
): ReportPlacement {
  const { weeks, totals, waiting } = weeksOf(p, row, month, index);
  const approved = index.approved(row);
  return {
    placement: p.plaatsing_id,
    student: p.studentnummer,
    naam: p.naam,
    sorteernaam: p.sorteernaam,
    opleiding: p.opleiding,
    crebo: p.crebo,
    niveau: p.niveau,
    leerweg: p.leerweg,
    leerbedrijf,
    startdatum: p.startdatum,
    einddatum: p.einddatum,
    effectieve_einddatum: p.eind,
    beeindigd_reden: p.beeindigd_reden,
    uren_per_week: p.uren_per_week,
    pok: pok ? pok(p.plaatsing_id) : null,
    weeks,
    totals,
    goedgekeurd_tot_maandeinde: hours(approved),
    goedgekeurd_tot: p.eind < month.lastIso ? p.eind : month.lastIso,
    uren_totaal: p.uren_totaal,
    percentage: percentage(approved, p.uren_totaal),
    findings: [...findings],
    actions: actionsFor(p, weeks, waiting, month, asOf, l, open),
  };
}

function byPlacement(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = map.get(f.placement);
    if (list) list.push(f);
    else map.set(f.placement, [f]);
  }
  return map;
}

const collator = new Intl.Collator('nl');
/** Code-point order, as SQLite's default collation and the validator sort ids. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The month's reports, read from the database at once and built one at a time. */
export interface MonthlyReports extends Iterable<PoReport> {
  /** how many reports the iteration gives */
  readonly size: number;
}

/**
 * Reads everything at once (a handful of queries), then builds each praktijkopleider's report
 * as the iteration reaches it, ordered by e-mail address. Iterating needs no database, so the
 * caller may close it first; a report that is written and let go leaves nothing for the
 * garbage collector to carry along (a thousand reports of the bench cost half their time in
 * GC when all were held).
 */
export async function readMonthlyReports(db: Db, opts: MonthlyOptions): Promise<MonthlyReports> {
  const requested = opts.praktijkopleiders?.length ? [...new Set(opts.praktijkopleiders.map((e) => e.trim().toLowerCase()))] : null;
  const dataVersion = () => db.pragma('data_version', { simple: true }) as number;
  const version = dataVersion();
  const elsewhere = requested === null ? opts.hours?.(opts.month) : undefined;
  /**
   * Everything this connection reads, in one snapshot; the hours too when `hours`. Without
   * them, it is what can be made while they are read elsewhere.
   */
  const read = (hours: boolean) => {
    // within a caller's transaction its snapshot serves
    const own = !db.inTransaction;
    if (own) db.exec('BEGIN');
    try {
      const rows = readPlacements(db, opts.month, requested).sort(
        (a, b) => compare(a.po_email, b.po_email) || compare(a.plaatsing_id, b.plaatsing_id),
      );
      /** a requested praktijkopleider without placements in the month still gets a report */
      const emails = [...new Set([...(requested ?? []), ...rows.map((r) => r.po_email)])].sort(compare);
      return {
        rows,
        rowOf: positions(rows),
        emails,
        names: personNames(db, emails),
        companies: companyNames(db, [...new Set(rows.map((r) => r.company_id))]),
        hours: hours ? readHours(db, opts.month, requested) : null,
        open: opts.openOutside === false ? [] : readOpenOutside(db, opts.month, requested),
      };
    } finally {
      if (own) db.exec('COMMIT');
    }
  };
  let data = read(elsewhere === undefined);
  if (elsewhere) {
    opts.announce?.(data.emails);
    const hours = await elsewhere;
    // The other connection read a state of its own: this one's when nothing was committed
    // since `version` was read. Else (an import meanwhile) all is read again here.
    data = hours !== null && dataVersion() === version ? { ...data, hours } : read(true);
  }
  const { rows, rowOf, emails, names, companies } = data;
  const open: OpenWeeks = new Map();
  for (const [id, datum, status] of data.open) {
    let o = open.get(id);
    if (!o) open.set(id, (o = { waiting: new Set(), corrections: new Set() }));
    (status === 'ingediend' ? o.waiting : o.corrections).add(isoWeek(toDay(datum)));
  }
  const ids = rows.map((r) => r.plaatsing_id);
  const index = new HoursIndex(rowOf, data.hours!);
  const pok = opts.pok === false ? null : (opts.pok ?? defaultPokLookup)(db, ids);
  const findings = byPlacement(opts.findings ? opts.findings(ids) : []);
  const { month, asOf } = opts;
  const l = opts.lang ?? lang();

  function* build(): Generator<PoReport> {
    let i = 0;
    for (const email of emails) {
      const report: PoReport = { month: month.month, praktijkopleider: { naam: names.get(email) ?? email, email }, leerbedrijven: [], placements: [] };
      for (; i < rows.length && rows[i]!.po_email === email; i++) {
        const r = rows[i]!;
        const leerbedrijf = companies.get(r.company_id) ?? '';
        report.placements.push(placementReport(r, i, leerbedrijf, month, asOf, index, pok, findings.get(r.plaatsing_id) ?? [], l, open));
        if (!report.leerbedrijven.includes(leerbedrijf)) report.leerbedrijven.push(leerbedrijf);
      }
      report.leerbedrijven.sort(collator.compare);
      yield report;
    }
  }
  return { size: emails.length, [Symbol.iterator]: build };
}
