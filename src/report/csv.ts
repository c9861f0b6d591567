// The monthly report as CSV for people (SPEC §8: Dutch Excel by default, rfc4180 for
// programs): one file per praktijkopleider with a row per placement-week, and index.csv for
// the mail merge. It is the hours sheet: the findings (sentences about days, weeks and whole
// placements) and the POK state live in the PDF and the JSON; leaving them out spares the CSV
// the validator's and the POK module's passes over every placement.

import { csvCells, csvDelimiter, csvFile, csvRow, peopleCsv, type CsvColumn, type CsvDialect, type CsvFile } from '../output/csv.js';
import type { PoReport } from './model.js';

// A row is the placement's cells, the week's, and the placement's totals: the placement's
// parts are formatted once, not once per week (a month's reports hold 170,000 rows).
const PLACEMENT_COLUMNS: readonly CsvColumn[] = [
  { header: 'plaatsing' },
  { header: 'studentnummer' },
  { header: 'naam' },
  { header: 'opleiding' },
  { header: 'leerbedrijf' },
  { header: 'startdatum', kind: 'date' },
  { header: 'einddatum', kind: 'date' },
  { header: 'beeindigd_op', kind: 'date' },
  { header: 'beeindigd_reden' },
];
const WEEK_COLUMNS: readonly CsvColumn[] = [
  { header: 'week', repeats: true },
  { header: 'van', kind: 'date', repeats: true },
  { header: 'tot_en_met', kind: 'date', repeats: true },
  { header: 'gewerkt', kind: 'number', repeats: true },
  { header: 'ziek', kind: 'number', repeats: true },
  { header: 'afwezig', kind: 'number', repeats: true },
  { header: 'verlof', kind: 'number', repeats: true },
  { header: 'status', repeats: true },
];
const TOTAL_COLUMNS: readonly CsvColumn[] = [
  { header: 'uren_per_week', kind: 'number' },
  { header: 'goedgekeurd_tot_maandeinde', kind: 'number' },
  { header: 'uren_totaal', kind: 'number' },
  { header: 'percentage', kind: 'number' },
];
const COLUMNS = [...PLACEMENT_COLUMNS, ...WEEK_COLUMNS, ...TOTAL_COLUMNS];

// per dialect, for the whole run: a month's reports share their weeks, days and hour counts
const weekRows = new Map<CsvDialect, (values: readonly unknown[]) => string>();

/** One praktijkopleider's month: a row per placement-week. */
export function reportCsv(r: PoReport, dialect: CsvDialect): CsvFile {
  const d = csvDelimiter(dialect);
  let weekCells = weekRows.get(dialect);
  if (!weekCells) weekRows.set(dialect, (weekCells = csvRow(WEEK_COLUMNS, dialect)));
  const lines: string[] = [];
  for (const p of r.placements) {
    const broken = p.beeindigd_reden !== null;
    const head = csvCells(PLACEMENT_COLUMNS, [
      p.placement, p.student, p.naam, p.opleiding, p.leerbedrijf, p.startdatum, p.einddatum,
      broken ? p.effectieve_einddatum : null, p.beeindigd_reden,
    ], dialect) + d;
    const tail = d + csvCells(TOTAL_COLUMNS, [p.uren_per_week, p.goedgekeurd_tot_maandeinde, p.uren_totaal, p.percentage], dialect);
    for (const w of p.weeks) {
      lines.push(head + weekCells([w.week, w.van, w.tot, w.gewerkt, w.ziek, w.afwezig, w.verlof, w.status]) + tail);
    }
  }
  return csvFile(COLUMNS, lines, dialect);
}

export const INDEX_COLUMNS: readonly CsvColumn[] = [
  { header: 'praktijkopleider' },
  { header: 'email' },
  { header: 'leerbedrijf' },
  { header: 'studenten', kind: 'number' },
  { header: 'bestand' },
];

/** One row of index.csv: what a mail merge needs, not the report (which may be let go). */
export interface IndexEntry {
  naam: string;
  email: string;
  leerbedrijven: readonly string[];
  /** students, not placements: a student with two placements at one supervisor counts once */
  studenten: number;
  /** the file's name, relative to index.csv */
  file: string;
}

export function indexEntry(r: PoReport, file: string): IndexEntry {
  return {
    naam: r.praktijkopleider.naam,
    email: r.praktijkopleider.email,
    leerbedrijven: r.leerbedrijven,
    studenten: new Set(r.placements.map((p) => p.student)).size,
    file,
  };
}

/** The mail merge list: whom to send which file. */
export function indexCsv(entries: readonly IndexEntry[], dialect: CsvDialect): string {
  return peopleCsv(INDEX_COLUMNS, entries.map((e) => [e.naam, e.email, e.leerbedrijven.join(', '), e.studenten, e.file]), dialect);
}
