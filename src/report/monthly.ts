// bpv report monthly without the CLI (SPEC §6): per praktijkopleider, their placements whose
// period overlaps the month, with the month's hours per ISO week, the approved hours so far,
// the validator's findings and what the praktijkopleider should do. Returns data; printing and
// files are the renderers' business.

import type { Db } from '../db/open.js';
import { studentName } from '../db/placements.js';
import type { Finding, IsoDate } from '../domain/types.js';
import { fmtDate } from '../i18n/lang.js';
import { reportMsg } from '../i18n/report.js';
import { isoWeekOfMonday, mondayOf, toDay, toIso } from '../rules/dates.js';
import { UNITS_PER_HOUR, toUnits } from '../rules/hours.js';
import type { ReportMonth } from './month.js';
import { WEEK_STATUSES, type Hours, type PoReport, type ReportPlacement, type ReportWeek } from './model.js';
import { pokLookup as defaultPokLookup, type PokLookup } from './pok.js';
import { personNames, readHours, readPlacements, type HoursRow, type PlacementRow } from './queries.js';

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
  /** Omitted: the POK module's state (tests may pass their own). */
  pok?: (db: Db, plaatsingIds: string[]) => PokLookup;
}

/** How many days after the month's last day an ending BPV asks for the final assessment. */
const FINAL_ASSESSMENT_DAYS = 30;

const hours = (units: number): number => Math.round(units / (UNITS_PER_HOUR / 100)) / 100;

interface PlacementHours {
  /** by week index in the month (0 = the week of its first day) */
  weeks: (HoursRow | undefined)[];
  approved: number;
}

function groupHours(rows: readonly HoursRow[]): Map<number, PlacementHours> {
  const byPlacement = new Map<number, PlacementHours>();
  for (const r of rows) {
    let h = byPlacement.get(r[0]);
    if (h === undefined) byPlacement.set(r[0], (h = { weeks: [], approved: 0 }));
    h.approved += r[7];
    if (r[1] >= 0) h.weeks[r[1]] = r;
  }
  return byPlacement;
}

function weeksOf(p: PlacementRow, month: ReportMonth, h: PlacementHours | undefined): { weeks: ReportWeek[]; totals: Hours } {
  const lo = Math.max(month.first, toDay(p.startdatum));
  const hi = Math.min(month.last, toDay(p.eind));
  const weeks: ReportWeek[] = [];
  const units = [0, 0, 0, 0];
  for (let monday = mondayOf(lo); monday <= hi; monday += 7) {
    const row = h?.weeks[(monday - month.firstMonday) / 7];
    if (row) for (let i = 0; i < 4; i++) units[i] += row[2 + i];
    weeks.push({
      week: isoWeekOfMonday(monday),
      van: toIso(Math.max(monday, lo)),
      tot: toIso(Math.min(monday + 6, hi)),
      gewerkt: hours(row?.[2] ?? 0),
      ziek: hours(row?.[3] ?? 0),
      afwezig: hours(row?.[4] ?? 0),
      verlof: hours(row?.[5] ?? 0),
      status: row ? WEEK_STATUSES[row[6]]! : 'leeg',
    });
  }
  return { weeks, totals: { gewerkt: hours(units[0]), ziek: hours(units[1]), afwezig: hours(units[2]), verlof: hours(units[3]) } };
}

function actionsFor(p: PlacementRow, weeks: readonly ReportWeek[], month: ReportMonth, asOf: IsoDate): string[] {
  const m = reportMsg();
  const actions: string[] = [];
  const waiting = weeks.filter((w) => w.status === 'wacht-op-akkoord').map((w) => w.week);
  const corrections = weeks.filter((w) => w.status === 'correctie').map((w) => w.week);
  if (waiting.length) actions.push(m.actApprove(waiting));
  if (corrections.length) actions.push(m.actCorrection(corrections));
  // the period overlaps the month, so the end is never before its first day
  if (toDay(p.eind) <= month.last + FINAL_ASSESSMENT_DAYS) {
    actions.push(p.beeindigd_reden
      ? m.actFinalBroken(fmtDate(p.eind), m.reden[p.beeindigd_reden] ?? p.beeindigd_reden)
      : m.actFinal(fmtDate(p.eind), p.eind < asOf));
  }
  return actions;
}

function percentage(approvedUnits: number, urenTotaal: number): number {
  // integers until the one division: 512/1336 is 38.3, never 38.29999
  return Math.round((approvedUnits * 1000) / toUnits(urenTotaal)) / 10;
}

function placementReport(
  p: PlacementRow,
  month: ReportMonth,
  asOf: IsoDate,
  h: PlacementHours | undefined,
  pok: PokLookup,
  findings: readonly Finding[],
): ReportPlacement {
  const { weeks, totals } = weeksOf(p, month, h);
  const approved = h?.approved ?? 0;
  return {
    placement: p.plaatsing_id,
    student: p.studentnummer,
    naam: studentName(p),
    opleiding: p.opleiding,
    crebo: p.crebo,
    niveau: p.niveau,
    leerweg: p.leerweg,
    leerbedrijf: p.leerbedrijf,
    startdatum: p.startdatum,
    einddatum: p.einddatum,
    effectieve_einddatum: p.eind,
    beeindigd_reden: p.beeindigd_reden,
    uren_per_week: p.uren_per_week,
    pok: pok(p.plaatsing_id),
    weeks,
    totals,
    goedgekeurd_tot_maandeinde: hours(approved),
    goedgekeurd_tot: p.eind < month.lastIso ? p.eind : month.lastIso,
    uren_totaal: p.uren_totaal,
    percentage: percentage(approved, p.uren_totaal),
    findings: [...findings],
    actions: actionsFor(p, weeks, month, asOf),
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

/** The reports, one per praktijkopleider, ordered by e-mail address. */
export function monthlyReports(db: Db, opts: MonthlyOptions): PoReport[] {
  const requested = opts.praktijkopleiders?.length ? opts.praktijkopleiders.map((e) => e.trim().toLowerCase()) : null;
  const rows = readPlacements(db, opts.month, requested);
  const ids = rows.map((r) => r.plaatsing_id);
  const hoursOf = groupHours(readHours(db, opts.month, requested));
  const pok = (opts.pok ?? defaultPokLookup)(db, ids);
  const findings = byPlacement(opts.findings ? opts.findings(ids) : []);

  const reports = new Map<string, PoReport>();
  if (requested) {
    const names = personNames(db, requested);
    for (const email of [...new Set(requested)].sort()) {
      reports.set(email, { month: opts.month.month, praktijkopleider: { naam: names.get(email) ?? email, email }, leerbedrijven: [], placements: [] });
    }
  }
  for (const r of rows) {
    let report = reports.get(r.po_email);
    if (!report) reports.set(r.po_email, (report = { month: opts.month.month, praktijkopleider: { naam: r.po_naam, email: r.po_email }, leerbedrijven: [], placements: [] }));
    report.placements.push(placementReport(r, opts.month, opts.asOf, hoursOf.get(r.id), pok, findings.get(r.plaatsing_id) ?? []));
    if (!report.leerbedrijven.includes(r.leerbedrijf)) report.leerbedrijven.push(r.leerbedrijf);
  }
  for (const r of reports.values()) r.leerbedrijven.sort(collator.compare);
  return [...reports.values()];
}
