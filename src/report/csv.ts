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

/** numbers per week row in CsvParts.weeks */
const WEEK_WIDTH = 9;

/**
 * A report's CSV with its week rows still numbers: the report's second thread finishes it
 * (csvFromParts) while this one builds the next report. Made here and handed over as text, the
 * week rows (170,000 in the bench's month) cost this thread a quarter of a second: formatting
 * and joining them, and copying the text to that thread.
 */
export interface CsvParts {
  dialect: CsvDialect;
  /** per placement: its cells before the week's, the delimiter after them */
  heads: string[];
  /** per placement: the delimiter, then its cells after the week's */
  tails: string[];
  /** the strings of this report's weeks (week, van, tot, status), each once */
  symbols: string[];
  /**
   * WEEK_WIDTH numbers per week row: the placement's index, the week, van and tot (symbols),
   * the hours gewerkt, ziek, afwezig and verlof, the status (a symbol)
   */
  weeks: Float64Array<ArrayBuffer>;
}

/** One praktijkopleider's month, its week rows left to csvFromParts. */
export function reportCsvParts(r: PoReport, dialect: CsvDialect): CsvParts {
  const d = csvDelimiter(dialect);
  const heads: string[] = [];
  const tails: string[] = [];
  const symbols: string[] = [];
  const symbolOf = new Map<string, number>();
  const symbol = (s: string): number => {
    let k = symbolOf.get(s);
    if (k === undefined) {
      symbolOf.set(s, (k = symbols.length));
      symbols.push(s);
    }
    return k;
  };
  let rows = 0;
  for (const p of r.placements) rows += p.weeks.length;
  const weeks = new Float64Array(rows * WEEK_WIDTH);
  let at = 0;
  r.placements.forEach((p, i) => {
    const broken = p.beeindigd_reden !== null;
    heads.push(csvCells(PLACEMENT_COLUMNS, [
      p.placement, p.student, p.naam, p.opleiding, p.leerbedrijf, p.startdatum, p.einddatum,
      broken ? p.effectieve_einddatum : null, p.beeindigd_reden,
    ], dialect) + d);
    tails.push(d + csvCells(TOTAL_COLUMNS, [p.uren_per_week, p.goedgekeurd_tot_maandeinde, p.uren_totaal, p.percentage], dialect));
    for (const w of p.weeks) {
      weeks[at++] = i;
      weeks[at++] = symbol(w.week);
      weeks[at++] = symbol(w.van);
      weeks[at++] = symbol(w.tot);
      weeks[at++] = w.gewerkt;
      weeks[at++] = w.ziek;
      weeks[at++] = w.afwezig;
      weeks[at++] = w.verlof;
      weeks[at++] = symbol(w.status);
    }
  });
  return { dialect, heads, tails, symbols, weeks };
}

/** The file reportCsvParts left to finish: a row per placement-week. */
export function csvFromParts({ dialect, heads, tails, symbols, weeks }: CsvParts): CsvFile {
  let weekCells = weekRows.get(dialect);
  if (!weekCells) weekRows.set(dialect, (weekCells = csvRow(WEEK_COLUMNS, dialect)));
  const lines: string[] = [];
  const values: unknown[] = new Array(WEEK_COLUMNS.length);
  for (let at = 0; at < weeks.length; at += WEEK_WIDTH) {
    const p = weeks[at]!;
    values[0] = symbols[weeks[at + 1]!];
    values[1] = symbols[weeks[at + 2]!];
    values[2] = symbols[weeks[at + 3]!];
    for (let h = 0; h < 4; h++) values[3 + h] = weeks[at + 4 + h];
    values[7] = symbols[weeks[at + 8]!];
    lines.push(heads[p]! + weekCells(values) + tails[p]!);
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
