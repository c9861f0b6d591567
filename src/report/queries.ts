// The monthly report's reads: a few set-based queries whatever the number of placements
// (the bench has 100,000 placements and a million timesheet rows). Nothing here is queried per
// placement or per week.
//
// Hours are summed as integers of 1/10000 hour, like the validator (src/rules/hours.ts): a sum
// of REALs such as 0.1 + 0.2 is not exact in binary, a sum of integers is.

import type { Db } from '../db/open.js';
import type { EndReason, Leerweg } from '../domain/types.js';
import { UNITS_PER_HOUR } from '../rules/hours.js';
import type { ReportMonth } from './month.js';

export interface PlacementRow {
  id: number;
  plaatsing_id: string;
  studentnummer: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  opleiding: string | null;
  crebo: string;
  niveau: number;
  leerweg: Leerweg;
  leerbedrijf: string;
  startdatum: string;
  einddatum: string;
  eind: string;
  beeindigd_reden: EndReason | null;
  uren_totaal: number;
  uren_per_week: number;
  po_email: string;
  po_naam: string;
}

// A NULL :pos means every praktijkopleider. The period is startdatum up to the effective end:
// a BPV broken off before the month is not in that month's report.
const PLACEMENTS_SQL = `
  SELECT p.id, p.plaatsing_id, p.studentnummer, s.voornaam, s.tussenvoegsel, s.achternaam,
         p.opleiding, p.crebo, p.niveau, p.leerweg, c.naam AS leerbedrijf,
         p.startdatum, p.einddatum, ifnull(p.beeindigd_op, p.einddatum) AS eind, p.beeindigd_reden,
         p.uren_totaal, p.uren_per_week, p.praktijkopleider_email AS po_email, po.naam AS po_naam
    FROM placements p
    JOIN students s ON s.studentnummer = p.studentnummer
    JOIN companies c ON c.id = p.company_id
    JOIN persons po ON po.email = p.praktijkopleider_email
   WHERE p.startdatum <= :last AND ifnull(p.beeindigd_op, p.einddatum) >= :first
     AND (:pos IS NULL OR p.praktijkopleider_email IN (SELECT value FROM json_each(:pos)))
   ORDER BY p.praktijkopleider_email, p.plaatsing_id`;

const UNITS = `CAST(round(t.uren * ${UNITS_PER_HOUR}) AS INTEGER)`;

// One pass over each placement's entries from startdatum up to the month's end (or the
// effective end): the month's entries grouped by the week they fall in (wk 0 is the week of the
// month's first day; the day of the month gives it without any date function), everything
// before the month in one group (wk -1) that only adds to the approved hours. Entries outside
// the period are buiten-periode findings, not BPV hours, and are left out.
// rank: 0 correctie, 1 concept, 2 ingediend, 3 goedgekeurd — the week's status is its minimum.
const HOURS_SQL = `
  SELECT t.placement_id,
         CASE WHEN t.datum >= :first THEN (CAST(substr(t.datum, 9, 2) AS INTEGER) + CAST(:shift AS INTEGER)) / 7 ELSE -1 END AS wk,
         sum(CASE WHEN t.soort = 'gewerkt' THEN ${UNITS} ELSE 0 END) AS gewerkt,
         sum(CASE WHEN t.soort = 'ziek' THEN ${UNITS} ELSE 0 END) AS ziek,
         sum(CASE WHEN t.soort = 'afwezig' THEN ${UNITS} ELSE 0 END) AS afwezig,
         sum(CASE WHEN t.soort = 'verlof' THEN ${UNITS} ELSE 0 END) AS verlof,
         min(CASE t.status WHEN 'correctie' THEN 0 WHEN 'concept' THEN 1 WHEN 'ingediend' THEN 2 ELSE 3 END) AS rank,
         sum(CASE WHEN t.soort = 'gewerkt' AND t.status = 'goedgekeurd' THEN ${UNITS} ELSE 0 END) AS goedgekeurd
    FROM placements p
    JOIN timesheets t ON t.placement_id = p.id
   WHERE p.startdatum <= :last AND ifnull(p.beeindigd_op, p.einddatum) >= :first
     AND (:pos IS NULL OR p.praktijkopleider_email IN (SELECT value FROM json_each(:pos)))
     AND t.datum >= p.startdatum AND t.datum <= min(:last, ifnull(p.beeindigd_op, p.einddatum))
   GROUP BY t.placement_id, wk`;

/** One group of HOURS_SQL, hours in units of 1/10000 hour. */
export type HoursRow = [
  placementId: number,
  wk: number,
  gewerkt: number,
  ziek: number,
  afwezig: number,
  verlof: number,
  rank: number,
  goedgekeurd: number,
];

/** The queries, for tests that check their plans and for the bench. */
export const REPORT_SQL = { placements: PLACEMENTS_SQL, hours: HOURS_SQL } as const;

function params(month: ReportMonth, pos: readonly string[] | null) {
  return {
    first: month.firstIso,
    last: month.lastIso,
    pos: pos === null ? null : JSON.stringify(pos.map((e) => e.trim().toLowerCase())),
  };
}

export function readPlacements(db: Db, month: ReportMonth, pos: readonly string[] | null): PlacementRow[] {
  return db.prepare(PLACEMENTS_SQL).all(params(month, pos)) as PlacementRow[];
}

export function readHours(db: Db, month: ReportMonth, pos: readonly string[] | null): HoursRow[] {
  const shift = ((month.first - month.firstMonday) % 7) - 1;
  return db.prepare(HOURS_SQL).raw(true).all({ ...params(month, pos), shift }) as HoursRow[];
}

/** The requested e-mail addresses that are nobody's praktijkopleider. */
export function unknownPraktijkopleiders(db: Db, emails: readonly string[]): string[] {
  const known = db.prepare('SELECT 1 FROM placements WHERE praktijkopleider_email = ? LIMIT 1');
  return emails.filter((e) => known.get(e.trim().toLowerCase()) === undefined);
}

/** Names of the requested praktijkopleiders (they may have no placement in the month). */
export function personNames(db: Db, emails: readonly string[]): Map<string, string> {
  const rows = db
    .prepare('SELECT email, naam FROM persons WHERE email IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(emails.map((e) => e.trim().toLowerCase()))) as { email: string; naam: string }[];
  return new Map(rows.map((r) => [r.email, r.naam]));
}
