// CSV written for people (SPEC §8): UTF-8 with BOM and `;` so Dutch Excel opens it as columns,
// dates DD-MM-YYYY, decimal comma; `--csv-dialect rfc4180` gives `,`, ISO dates and a decimal
// point for programs. Cells that a spreadsheet would run as a formula are written as text.
import { UsageError } from '../errors.js';

export type CsvDialect = 'excel' | 'rfc4180';
export type ColumnKind = 'text' | 'date' | 'number';

export interface CsvColumn {
  header: string;
  kind?: ColumnKind;
  /**
   * Few distinct values over many rows (a week, a day of the month, an hour count, a status):
   * each is formatted once per formatter (see csvRow).
   */
  repeats?: boolean;
}

export function parseDialect(v: string | undefined): CsvDialect {
  if (v === undefined || v === 'excel' || v === 'nl') return 'excel';
  if (v === 'rfc4180') return 'rfc4180';
  throw new UsageError(`--csv-dialect: "${v}" is onbekend; kies excel of rfc4180`);
}

// CSV injection: =, +, -, @, tab and CR start a formula or break a cell in spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

// Dates repeat (a month has 31 days, a report a few hundred start and end dates): convert each once.
const excelDates = new Map<string, string>();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cell(v: unknown, kind: ColumnKind, dialect: CsvDialect): string {
  if (v === null || v === undefined) return '';
  if (kind === 'number' && typeof v === 'number') {
    const s = String(Math.round(v * 10000) / 10000);
    return dialect === 'excel' ? s.replace('.', ',') : s;
  }
  if (kind === 'date' && typeof v === 'string') {
    if (dialect !== 'excel') return ISO_DATE.test(v) ? v : cell(v, 'text', dialect);
    let d = excelDates.get(v);
    if (d === undefined) {
      d = ISO_DATE.test(v) ? `${v.slice(8, 10)}-${v.slice(5, 7)}-${v.slice(0, 4)}` : cell(v, 'text', dialect);
      if (excelDates.size < 100_000) excelDates.set(v, d);
    }
    return d;
  }
  const s = typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : JSON.stringify(v);
  // a leading apostrophe is how spreadsheets themselves mark text
  return FORMULA_START.test(s) ? `'${s}` : s;
}

// Quoted when a spreadsheet would otherwise split the cell: the delimiter, a quote, or a line
// break of either kind (Excel puts a lone LF inside a cell). Written by hand rather than with
// csv-stringify: the monthly report writes a hundred thousand rows, and this is the same
// output (test/csv-output.test.ts checks it against csv-stringify) about ten times faster.
function quote(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row's cells, quoted and joined with the dialect's delimiter: a line, or a part of one. */
export function csvCells(columns: readonly CsvColumn[], values: readonly unknown[], dialect: CsvDialect): string {
  const delimiter = csvDelimiter(dialect);
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += delimiter;
    line += quote(cell(values[i], columns[i]!.kind ?? 'text', dialect), delimiter);
  }
  return line;
}

// a column with more distinct values than this is not one that repeats: stop remembering
const MEMO_LIMIT = 10_000;

/**
 * csvCells for many rows of the same columns: the cells of columns marked `repeats` are
 * formatted once per distinct value and then looked up. The monthly report's 170,000 week rows
 * hold a few hundred distinct week cells; formatting each anew was most of its CSV's time.
 */
export function csvRow(columns: readonly CsvColumn[], dialect: CsvDialect): (values: readonly unknown[]) => string {
  const delimiter = csvDelimiter(dialect);
  const kinds = columns.map((c) => c.kind ?? 'text');
  const memos = columns.map((c) => (c.repeats ? new Map<unknown, string>() : undefined));
  return (values) => {
    let line = '';
    for (let i = 0; i < kinds.length; i++) {
      if (i > 0) line += delimiter;
      const v = values[i];
      const memo = memos[i];
      let s = memo?.get(v);
      if (s === undefined) {
        s = quote(cell(v, kinds[i]!, dialect), delimiter);
        if (memo && memo.size < MEMO_LIMIT) memo.set(v, s);
      }
      line += s;
    }
    return line;
  };
}

/**
 * A CSV file's text without its byte order mark, and whether one goes before it (Dutch Excel's
 * UTF-8). Apart, the text of a Dutch report stays a string of one byte a character (é and ë are
 * Latin-1): the mark in front made all of it two bytes a character, twice the copying when it
 * is handed to another thread to be written.
 */
export interface CsvFile {
  bom: boolean;
  text: string;
}

/**
 * The file: the header of `columns`, then `lines` as csvCells made them (a caller writing many
 * rows that share cells formats those once and joins the parts with `csvDelimiter`).
 */
export function csvFile(columns: readonly CsvColumn[], lines: readonly string[], dialect: CsvDialect): CsvFile {
  const delimiter = csvDelimiter(dialect);
  const eol = dialect === 'excel' ? '\r\n' : '\n';
  const head = columns.map((c) => quote(c.header, delimiter)).join(delimiter);
  return { bom: dialect === 'excel', text: lines.length ? `${head}${eol}${lines.join(eol)}${eol}` : `${head}${eol}` };
}

/** The file's whole text, its byte order mark included. */
export function csvText(f: CsvFile): string {
  return f.bom ? `\uFEFF${f.text}` : f.text;
}

export function csvDocument(columns: readonly CsvColumn[], lines: readonly string[], dialect: CsvDialect): string {
  return csvText(csvFile(columns, lines, dialect));
}

export function csvDelimiter(dialect: CsvDialect): string {
  return dialect === 'excel' ? ';' : ',';
}

export function peopleCsv(columns: readonly CsvColumn[], rows: readonly (readonly unknown[])[], dialect: CsvDialect = 'excel'): string {
  return csvDocument(columns, rows.map((r) => csvCells(columns, r, dialect)), dialect);
}
