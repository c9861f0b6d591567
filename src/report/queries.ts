// The monthly report's reads: a few set-based queries whatever the number of placements
// (the bench has 100,000 placements and a million timesheet rows). Nothing here is queried per
// placement or per week.
//
// Hours are summed as integers of 1/10000 hour, like the validator (src/rules/hours.ts): a sum
// of REALs such as 0.1 + 0.2 is not exact in binary, a sum of integers is.

import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { EndReason, Leerweg } from '../domain/types.js';
import { mondayOf, toIso } from '../rules/dates.js';
import { UNITS_PER_HOUR } from '../rules/hours.js';
import type { ReportMonth } from './month.js';

export interface PlacementRow {
  id: number;
  plaatsing_id: string;
  studentnummer: string;
  /** voornaam [tussenvoegsel] achternaam */
  naam: string;
  /** achternaam voornaam (a list of names goes by achternaam, without the tussenvoegsel) */
  sorteernaam: string;
  opleiding: string | null;
  crebo: string;
  niveau: number;
  leerweg: Leerweg;
  company_id: number;
  startdatum: string;
  einddatum: string;
  /** the effective end: einddatum, or the day the BPV was broken off */
  eind: string;
  beeindigd_reden: EndReason | null;
  uren_totaal: number;
  uren_per_week: number;
  po_email: string;
}

// The period is startdatum up to the effective end: a BPV broken off before the month is not in
// that month's report. No ORDER BY: walking placements in rowid order and sorting the result
// in JS is several times cheaper than SQLite's walk of the praktijkopleider index. Turning
// fifty thousand rows into JS strings is most of this query's time, so the name comes joined
// (as studentName joins it) and the company and praktijkopleider names, shared by many
// placements, come once each from their own small queries.
const PLACEMENT_COLUMNS = `
  SELECT p.id, p.plaatsing_id, p.studentnummer,
         s.voornaam || CASE WHEN ifnull(s.tussenvoegsel, '') = '' THEN '' ELSE ' ' || s.tussenvoegsel END || ' ' || s.achternaam AS naam,
         p.opleiding, p.crebo, p.niveau, p.leerweg, p.company_id,
         p.startdatum, p.einddatum, ifnull(p.beeindigd_op, p.einddatum) AS eind, p.beeindigd_reden,
         p.uren_totaal, p.uren_per_week, p.praktijkopleider_email AS po_email,
         s.achternaam || ' ' || s.voornaam AS sorteernaam
    FROM placements p
    JOIN students s ON s.studentnummer = p.studentnummer
   WHERE p.startdatum <= :last AND ifnull(p.beeindigd_op, p.einddatum) >= :first`;

/** PLACEMENT_COLUMNS' columns, in their order. */
type PlacementTuple = [
  PlacementRow['id'], PlacementRow['plaatsing_id'], PlacementRow['studentnummer'], PlacementRow['naam'], PlacementRow['opleiding'],
  PlacementRow['crebo'], PlacementRow['niveau'], PlacementRow['leerweg'], PlacementRow['company_id'], PlacementRow['startdatum'],
  PlacementRow['einddatum'], PlacementRow['eind'], PlacementRow['beeindigd_reden'], PlacementRow['uren_totaal'],
  PlacementRow['uren_per_week'], PlacementRow['po_email'], PlacementRow['sorteernaam'],
];

// Every praktijkopleider, or those in :pos (a JSON array; the index on praktijkopleider_email
// then finds their placements without reading the others).
const IN_POS = `p.praktijkopleider_email IN (SELECT value FROM json_each(:pos))`;

const UNITS = `CAST(round(t.uren * ${UNITS_PER_HOUR}) AS INTEGER)`;

// The month's entries inside the period, grouped by placement, week and soort: wk 0 is the
// week of the month's first day, and the day of the month gives it without any date function.
// Entries outside the period are buiten-periode findings, not BPV hours, and are left out.
// soort: 0 gewerkt, 1 ziek, 2 afwezig, 3 verlof (SOORTEN's order). One sum per group rather
// than one per soort over each week's rows: a CASE per soort on every row of the month made the
// scan a tenth slower (0.43 s against 0.385 s in the sqlite3 CLI), for a few more groups.
// rank: 0 correctie, 1 concept, 2 ingediend, 3 goedgekeurd — the week's status is its minimum;
// waiting: 1 when an entry is `ingediend`, which the praktijkopleider can approve (and is late
// with, says akkoord-te-laat) even while another entry of the week is still `concept`.
const MONTH_COLUMNS = `
  SELECT t.placement_id,
         (CAST(substr(t.datum, 9, 2) AS INTEGER) + CAST(:shift AS INTEGER)) / 7 AS wk,
         CASE t.soort WHEN 'gewerkt' THEN 0 WHEN 'ziek' THEN 1 WHEN 'afwezig' THEN 2 ELSE 3 END AS s,
         sum(${UNITS}),
         min(CASE t.status WHEN 'correctie' THEN 0 WHEN 'concept' THEN 1 WHEN 'ingediend' THEN 2 ELSE 3 END),
         sum(CASE WHEN t.status = 'goedgekeurd' THEN ${UNITS} ELSE 0 END),
         max(t.status = 'ingediend')`;
const IN_MONTH = `t.datum BETWEEN :first AND :last AND t.datum >= p.startdatum AND t.datum <= ifnull(p.beeindigd_op, p.einddatum)`;

// Approved worked hours before the month, from startdatum on, of the placements in the report:
// with the month's own approved hours, the approved hours up to the month's end.
const BEFORE_COLUMNS = `SELECT t.placement_id, sum(${UNITS})`;
const BEFORE = `t.datum < :first AND t.soort = 'gewerkt' AND t.status = 'goedgekeurd' AND t.datum >= p.startdatum
     AND p.startdatum <= :last AND ifnull(p.beeindigd_op, p.einddatum) >= :first`;

// Without a praktijkopleider filter the month's rows are found by one scan of the table; with
// one, from the placements through the timesheets' (placement_id, datum) key. NOT INDEXED: left
// to itself SQLite walks the whole key and looks each row up in the table, which for the month
// (a quarter of the rows, grouped by week anyway) took 0.45 s where reading the table in its
// own order takes 0.3 s (a million rows). The months before keep the key: grouped by
// placement only, its order spares a sort.
const SQL = {
  placementsAll: PLACEMENT_COLUMNS,
  placementsOf: `${PLACEMENT_COLUMNS} AND ${IN_POS}`,
  monthAll: `${MONTH_COLUMNS} FROM timesheets t NOT INDEXED JOIN placements p ON p.id = t.placement_id WHERE ${IN_MONTH} GROUP BY t.placement_id, wk, s`,
  monthOf: `${MONTH_COLUMNS} FROM placements p JOIN timesheets t ON t.placement_id = p.id WHERE ${IN_POS} AND ${IN_MONTH} GROUP BY t.placement_id, wk, s`,
  beforeAll: `${BEFORE_COLUMNS} FROM timesheets t JOIN placements p ON p.id = t.placement_id WHERE ${BEFORE} GROUP BY t.placement_id`,
  beforeOf: `${BEFORE_COLUMNS} FROM placements p JOIN timesheets t ON t.placement_id = p.id WHERE ${IN_POS} AND ${BEFORE} GROUP BY t.placement_id`,
} as const;

/** One group of the month's hours (one soort in one week of one placement), in units of 1/10000 hour. */
export type MonthRow = [placementId: number, wk: number, soort: number, units: number, rank: number, approved: number, waiting: number];
/** numbers per group in MonthHours */
export const MONTH_ROW = 7;
/**
 * The month's groups packed, MONTH_ROW numbers a group in MonthRow's order: one array a second
 * thread can hand over without copying, and 77,000 groups that are not 77,000 arrays for the
 * garbage collector to carry.
 */
export type MonthHours = Float64Array<ArrayBuffer>;

/** The queries, for tests that check their plans and for the bench. */
export const REPORT_SQL = SQL;

function params(month: ReportMonth, pos: readonly string[] | null) {
  return {
    first: month.firstIso,
    last: month.lastIso,
    ...(pos === null ? {} : { pos: JSON.stringify(pos.map((e) => e.trim().toLowerCase())) }),
  };
}

/** The placements whose period overlaps the month, in no particular order. */
export function readPlacements(db: Db, month: ReportMonth, pos: readonly string[] | null): PlacementRow[] {
  // Rows as arrays, made into objects here: better-sqlite3 names each column of each row
  // through V8's API, which took 0.35-0.6 s for the bench's 50,000 placements against 0.25 s.
  // Walked rather than all(), and the values that repeat (dates, a praktijkopleider's address,
  // the programme) kept once: 0.39-0.48 s -> 0.33 s in a new process, and equal e-mail
  // addresses are then one string, which the sort by them compares at once.
  const st = db.prepare(pos === null ? SQL.placementsAll : SQL.placementsOf).raw(true);
  const seen = new Map<string, string>();
  const once = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = seen.get(s);
    if (known !== undefined) return known as T;
    seen.set(s, s);
    return s;
  };
  const rows: PlacementRow[] = [];
  for (const r of st.iterate(params(month, pos)) as IterableIterator<PlacementTuple>) {
    rows.push({
      id: r[0], plaatsing_id: r[1], studentnummer: r[2], naam: r[3], opleiding: once(r[4]), crebo: once(r[5]), niveau: r[6],
      leerweg: once(r[7]), company_id: r[8], startdatum: once(r[9]), einddatum: once(r[10]), eind: once(r[11]),
      beeindigd_reden: r[12], uren_totaal: r[13], uren_per_week: r[14], po_email: once(r[15]), sorteernaam: r[16],
    });
  }
  return rows;
}

/**
 * A query's rows of numbers, packed `width` to a row. Each row is let go as soon as it is
 * copied: the whole result as arrays (`all()`), 74,000 of them held until the last, cost the
 * cold scan of a new process a fifth more than walking it (0.63 s against 0.53 s, measured).
 */
function packRows(st: Statement, params: object, width: number): Float64Array<ArrayBuffer> {
  let packed = new Float64Array(width * 4096);
  let k = 0;
  for (const r of st.raw(true).iterate(params) as IterableIterator<number[]>) {
    if (k + width > packed.length) {
      const grown = new Float64Array(packed.length * 2);
      grown.set(packed);
      packed = grown;
    }
    for (let i = 0; i < width; i++) packed[k++] = r[i]!;
  }
  return packed.slice(0, k);
}

export function readMonthHours(db: Db, month: ReportMonth, pos: readonly string[] | null): MonthHours {
  // better-sqlite3 binds a JS number as REAL; the SQL casts it so the week index divides as integers
  const shift = month.first - month.firstMonday - 1;
  return packRows(db.prepare(pos === null ? SQL.monthAll : SQL.monthOf), { ...params(month, pos), shift }, MONTH_ROW);
}

/** Pairs of placement row id and approved worked hours (units) from startdatum up to the day before the month. */
export function readApprovedBefore(db: Db, month: ReportMonth, pos: readonly string[] | null): Float64Array<ArrayBuffer> {
  return packRows(db.prepare(pos === null ? SQL.beforeAll : SQL.beforeOf), params(month, pos), 2);
}

/** What the report reads of the timesheets, packed: arrays of numbers a second thread hands over without copying. */
export interface ReportHours {
  month: MonthHours;
  /** see readApprovedBefore */
  before: Float64Array<ArrayBuffer>;
}

export function readHours(db: Db, month: ReportMonth, pos: readonly string[] | null): ReportHours {
  // two passes over a table of a million rows: read through a memory map rather than a system
  // call per page (a third less system time on the bench); for this connection only
  db.pragma('mmap_size = 1073741824');
  // GROUP BY sorts a quarter of a million entries: more than the page cache, so SQLite's sorter
  // spilled them to a temporary file (0.04 s of the month's scan, measured)
  db.pragma('temp_store = MEMORY');
  return { month: readMonthHours(db, month, pos), before: readApprovedBefore(db, month, pos) };
}

// Entries outside the month, inside the period, that still ask the praktijkopleider something:
// submitted and waiting for approval, or sent back for correction. Outside: before the month,
// and the days after it in its last week (30 November's week has a correction open when its
// 2 December entry was sent back, though November's report shows only its Monday). Few rows; the status is in
// no index, so every praktijkopleider's report reads the table once more (not the CSV's, which
// has no actions).
const OPEN_OUTSIDE_COLUMNS = `SELECT t.placement_id, t.datum, t.status`;
const OPEN_OUTSIDE = `(t.datum < :first OR (t.datum > :last AND t.datum <= :weekEnd)) AND t.status IN ('ingediend', 'correctie') AND t.datum >= p.startdatum
     AND t.datum <= ifnull(p.beeindigd_op, p.einddatum) AND p.startdatum <= :last AND ifnull(p.beeindigd_op, p.einddatum) >= :first`;
const OPEN_OUTSIDE_SQL = {
  all: `${OPEN_OUTSIDE_COLUMNS} FROM timesheets t JOIN placements p ON p.id = t.placement_id WHERE ${OPEN_OUTSIDE}`,
  of: `${OPEN_OUTSIDE_COLUMNS} FROM placements p JOIN timesheets t ON t.placement_id = p.id WHERE ${IN_POS} AND ${OPEN_OUTSIDE}`,
} as const;

/** Entries dated outside the month (see OPEN_OUTSIDE) that wait for approval or a correction: [placement row id, datum, status]. */
export function readOpenOutside(db: Db, month: ReportMonth, pos: readonly string[] | null): [number, string, 'ingediend' | 'correctie'][] {
  // the Sunday of the week holding the month's last day
  const weekEnd = toIso(mondayOf(month.last) + 6);
  return db.prepare(pos === null ? OPEN_OUTSIDE_SQL.all : OPEN_OUTSIDE_SQL.of).raw(true).all({ ...params(month, pos), weekEnd }) as [number, string, 'ingediend' | 'correctie'][];
}

/** e-mail → name of these persons. */
export function personNames(db: Db, emails: readonly string[]): Map<string, string> {
  const rows = db.prepare('SELECT email, naam FROM persons WHERE email IN (SELECT value FROM json_each(?))').raw(true).all(JSON.stringify(emails));
  return new Map(rows as [string, string][]);
}

/** company id → name of these companies. */
export function companyNames(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = db.prepare('SELECT id, naam FROM companies WHERE id IN (SELECT value FROM json_each(?))').raw(true).all(JSON.stringify(ids));
  return new Map(rows as [number, string][]);
}
